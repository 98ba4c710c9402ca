package coop.cooperative.core.membership.api;

import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.time.YearMonth;

/** A month was closed: no cost, settlement or hours may be dated in it any more. */
@Revision("1")
public record PeriodClosed(CooperativeId cooperativeId, YearMonth period, LocalDate closedOn) {
}
