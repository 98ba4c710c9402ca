package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** One occurrence of a recurring cost was claimed; the shared cost {@code costId} is created for it. */
@Revision("1")
public record OccurrenceSubmitted(CooperativeId cooperativeId, RecurringCostId recurringCostId, LocalDate date,
                                  CostId costId) {
}
