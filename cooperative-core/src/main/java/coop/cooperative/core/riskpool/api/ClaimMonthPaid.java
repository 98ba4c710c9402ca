package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A claim's month was paid: gifts from the other members' accounts, in proportion to their
 * deposits. {@code due}: the tier pro rata for the days of the month the claim covers. When the
 * accounts together could not give it all, the difference is the {@code shortfall}.
 * {@code givenEarlier}: what members who left the pool during the month gave when they left
 * (their {@link GiftsGivenOnLeaving}); {@code paid} counts it, {@code gifts} does not. Null in
 * payouts made before it was recorded.
 */
@Revision("1")
public record ClaimMonthPaid(CooperativeId cooperativeId, ClaimId claimId, MemberId memberId, YearMonth month, Money due, Money paid, Money shortfall, List<Gift> gifts, LocalDate paidOn, Money givenEarlier) {
}
