package coop.cooperative.core.settlements;

import coop.cooperative.core.settlements.api.SettlementCommands.RecordSettlement;
import coop.cooperative.core.settlements.api.SettlementDirection;
import coop.cooperative.core.settlements.api.SettlementId;
import coop.cooperative.core.settlements.api.SettlementRecorded;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.OpenPeriods;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.Refusal;

class SettlementTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 2);
    private final CooperativeId coop = CooperativeId.random();
    private final SettlementId id = SettlementId.random();
    private final MemberId member = MemberId.random();
    private final MemberId treasurer = MemberId.random();
    private final AggregateTestFixture<Settlement> fixture = new AggregateTestFixture<>(Settlement.class);
    /** The months the cooperative has closed; the aggregate asks through {@link OpenPeriods}. */
    private final Set<YearMonth> closed = new HashSet<>();

    @BeforeEach
    void openPeriods() {
        fixture.registerInjectableResource((OpenPeriods) (cooperative, month) -> !closed.contains(month));
    }

    private RecordSettlement record(String amount, LocalDate date) {
        return new RecordSettlement(id, coop, member, Money.of(amount, EUR), date,
                SettlementDirection.PAID_TO_COOPERATIVE, treasurer, TODAY);
    }

    @Test
    void aSettlementRecordsTheMoneyThatMovedAndWhoRecordedIt() {
        fixture.givenNoPriorActivity()
                .when(record("250.00", TODAY.minusDays(1)))
                .expectEvents(new SettlementRecorded(coop, id, member, Money.of("250.00", EUR), TODAY.minusDays(1),
                        SettlementDirection.PAID_TO_COOPERATIVE, treasurer, TODAY));
    }

    @Test
    void aSettlementAmountMustBePositive() {
        fixture.givenNoPriorActivity().when(record("0.00", TODAY)).expectException(RuleViolation.class);
    }

    @Test
    void aSettlementCannotBeDatedInTheFuture() {
        fixture.givenNoPriorActivity().when(record("10.00", TODAY.plusDays(1))).expectException(RuleViolation.class);
    }

    @Test
    void noSettlementIsDatedInAClosedMonth() {
        closed.add(YearMonth.from(TODAY.minusMonths(1)));
        fixture.givenNoPriorActivity().when(record("250.00", TODAY.minusMonths(1))).expectException(org.axonframework.test.matchers.Matchers.predicate(e -> e instanceof DomainException d && d.refusal() == Refusal.PERIOD_CLOSED));
    }
}
