package coop.cooperative.core.riskpool;

import coop.cooperative.core.shared.Allocation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
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
