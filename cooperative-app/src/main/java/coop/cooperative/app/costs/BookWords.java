package coop.cooperative.app.costs;

import coop.cooperative.core.books.Accounts;
import coop.cooperative.core.books.PostingRules;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The books' words in the reader's language: categories, accounts and the lines the ledger writes
 * itself. The ledger stores them in English, as the exports (ledger.journal, ledger.csv) and the API
 * give them; the pages translate them only when they show them. Used in templates as
 * {@code ${@words.category(...)}}; anything without a key (a category of the cooperative's own, a
 * member's own description) is shown as it is.
 */
@Component("words")
public class BookWords {

    /** The ledger's own descriptions (PostingRules): a settlement's two directions and a reversal's prefix. */
    static final String PAID_IN = PostingRules.PAID_TO_COOPERATIVE;
    static final String PAID_OUT = PostingRules.RECEIVED_FROM_COOPERATIVE;
    static final String REVERSAL = PostingRules.REVERSAL_OF;
    private static final String EXPENSES = Accounts.expenses("");
    private static final String RECHARGED = Accounts.recharged("");

    private final MessageSource messages;

    BookWords(MessageSource messages) {
        this.messages = messages;
    }

    /** A category key ({@code insurance}) as the reader says it; an unknown one as it is. */
    public String category(String key) {
        return key == null ? "" : say("category." + key, key);
    }

    /** An account of the books ({@code expenses:workspace}, {@code assets:bank}) in words. */
    public String account(String account) {
        if (account == null) {
            return "";
        }
        if (account.equals(Accounts.BANK)) {
            return say("account.bank", account);
        }
        if (account.equals(Accounts.INPUT_VAT)) {
            return say("account.inputVat", account);
        }
        if (account.startsWith(EXPENSES)) {
            return say("account.expenses", account, category(account.substring(EXPENSES.length())));
        }
        if (account.startsWith(RECHARGED)) {
            return say("account.recharged", account, category(account.substring(RECHARGED.length())));
        }
        return account;
    }

    /**
     * A journal line's description: the ledger's own phrases translated, the member's text (a cost's
     * description, a reversal's reason) kept as written.
     */
    public String description(String description) {
        if (description == null) {
            return "";
        }
        if (description.equals(PAID_IN)) {
            return say("journal.settlement.paidIn", description);
        }
        if (description.equals(PAID_OUT)) {
            return say("journal.settlement.paidOut", description);
        }
        if (description.startsWith(REVERSAL)) {
            return say("journal.reversal", description, description.substring(REVERSAL.length()));
        }
        return description;
    }

    private String say(String key, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, LocaleContextHolder.getLocale());
    }
}
