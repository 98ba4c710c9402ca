package coop.cooperative.core.riskpool.api;

import java.time.LocalDate;
import java.time.Month;

/**
 * When a member's change of tier or leaving the pool takes effect: a cooperative policy. A fund
 * settles its accounts and gifts in fixed periods, so by default changes wait for the first day
 * of the next quarter; a cooperative may allow any day.
 */
public enum PoolChangeDates {
    QUARTER_START, ANY_DAY;

    public boolean allows(LocalDate day) {
        return this == ANY_DAY || (day.getDayOfMonth() == 1 && day.getMonth().firstMonthOfQuarter() == day.getMonth());
    }

    /** The first day from {@code day} on (that day included) on which a change may take effect. */
    public LocalDate firstFrom(LocalDate day) {
        if (allows(day)) {
            return day;
        }
        Month quarter = day.getMonth().firstMonthOfQuarter();
        return LocalDate.of(day.getYear(), quarter, 1).plusMonths(3);
    }
}
