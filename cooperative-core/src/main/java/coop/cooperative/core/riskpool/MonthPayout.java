package coop.cooperative.core.riskpool;

import coop.cooperative.core.riskpool.api.Gift;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * How a claim's month is paid: what is due, what leavers already gave towards it, and the gifts
 * from the other accounts for the rest ({@link Gifts}). What those cannot give is the shortfall.
 */
record MonthPayout(Money due, Money givenEarlier, Map<MemberId, Money> gifts) {

    static MonthPayout of(PoolClaim claim, YearMonth month, LocalDate lastPaidDay, Map<MemberId, PoolAccount> accounts,
                          Currency currency) {
        Money givenEarlier = claim.givenEarlierIn(month, currency);
        Money due = claim.dueIn(month, lastPaidDay, currency);
        return new MonthPayout(due, givenEarlier, Gifts.fromAccounts(claim.memberId(), due.minus(givenEarlier), accounts));
    }

    /** The gifts plus what leavers gave earlier. */
    Money paid() {
        return gifts.values().stream().reduce(givenEarlier, Money::plus);
    }

    Money shortfall() {
        return due.minus(paid());
    }

    /** As the event carries them; {@link Gifts} gives them in member order. */
    List<Gift> giftsInMemberOrder() {
        return gifts.entrySet().stream().map(g -> new Gift(g.getKey(), g.getValue())).toList();
    }
}
