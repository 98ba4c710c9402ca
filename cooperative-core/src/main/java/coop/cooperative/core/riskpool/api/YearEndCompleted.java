package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The year-end cap returns for a year were made (once per year). */
@Revision("1")
public record YearEndCompleted(CooperativeId cooperativeId, int year, LocalDate returnedOn) {
}
