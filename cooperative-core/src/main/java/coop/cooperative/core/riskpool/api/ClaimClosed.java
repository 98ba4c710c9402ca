package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The member recovered: the claim ends on this date. */
@Revision("1")
public record ClaimClosed(CooperativeId cooperativeId, ClaimId claimId, MemberId memberId, LocalDate endDate) {
}
