package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The eight payout levels of the pool: 750 to 2,500 in steps of 250. The monthly deposit is
 * 4.5% of the level, exact to the cent for every level (33.75 .. 112.50).
 */
public final class Tier {

    public static final BigDecimal DEPOSIT_RATE = new BigDecimal("0.045");
    public static final int CAP_IN_DEPOSITS = 36;

    private Tier() {
    }

    public static List<Money> levels(Currency currency) {
        return IntStream.rangeClosed(0, 7).mapToObj(i -> new Money(BigDecimal.valueOf(750 + 250L * i), currency)).toList();
    }

    public static boolean isLevel(Money amount) {
        return levels(amount.currency()).contains(amount);
    }

    public static Money depositFor(Money level) {
        return new Money(level.amount().multiply(DEPOSIT_RATE), level.currency());
    }

    /** The level whose deposit is this amount, if any. */
    public static java.util.Optional<Money> forDeposit(Money deposit) {
        return levels(deposit.currency()).stream().filter(l -> depositFor(l).equals(deposit)).findFirst();
    }
}
