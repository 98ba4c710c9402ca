package coop.cooperative.core.costs;

import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.Frequency;
import coop.cooperative.core.costs.api.OccurrenceSubmitted;
import coop.cooperative.core.costs.api.RecurringCostCommands.SetUpRecurringCost;
import coop.cooperative.core.costs.api.RecurringCostCommands.SubmitOccurrence;
import coop.cooperative.core.costs.api.RecurringCostId;
import coop.cooperative.core.costs.api.RecurringCostSetUp;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecurringCostTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private final CooperativeId coop = CooperativeId.random();
    private final RecurringCostId id = RecurringCostId.random();
    private final MemberId treasurer = MemberId.random();
    private final AggregateTestFixture<RecurringCost> fixture = new AggregateTestFixture<>(RecurringCost.class);

    private RecurringCostSetUp setUp() {
        return new RecurringCostSetUp(coop, id, "Workspace rent", Money.of("1200.00", EUR), "workspace", null,
                Split.equal(List.of()), Frequency.MONTHLY, LocalDate.of(2026, 1, 31), LocalDate.of(2026, 12, 31),
                treasurer, LocalDate.of(2026, 1, 2));
    }

    @Test
    void eachOccurrenceIsSubmittedOnce() {
        CostId cost = CostId.random();
        fixture.given(setUp())
                .when(new SubmitOccurrence(id, LocalDate.of(2026, 2, 28), cost))
                .expectEvents(new OccurrenceSubmitted(coop, id, LocalDate.of(2026, 2, 28), cost));
    }

    @Test
    void aSecondSubmissionOfTheSameOccurrenceIsRefused() {
        fixture.given(setUp(), new OccurrenceSubmitted(coop, id, LocalDate.of(2026, 3, 31), CostId.random()))
                .when(new SubmitOccurrence(id, LocalDate.of(2026, 3, 31), CostId.random()))
                .expectException(Conflict.class);
    }

    @Test
    void onlyScheduledDatesUpToTheEndDateOccur() {
        fixture.given(setUp())
                .when(new SubmitOccurrence(id, LocalDate.of(2026, 3, 30), CostId.random()))
                .expectException(RuleViolation.class);
        fixture.given(setUp())
                .when(new SubmitOccurrence(id, LocalDate.of(2027, 1, 31), CostId.random()))
                .expectException(RuleViolation.class);
    }

    @Test
    void occurrencesAreCountedFromTheFirstDateSoTheEndOfTheMonthStays() {
        LocalDate first = LocalDate.of(2026, 1, 31);
        assertThat(List.of(Frequency.MONTHLY.occurrence(first, 1), Frequency.MONTHLY.occurrence(first, 2),
                Frequency.QUARTERLY.occurrence(first, 1), Frequency.YEARLY.occurrence(first, 1)))
                .containsExactly(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30),
                        LocalDate.of(2027, 1, 31));
    }

    private SetUpRecurringCost setUpFrom(LocalDate first, LocalDate end) {
        return new SetUpRecurringCost(id, coop, "Workspace rent", Money.of("1200.00", EUR), "workspace", null,
                Split.equal(List.of()), Frequency.MONTHLY, first, end, treasurer, LocalDate.of(2026, 1, 2));
    }

    @Test
    void datesOutsideTheWindowOrMoreThanTenYearsApartStoreNothing() {
        // -999999999-01-01 once made the schedule run out of memory at every start
        for (SetUpRecurringCost absurd : List.of(
                setUpFrom(LocalDate.MIN, LocalDate.of(2026, 12, 31)),
                setUpFrom(LocalDate.of(0, 1, 1), LocalDate.of(2026, 12, 31)),
                setUpFrom(LocalDate.of(1999, 12, 31), LocalDate.of(2000, 1, 31)),
                setUpFrom(LocalDate.of(2026, 1, 1), LocalDate.of(2100, 1, 1)),
                setUpFrom(LocalDate.of(2026, 1, 1), LocalDate.of(2036, 1, 2)))) {
            fixture.givenNoPriorActivity().when(absurd).expectException(RuleViolation.class).expectNoEvents();
        }
        fixture.givenNoPriorActivity()
                .when(setUpFrom(LocalDate.of(2026, 1, 1), LocalDate.of(2036, 1, 1)))
                .expectSuccessfulHandlerExecution();
    }
}
