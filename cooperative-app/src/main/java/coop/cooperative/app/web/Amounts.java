package coop.cooperative.app.web;

import coop.cooperative.core.shared.Money;

import java.util.Currency;

/**
 * Reads amounts from requests: decimal strings at the currency's scale (see {@link Money#parse}),
 * refused with a 400 that names the field.
 */
public final class Amounts {

    private Amounts() {
    }

    /** An amount that must be more than zero, such as a cost or an hourly rate. */
    public static Money positive(String field, String text, Currency currency) {
        Money amount = parse(field, text, currency);
        if (!amount.isPositive()) {
            throw new InvalidRequestException(field, "must be more than zero");
        }
        return amount;
    }

    /** An amount that may be zero but not negative. */
    public static Money notNegative(String field, String text, Currency currency) {
        Money amount = parse(field, text, currency);
        if (amount.isNegative()) {
            throw new InvalidRequestException(field, "must not be negative");
        }
        return amount;
    }

    private static Money parse(String field, String text, Currency currency) {
        try {
            return Money.parse(text, currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }
}
