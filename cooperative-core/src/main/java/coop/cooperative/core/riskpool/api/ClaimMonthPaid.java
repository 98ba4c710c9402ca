package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** A claim's month was paid: gifts from the other members' accounts, in proportion to their deposits. When the accounts together could not give the full tier amount, {@code paid} is less than {@code due} and the difference is the {@code shortfall}. */
@Revision("1")
public record ClaimMonthPaid(CooperativeId cooperativeId, ClaimId claimId, MemberId memberId, YearMonth month, Money due, Money paid, Money shortfall, List<Gift> gifts, LocalDate paidOn) {
}
