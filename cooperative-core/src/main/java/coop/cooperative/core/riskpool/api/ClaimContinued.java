package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

/** A claim filed within a month of the member's previous claim's end continues it: no new waiting period, and the months already paid count towards the maximum. */
@Revision("1")
public record ClaimContinued(CooperativeId cooperativeId, ClaimId claimId, ClaimId previousClaimId, MemberId memberId) {
}
