package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.time.YearMonth;

/** A member's deposit for a month was paid into their own account in the pool. */
@Revision("1")
public record ContributionPaid(CooperativeId cooperativeId, MemberId memberId, YearMonth month, Money amount, LocalDate paidOn) {
}
