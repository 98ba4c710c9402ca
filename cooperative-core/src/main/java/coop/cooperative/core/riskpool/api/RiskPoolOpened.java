package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Currency;

/** The cooperative's risk pool opened, with its first enrolment. */
@Revision("1")
public record RiskPoolOpened(RiskPoolId riskPoolId, CooperativeId cooperativeId, Currency currency, LocalDate openedOn) {
}
