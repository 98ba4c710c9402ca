package coop.cooperative.app.books;

import coop.cooperative.app.demo.DemoChapter;
import coop.cooperative.app.demo.DemoContext;
import coop.cooperative.core.settlements.api.SettlementDirection;
import coop.cooperative.core.shared.Money;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;

/**
 * A few of De Gilde's members settle their balances with the cooperative at the end of the sixth
 * month of the demo's costs: two receive what they are owed, two pay what they owe. Sanne, the
 * treasurer, records them.
 */
@Component
@Profile("demo")
@Order(11)
class SettlementsDemoChapter implements DemoChapter {

    private static final Currency EUR = Currency.getInstance("EUR");

    private final Settlements settlements;
    private final Clock clock;

    SettlementsDemoChapter(Settlements settlements, Clock clock) {
        this.settlements = settlements;
        this.clock = clock;
    }

    @Override
    public void seed(DemoContext demo) {
        LocalDate settled = YearMonth.now(clock).minusMonths(1).atDay(28);
        settle(demo, "Anna de Vries", "350.00", settled, SettlementDirection.RECEIVED_FROM_COOPERATIVE);
        settle(demo, "Bram Smit", "500.00", settled, SettlementDirection.RECEIVED_FROM_COOPERATIVE);
        settle(demo, "Daan Bakker", "400.00", settled, SettlementDirection.PAID_TO_COOPERATIVE);
        settle(demo, "Lotte Meijer", "250.00", settled, SettlementDirection.PAID_TO_COOPERATIVE);
    }

    private void settle(DemoContext demo, String member, String amount, LocalDate date, SettlementDirection direction) {
        settlements.settle(demo.cooperativeId(), demo.member(member), Money.of(amount, EUR), date, direction,
                demo.member("Sanne Jansen"));
    }
}
