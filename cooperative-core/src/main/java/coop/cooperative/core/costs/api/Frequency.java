package coop.cooperative.core.costs.api;

import java.time.LocalDate;

/** How often a recurring cost occurs, counted from its first date. */
public enum Frequency {
    MONTHLY(1), QUARTERLY(3), YEARLY(12);

    private final int months;

    Frequency(int months) {
        this.months = months;
    }

    /**
     * The n-th occurrence (0 = the first date). Counted from the first date each time, so a cost
     * on the 31st falls on the last day of shorter months and on the 31st again after them.
     */
    public LocalDate occurrence(LocalDate first, int n) {
        return first.plusMonths((long) months * n);
    }
}
