package coop.cooperative.core.shared;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A command refused by a rule of the domain. The message states the rule in words a user
 * understands; subclasses say which kind of refusal it is.
 *
 * <p>Every refusal carries its {@link Refusal} (the stable code, e.g. {@code cost.fourEyes.submitted})
 * with the values its words need (a date, a month), in the order the words take them: the pages and
 * the API say it in the reader's language from that code, and the API adds the code to its problem.
 * The message stays the English text, and what is shown where no words for the code are found.
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.RuleViolation, DomainException.Conflict, DomainException.NotFound {

    private final Refusal refusal;
    private final List<Object> values;

    protected DomainException(Refusal refusal, String message, Object... values) {
        super(message);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        assert values.length == refusal.arity()
                : refusal + " takes " + refusal.arity() + " values, not " + values.length;
        this.values = Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    /** Which refusal this is. */
    public Refusal refusal() {
        return refusal;
    }

    /** The refusal's stable code ({@link Refusal#code()}). */
    public String code() {
        return refusal.code();
    }

    /** The values the code's words take, in order ({@code {0}}, {@code {1}}). */
    public List<Object> values() {
        return values;
    }

    /** The command breaks a business rule (the request is understood but not allowed). */
    public static final class RuleViolation extends DomainException {
        public RuleViolation(Refusal refusal, String rule, Object... values) {
            super(refusal, rule, values);
        }
    }

    /** The command conflicts with the current state (a duplicate, something already done). */
    public static final class Conflict extends DomainException {
        public Conflict(Refusal refusal, String rule, Object... values) {
            super(refusal, rule, values);
        }
    }

    /** The command names something that does not exist. */
    public static final class NotFound extends DomainException {
        public NotFound(Refusal refusal, String what, Object... values) {
            super(refusal, what, values);
        }
    }
}
