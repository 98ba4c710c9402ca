package coop.cooperative.core.shared;

/**
 * A command refused by a rule of the domain. The message states the rule in words a user
 * understands; subclasses say which kind of refusal it is.
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.RuleViolation, DomainException.Conflict, DomainException.NotFound {

    protected DomainException(String message) {
        super(message);
    }

    /** The command breaks a business rule (the request is understood but not allowed). */
    public static final class RuleViolation extends DomainException {
        public RuleViolation(String rule) {
            super(rule);
        }
    }

    /** The command conflicts with the current state (a duplicate, something already done). */
    public static final class Conflict extends DomainException {
        public Conflict(String rule) {
            super(rule);
        }
    }

    /** The command names something that does not exist. */
    public static final class NotFound extends DomainException {
        public NotFound(String what) {
            super(what);
        }
    }
}
