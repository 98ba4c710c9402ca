package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.YearMonth;

/** A claim's month was not paid because fewer members than the minimum were enrolled; the month is settled and does not count towards the maximum. */
@Revision("1")
public record ClaimMonthWithheld(CooperativeId cooperativeId, ClaimId claimId, MemberId memberId, YearMonth month, int enrolledMembers, int minimumMembers) {
}
