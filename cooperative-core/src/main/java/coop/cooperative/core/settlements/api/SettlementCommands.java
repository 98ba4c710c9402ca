package coop.cooperative.core.settlements.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public final class SettlementCommands {

    private SettlementCommands() {
    }

    /** Record money that moved; {@code recordedBy} is the treasurer, {@code recordedOn} today. */
    public record RecordSettlement(@TargetAggregateIdentifier SettlementId settlementId,
                                   CooperativeId cooperativeId,
                                   MemberId memberId,
                                   Money amount,
                                   LocalDate date,
                                   SettlementDirection direction,
                                   MemberId recordedBy,
                                   LocalDate recordedOn) {
    }
}
