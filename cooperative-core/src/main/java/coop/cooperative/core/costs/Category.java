package coop.cooperative.core.costs;

import java.util.regex.Pattern;

/** A cost's category becomes part of an account name in the books, so it is a short lowercase word. */
public final class Category {

    /** As a regular expression, for the API's and the pages' validation too. */
    public static final String PATTERN = "[a-z][a-z0-9-]{0,39}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Category() {
    }

    public static boolean isValid(String category) {
        return category != null && VALID.matcher(category).matches();
    }
}
