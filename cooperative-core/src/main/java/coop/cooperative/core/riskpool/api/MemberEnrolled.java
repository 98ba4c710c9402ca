package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A member joined the risk pool at a payout level (tier), depositing the level's 4.5% each month. */
@Revision("1")
public record MemberEnrolled(CooperativeId cooperativeId, MemberId memberId, Money tier, Money monthlyDeposit, LocalDate enrolledOn) {
}
