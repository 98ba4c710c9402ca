package coop.cooperative.core.settlements.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Money moved between a member and the cooperative on {@code date}; it clears (part of) a balance. */
@Revision("1")
public record SettlementRecorded(CooperativeId cooperativeId,
                                 SettlementId settlementId,
                                 MemberId memberId,
                                 Money amount,
                                 LocalDate date,
                                 SettlementDirection direction,
                                 MemberId recordedBy,
                                 LocalDate recordedOn) {
}
