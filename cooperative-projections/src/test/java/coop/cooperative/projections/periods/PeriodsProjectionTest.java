package coop.cooperative.projections.periods;

import coop.cooperative.core.membership.api.PeriodClosed;
import coop.cooperative.core.membership.api.PeriodReopened;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.projections.ProjectionDatabase;
import coop.cooperative.projections.periods.PeriodQueries.ClosedPeriods;
import coop.cooperative.projections.periods.PeriodQueries.FindClosedPeriods;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The closed periods every dated entry is checked against: given closings and reopenings, which months are closed. */
class PeriodsProjectionTest {

    private static final CooperativeId COOPERATIVE = new CooperativeId(UUID.randomUUID());
    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    private final ProjectionDatabase database = new ProjectionDatabase();
    private final PeriodsProjection periods = new PeriodsProjection(database.jdbc());

    @AfterEach
    void dropTheDatabase() {
        database.close();
    }

    @Test
    void closedMonthsAreListedOldestFirstAndHoldEveryDayOfTheMonth() {
        periods.on(new PeriodClosed(COOPERATIVE, FEBRUARY, LocalDate.of(2026, 3, 2)));
        periods.on(new PeriodClosed(COOPERATIVE, JANUARY, LocalDate.of(2026, 3, 2)));

        ClosedPeriods closed = closed(COOPERATIVE);

        assertThat(closed.periods()).containsExactly(JANUARY, FEBRUARY);
        assertThat(closed.contains(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(closed.contains(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(closed.contains(LocalDate.of(2026, 3, 1))).isFalse();
    }

    @Test
    void aReopenedMonthIsOpenAgainAndCanBeClosedOnceMore() {
        periods.on(new PeriodClosed(COOPERATIVE, JANUARY, LocalDate.of(2026, 2, 2)));
        periods.on(new PeriodClosed(COOPERATIVE, FEBRUARY, LocalDate.of(2026, 3, 2)));

        periods.on(new PeriodReopened(COOPERATIVE, JANUARY, "a late invoice"));
        ClosedPeriods reopened = closed(COOPERATIVE);
        periods.on(new PeriodClosed(COOPERATIVE, JANUARY, LocalDate.of(2026, 3, 5)));

        assertThat(reopened.periods()).containsExactly(FEBRUARY);
        assertThat(closed(COOPERATIVE).periods()).containsExactly(JANUARY, FEBRUARY);
    }

    @Test
    void aClosingHandledAgainAsInAReplayIsOneClosedMonthAndAResetOpensEverything() {
        PeriodClosed january = new PeriodClosed(COOPERATIVE, JANUARY, LocalDate.of(2026, 2, 2));
        periods.on(january);
        periods.on(january);

        assertThat(closed(COOPERATIVE).periods()).containsExactly(JANUARY);
        periods.reset();
        assertThat(closed(COOPERATIVE).periods()).isEmpty();
    }

    @Test
    void eachCooperativeHasItsOwnPeriods() {
        CooperativeId other = new CooperativeId(UUID.randomUUID());
        periods.on(new PeriodClosed(COOPERATIVE, JANUARY, LocalDate.of(2026, 2, 2)));
        periods.on(new PeriodClosed(other, FEBRUARY, LocalDate.of(2026, 3, 2)));

        periods.on(new PeriodReopened(other, JANUARY, "not ours to reopen"));

        assertThat(closed(COOPERATIVE).periods()).containsExactly(JANUARY);
        assertThat(closed(other).periods()).containsExactly(FEBRUARY);
    }

    private ClosedPeriods closed(CooperativeId cooperative) {
        return periods.handle(new FindClosedPeriods(cooperative));
    }
}
