package coop.cooperative.core.riskpool;

import coop.cooperative.core.riskpool.api.ClaimGift;
import coop.cooperative.core.shared.Allocation;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a monthly payout is funded: gifts from the givers' accounts in proportion to their monthly
 * deposits, every cent allocated (largest remainder, ties by member id). A giver whose account
 * cannot give their full share gives what it holds, and the rest is divided again over the
 * others, until the payout is covered or every account is empty. What then remains is the
 * shortfall.
 */
final class Gifts {

    private Gifts() {
    }

    /** Gifts towards {@code amount} from every account but the claimant's; none for nothing. */
    static Map<MemberId, Money> fromAccounts(MemberId claimant, Money amount, Map<MemberId, PoolAccount> givers) {
        Map<MemberId, Money> deposits = new HashMap<>();
        Map<MemberId, Money> balances = new HashMap<>();
        givers.forEach((member, account) -> {
            if (!member.equals(claimant)) {
                deposits.put(member, account.deposit());
                balances.put(member, account.balance());
            }
        });
        return deposits.isEmpty() || !amount.isPositive() ? Map.of() : fund(amount, deposits, balances);
    }

    /**
     * The leaver's share of each colleague's payout for {@code month}, as if it were paid now with
     * the leaver still in: they leave after the gifts they owe for the month they leave in. Claims
     * in the order of their ids, each reckoned with what the leaver has left after the ones before.
     * The caller asks only while the pool keeps its minimum without the leaver: nothing is owed for
     * a month that will be withheld once they are gone.
     */
    static List<ClaimGift> owedOnLeaving(MemberId leaver, YearMonth month, Map<MemberId, PoolAccount> accounts,
                                         Map<ClaimId, PoolClaim> claims, Currency currency) {
        List<ClaimGift> owed = new ArrayList<>();
        Map<MemberId, PoolAccount> givers = new HashMap<>(accounts);
        claims.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().value())).forEach(entry -> {
            PoolClaim claim = entry.getValue();
            if (claim.memberId().equals(leaver) || !claim.awaitsGiftsFor(month)) {
                return;
            }
            Money due = claim.proRata(month, claim.lastPaidDay()).minus(claim.givenEarlierIn(month, currency));
            Money share = fromAccounts(claim.memberId(), due, givers).getOrDefault(leaver, Money.zero(currency));
            if (share.isPositive()) {
                owed.add(new ClaimGift(entry.getKey(), claim.memberId(), month, share));
                PoolAccount account = givers.get(leaver);
                givers.put(leaver, account.withBalance(account.balance().minus(share)));
            }
        });
        return owed;
    }

    /**
     * @param due       the payout to fund
     * @param deposits  each giver's monthly deposit (the weight of their gift)
     * @param balances  each giver's account balance (what they can give at most)
     * @return each giver's gift, in member order, leaving out those who give nothing; the gifts
     *         never exceed a balance and sum to {@code due} or, if the accounts together hold
     *         less, to all they hold
     */
    static Map<MemberId, Money> fund(Money due, Map<MemberId, Money> deposits, Map<MemberId, Money> balances) {
        Map<MemberId, Money> gifts = new TreeMap<>();
        Map<MemberId, Money> room = new HashMap<>();
        deposits.keySet().forEach(m -> {
            Money balance = balances.getOrDefault(m, Money.zero(due.currency()));
            if (balance.isPositive() && deposits.get(m).isPositive()) {
                room.put(m, balance);
            }
        });
        Money remaining = due;
        while (remaining.isPositive() && !room.isEmpty()) {
            Map<MemberId, BigDecimal> weights = new HashMap<>();
            room.keySet().forEach(m -> weights.put(m, deposits.get(m).amount()));
            Map<MemberId, Money> shares = Allocation.proportional(remaining, weights, Comparator.naturalOrder());
            boolean someoneRanDry = false;
            for (Map.Entry<MemberId, Money> share : shares.entrySet()) {
                MemberId giver = share.getKey();
                Money available = room.get(giver);
                Money gift = share.getValue().compareTo(available) <= 0 ? share.getValue() : available;
                if (gift.isZero()) {
                    continue;
                }
                gifts.merge(giver, gift, Money::plus);
                remaining = remaining.minus(gift);
                Money left = available.minus(gift);
                if (left.isZero()) {
                    room.remove(giver);
                    someoneRanDry |= gift.compareTo(share.getValue()) < 0;
                } else {
                    room.put(giver, left);
                }
            }
            if (!someoneRanDry) {
                break;
            }
        }
        return gifts;
    }
}
