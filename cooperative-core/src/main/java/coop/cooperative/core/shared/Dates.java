package coop.cooperative.core.shared;

import coop.cooperative.core.shared.DomainException.RuleViolation;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The window every date the cooperative records must lie in. A date outside it is a typing error
 * or an attack, never a fact: {@code -999999999-01-01} as the first date of a recurring cost once
 * made the schedule run out of memory at every start. Each aggregate checks its dates here, so no
 * event can hold one outside, whatever sent the command.
 */
public final class Dates {

    /** Nothing the cooperative records happened before this day. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** Nor is anything planned after this day (projects, assignments, a recurring cost's end). */
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private Dates() {
    }

    /** Refuses a missing date or one outside {@link #EARLIEST}..{@link #LATEST}, naming the field. */
    public static LocalDate require(LocalDate date, String field) {
        if (date == null) {
            throw new RuleViolation(Refusal.DATE_REQUIRED, field + " is required", field);
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new RuleViolation(Refusal.DATE_OUT_OF_RANGE, field + " must lie between " + EARLIEST + " and " + LATEST + ", not " + date,
                    field, EARLIEST, LATEST, date);
        }
        return date;
    }

    /** As {@link #require}, and not after {@code today}: what it dates has happened. */
    public static LocalDate requireNotAfter(LocalDate date, LocalDate today, String field) {
        require(date, field);
        if (today != null && date.isAfter(today)) {
            throw new RuleViolation(Refusal.DATE_AFTER_TODAY, field + " cannot be after today (" + today + ")", field, today);
        }
        return date;
    }

    public static YearMonth require(YearMonth month, String field) {
        if (month == null) {
            throw new RuleViolation(Refusal.DATE_REQUIRED, field + " is required", field);
        }
        require(month.atDay(1), field);
        return month;
    }
}
