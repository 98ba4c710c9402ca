package coop.cooperative.app.riskpool;

import coop.cooperative.app.portability.ImportedHistory;
import coop.cooperative.core.membership.api.MemberLeft;
import coop.cooperative.core.riskpool.api.RiskPoolId;
import coop.cooperative.core.shared.DomainException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * A member who leaves the cooperative leaves its risk pool and takes their account balance.
 * Idempotent: a member not (or no longer) enrolled, or a cooperative without a pool, is refused by
 * the pool and ignored here; during a replay nothing is sent.
 */
@Component
@ProcessingGroup("risk-pool-leavers")
// A policy sends commands and holds no view: a replay would act on every departure again.
@DisallowReplay
class MembersLeavingThePool {

    private final RiskPoolMembership members;
    private final EventStore eventStore;
    private final Clock clock;
    private final ImportedHistory imported;

    MembersLeavingThePool(RiskPoolMembership members, EventStore eventStore, Clock clock, ImportedHistory imported) {
        this.members = members;
        this.eventStore = eventStore;
        this.clock = clock;
        this.imported = imported;
    }

    @EventHandler
    void on(MemberLeft event, ReplayStatus replay) {
        RiskPoolId pool = RiskPoolId.of(event.cooperativeId());
        // No pool, nothing to leave (asking the event store, not a read model that may lag behind).
        // an imported cooperative's departures were acted on where they happened: that is among its events
        if (replay.isReplay() || eventStore.lastSequenceNumberFor(pool.toString()).isEmpty()
                || imported.handlingImported(event.cooperativeId())) {
            return;
        }
        try {
            // Leaving the cooperative leaves the pool on that very day, fixed date or not; a later day is announced.
            members.leaveOnTheDay(event.cooperativeId(), event.memberId(), event.leftOn(), LocalDate.now(clock));
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
            if (!(cause instanceof DomainException.NotFound) && !(cause instanceof AggregateNotFoundException)) {
                throw e;
            }
        }
    }
}
