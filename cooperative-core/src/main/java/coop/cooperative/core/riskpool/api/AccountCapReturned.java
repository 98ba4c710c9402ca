package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** At the end of a year, what a member's account held above its cap (36 deposits) was returned to them. */
@Revision("1")
public record AccountCapReturned(CooperativeId cooperativeId, MemberId memberId, int year, Money amount, LocalDate returnedOn) {
}
