package coop.cooperative.app.pages;

import coop.cooperative.core.shared.DomainException;
import org.axonframework.commandhandling.CommandExecutionException;

/** The domain's refusal inside what the command bus threw, for a page to say in words. */
public final class Refusals {

    private Refusals() {
    }

    /** The refusal; anything that is not one is rethrown, so it is never shown as a rule. */
    public static DomainException of(RuntimeException e) {
        if (e instanceof DomainException domain) {
            return domain;
        }
        if (e instanceof CommandExecutionException && e.getCause() instanceof DomainException domain) {
            return domain;
        }
        throw e;
    }
}
