package coop.cooperative.core.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount in a currency, always at the currency's scale (cents for EUR).
 * Never floating point: arithmetic that would need rounding is refused.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** The largest amount the cooperative accepts anywhere: 999,999,999.99. */
    public static final BigDecimal MAXIMUM = new BigDecimal("999999999.99");

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,12}(\\.\\d{1,12})?");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        // setScale with UNNECESSARY throws when a digit would be lost: an amount is never silently rounded.
        amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public static Money of(String amount, Currency currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /**
     * Reads an amount as people and scripts write it: a plain decimal string such as "1234.50".
     * Refuses exponents, NaN, thousands separators, more decimals than the currency has, and
     * anything beyond {@link #MAXIMUM} either way.
     *
     * @throws IllegalArgumentException with the reason in words
     */
    public static Money parse(String text, Currency currency) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a plain decimal number such as 1234.50");
        }
        BigDecimal amount = new BigDecimal(text);
        int digits = currency.getDefaultFractionDigits();
        if (amount.scale() > digits) {
            throw new IllegalArgumentException("must have at most " + digits + " decimals for " + currency);
        }
        if (amount.abs().compareTo(MAXIMUM) > 0) {
            throw new IllegalArgumentException("must be at most 999999999.99");
        }
        return new Money(amount, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    /** The amount as the API writes it: a plain decimal string at the currency's scale. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
