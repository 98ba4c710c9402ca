package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Which days of a claim the fund pays, and when. A claim is paid per calendar day from the day
 * its waiting period ends up to its last paid day: its end date, or 24 months of payouts
 * (less the months of the claims it continues, plus the months withheld) if that comes first.
 * A month is paid pro rata, the tier times the days paid over the days of the month, once the
 * last day it covers has passed. The aggregate decides with it and the read model shows it, so
 * both reckon alike.
 */
public final class PayoutCalendar {

    /** The most months one claim (with the claims it continues) is paid. */
    public static final int MAXIMUM_MONTHS = 24;

    private PayoutCalendar() {
    }

    /**
     * @param endDate null while the claim is open
     * @return the last day the claim is paid for
     */
    public static LocalDate lastPaidDay(LocalDate payableFrom, int monthsCarried, int monthsWithheld, LocalDate endDate) {
        LocalDate maximum = payableFrom.plusMonths(Math.max(0, MAXIMUM_MONTHS - monthsCarried + monthsWithheld))
                .minusDays(1);
        return endDate != null && endDate.isBefore(maximum) ? endDate : maximum;
    }

    /** The days of {@code month} that are paid; 0 when it lies outside the claim's paid days. */
    public static int daysPaid(YearMonth month, LocalDate payableFrom, LocalDate lastPaidDay) {
        LocalDate from = later(month.atDay(1), payableFrom);
        LocalDate to = earlier(month.atEndOfMonth(), lastPaidDay);
        return to.isBefore(from) ? 0 : (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** What {@code month} pays: the tier pro rata per calendar day, to the cent (half up). */
    public static Money due(Money tier, YearMonth month, LocalDate payableFrom, LocalDate lastPaidDay) {
        int days = daysPaid(month, payableFrom, lastPaidDay);
        BigDecimal amount = tier.amount().multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(month.lengthOfMonth()), tier.currency().getDefaultFractionDigits(),
                        RoundingMode.HALF_UP);
        return new Money(amount, tier.currency());
    }

    /** The first day {@code month} may be paid: the day after the last day of it that the claim covers. */
    public static LocalDate dueOn(YearMonth month, LocalDate lastPaidDay) {
        return earlier(month.atEndOfMonth(), lastPaidDay).plusDays(1);
    }

    /** The calendar months from {@code next} up to the month of the last paid day; 0 when none. */
    public static int monthsFrom(YearMonth next, LocalDate lastPaidDay) {
        YearMonth last = YearMonth.from(lastPaidDay);
        return next.isAfter(last) ? 0 : (int) ChronoUnit.MONTHS.between(next, last) + 1;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
