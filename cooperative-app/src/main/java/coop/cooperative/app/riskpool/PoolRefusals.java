package coop.cooperative.app.riskpool;

import coop.cooperative.core.shared.DomainException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Optional;

/**
 * What the pool's scheduled runs (payouts, announced changes) treat as "nothing to do": the pool
 * refused the command by its rules, or another node made the same change first.
 */
final class PoolRefusals {

    private PoolRefusals() {
    }

    /** The refusal's message, if the failure is one; empty for a failure the next run should retry. */
    static Optional<String> of(RuntimeException failure) {
        Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof DomainException || cause instanceof ConcurrencyException
                ? Optional.of(String.valueOf(cause.getMessage())) : Optional.empty();
    }
}
