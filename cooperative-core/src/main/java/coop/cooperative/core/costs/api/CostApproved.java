package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The cost is approved (by the last approval it needed): its shares are posted on the cost's date. */
@Revision("1")
public record CostApproved(CooperativeId cooperativeId, CostId costId, MemberId approvedBy, LocalDate approvedOn) {
}
