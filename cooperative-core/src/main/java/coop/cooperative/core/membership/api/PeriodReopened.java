package coop.cooperative.core.membership.api;

import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.serialization.Revision;

import java.time.YearMonth;

@Revision("1")
public record PeriodReopened(CooperativeId cooperativeId, YearMonth period, String reason) {
}
