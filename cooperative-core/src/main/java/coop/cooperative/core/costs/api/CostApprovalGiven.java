package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The first of two approvals a cost above the policy's threshold needs; nothing is posted yet. */
@Revision("1")
public record CostApprovalGiven(CooperativeId cooperativeId, CostId costId, MemberId approvedBy, LocalDate approvedOn) {
}
