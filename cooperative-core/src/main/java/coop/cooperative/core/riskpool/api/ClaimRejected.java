package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The board rejected a claim; the member counts as available again. */
@Revision("1")
public record ClaimRejected(CooperativeId cooperativeId, ClaimId claimId, MemberId memberId, LocalDate rejectedOn) {
}
