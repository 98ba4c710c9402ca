package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A member changed their payout level, and so their monthly deposit. */
@Revision("1")
public record TierChanged(CooperativeId cooperativeId, MemberId memberId, Money tier, Money monthlyDeposit, LocalDate changedOn) {
}
