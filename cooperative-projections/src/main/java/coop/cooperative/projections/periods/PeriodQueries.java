package coop.cooperative.projections.periods;

import coop.cooperative.core.shared.CooperativeId;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

public final class PeriodQueries {

    private PeriodQueries() {
    }

    public record FindClosedPeriods(CooperativeId cooperativeId) {
    }

    /** The closed months of a cooperative, oldest first. */
    public record ClosedPeriods(List<YearMonth> periods) {

        public boolean contains(LocalDate date) {
            return periods.contains(YearMonth.from(date));
        }
    }
}
