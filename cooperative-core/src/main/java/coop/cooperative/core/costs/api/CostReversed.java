package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An approved cost was undone: its postings are posted again with the opposite sign on {@code reversedOn}. */
@Revision("1")
public record CostReversed(CooperativeId cooperativeId, CostId costId, MemberId reversedBy, LocalDate reversedOn,
                           String reason) {
}
