package coop.cooperative.core.shared;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A command refused by a rule of the domain. The message states the rule in words a user
 * understands; subclasses say which kind of refusal it is.
 *
 * <p>A refusal may also carry a stable code ({@code cost.fourEyes.submitted}) with the values its
 * words need (a date, a month): the pages say it in the reader's language from that code, and the
 * API adds it to its problem. The message stays the English text, and what a page shows when it has
 * no words for the code. A refusal without a code has {@code null}.
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.RuleViolation, DomainException.Conflict, DomainException.NotFound {

    private final String code;
    private final List<Object> values;

    protected DomainException(String message) {
        this(null, message);
    }

    protected DomainException(String code, String message, Object... values) {
        super(message);
        this.code = code;
        this.values = Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    /** The refusal's stable code, or {@code null} when the rule has none. */
    public String code() {
        return code;
    }

    /** The values the code's words take, in order ({@code {0}}, {@code {1}}). */
    public List<Object> values() {
        return values;
    }

    /** The command breaks a business rule (the request is understood but not allowed). */
    public static final class RuleViolation extends DomainException {
        public RuleViolation(String rule) {
            super(rule);
        }

        public RuleViolation(String code, String rule, Object... values) {
            super(code, rule, values);
        }
    }

    /** The command conflicts with the current state (a duplicate, something already done). */
    public static final class Conflict extends DomainException {
        public Conflict(String rule) {
            super(rule);
        }

        public Conflict(String code, String rule, Object... values) {
            super(code, rule, values);
        }
    }

    /** The command names something that does not exist. */
    public static final class NotFound extends DomainException {
        public NotFound(String what) {
            super(what);
        }
    }
}
