package coop.cooperative.core.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Divides an amount over parties in proportion to their weights, allocating every cent: each
 * party first gets the whole cents of its exact share, then the cents left over go one each to
 * the parties with the largest remainders (the largest remainder method), ties broken by the
 * given order. The same input always gives the same shares, whatever the order of the map.
 */
public final class Allocation {

    private Allocation() {
    }

    /**
     * @param amount     what to divide; may be negative (a reversal divides like the original)
     * @param weights    each party's weight: zero or more, with a positive total
     * @param tieOrder   the stable order that breaks ties between equal remainders
     * @return each party's share, in {@code tieOrder}; the shares sum exactly to {@code amount}
     */
    public static <K> Map<K, Money> proportional(Money amount, Map<K, BigDecimal> weights, Comparator<K> tieOrder) {
        return allocate(amount, weights, tieOrder).shares();
    }

    /**
     * The shares, and who got the cents left over after the whole cents of each exact share: the
     * parties whose share was rounded up by one cent.
     *
     * @param shares    each party's share, in the tie order; they sum exactly to the amount
     * @param roundedUp the parties that got a leftover cent, in the tie order
     */
    public record Result<K>(Map<K, Money> shares, List<K> roundedUp) {
    }

    /** As {@link #proportional}, also saying who got the leftover cents. */
    public static <K> Result<K> allocate(Money amount, Map<K, BigDecimal> weights, Comparator<K> tieOrder) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("an allocation needs at least one party");
        }
        if (weights.values().stream().anyMatch(w -> w.signum() < 0)) {
            throw new IllegalArgumentException("weights cannot be negative");
        }
        int scale = weights.values().stream().mapToInt(w -> Math.max(w.stripTrailingZeros().scale(), 0)).max().orElse(0);
        List<K> parties = weights.keySet().stream().sorted(tieOrder).toList();
        List<BigInteger> units = parties.stream()
                .map(p -> weights.get(p).movePointRight(scale).toBigIntegerExact())
                .toList();
        BigInteger total = units.stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (total.signum() == 0) {
            throw new IllegalArgumentException("the weights add up to zero");
        }

        int digits = amount.currency().getDefaultFractionDigits();
        BigInteger cents = amount.amount().abs().movePointRight(digits).toBigIntegerExact();
        List<BigInteger> shares = new ArrayList<>();
        List<BigInteger> remainders = new ArrayList<>();
        BigInteger allocated = BigInteger.ZERO;
        for (BigInteger weight : units) {
            BigInteger[] division = cents.multiply(weight).divideAndRemainder(total);
            shares.add(division[0]);
            remainders.add(division[1]);
            allocated = allocated.add(division[0]);
        }
        int left = cents.subtract(allocated).intValueExact();
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            byRemainder.add(i);
        }
        // Stable sort: among equal remainders the tie order (the index) decides.
        byRemainder.sort(Comparator.comparing((Integer i) -> remainders.get(i)).reversed());
        List<Integer> roundedUp = new ArrayList<>();
        for (int i = 0; i < left; i++) {
            int party = byRemainder.get(i);
            shares.set(party, shares.get(party).add(BigInteger.ONE));
            roundedUp.add(party);
        }
        roundedUp.sort(Comparator.naturalOrder());

        Map<K, Money> result = new LinkedHashMap<>();
        for (int i = 0; i < parties.size(); i++) {
            BigDecimal share = new BigDecimal(shares.get(i), digits);
            result.put(parties.get(i), new Money(amount.isNegative() ? share.negate() : share, amount.currency()));
        }
        return new Result<>(result, roundedUp.stream().map(parties::get).toList());
    }

    /** Divides an amount equally, the odd cents going to the first parties in the tie order. */
    public static <K> Map<K, Money> equal(Money amount, List<K> parties, Comparator<K> tieOrder) {
        Map<K, BigDecimal> weights = new LinkedHashMap<>();
        parties.forEach(p -> weights.put(p, BigDecimal.ONE));
        return proportional(amount, weights, tieOrder);
    }
}
