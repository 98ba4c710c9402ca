package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record CostRejected(CooperativeId cooperativeId, CostId costId, MemberId rejectedBy, LocalDate rejectedOn,
                           String reason) {
}
