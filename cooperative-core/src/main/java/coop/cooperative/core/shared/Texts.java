package coop.cooperative.core.shared;

import coop.cooperative.core.shared.DomainException.RuleViolation;

/**
 * Text an event may hold: no control characters but tab and line breaks. A NUL or an escape
 * sequence in a description came out raw in pages and broke the ledger export; the API refuses
 * them too, and here no event can hold one, whatever sent the command.
 */
public final class Texts {

    private Texts() {
    }

    /** Refuses control characters in {@code text} (null passes: whether it is required is the caller's rule). */
    public static String requirePlain(String text, String field) {
        if (text != null && text.chars().anyMatch(Texts::isControl)) {
            throw new RuleViolation(Refusal.TEXT_CONTROL_CHARACTERS, field + " must not contain control characters", field);
        }
        return text;
    }

    private static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }
}
