package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A treasurer or admin, never the claimant, approved a claim ({@code approvedBy} is null in claims approved before it was recorded). */
@Revision("1")
public record ClaimApproved(CooperativeId cooperativeId, ClaimId claimId, MemberId memberId, LocalDate approvedOn,
                            MemberId approvedBy) {
}
