package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A member's tier changes on a later day (the fund's next fixed date); until then the old tier holds. */
@Revision("1")
public record TierChangeAnnounced(CooperativeId cooperativeId, MemberId memberId, Money tier, Money monthlyDeposit,
                                  LocalDate effectiveOn) {
}
