package coop.cooperative.core.settlements;

import coop.cooperative.core.settlements.api.SettlementCommands.RecordSettlement;
import coop.cooperative.core.settlements.api.SettlementId;
import coop.cooperative.core.settlements.api.SettlementRecorded;
import coop.cooperative.core.shared.Dates;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.core.shared.OpenPeriods;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A payment between a member and the cooperative, recorded once and never edited. */
public class Settlement {

    @AggregateIdentifier
    private SettlementId settlementId;

    protected Settlement() {
        // for Axon
    }

    @CommandHandler
    public Settlement(RecordSettlement command, OpenPeriods periods) {
        periods.requireOpen(command.cooperativeId(), command.date());
        Money amount = command.amount();
        if (amount == null || !amount.isPositive() || amount.amount().compareTo(Money.MAXIMUM) > 0) {
            throw new RuleViolation(Refusal.SETTLEMENT_AMOUNT, "A settlement's amount must be more than zero and at most 999999999.99");
        }
        if (command.direction() == null) {
            throw new RuleViolation(Refusal.SETTLEMENT_DIRECTION, "A settlement needs a direction");
        }
        // a settlement records money that moved: its date cannot be in the future
        Dates.requireNotAfter(command.date(), command.recordedOn(), "date");
        apply(new SettlementRecorded(command.cooperativeId(), command.settlementId(), command.memberId(), amount,
                command.date(), command.direction(), command.recordedBy(), command.recordedOn()));
    }

    @EventSourcingHandler
    void on(SettlementRecorded event) {
        settlementId = event.settlementId();
    }
}
