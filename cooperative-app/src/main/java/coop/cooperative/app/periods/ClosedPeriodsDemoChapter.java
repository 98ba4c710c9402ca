package coop.cooperative.app.periods;

import coop.cooperative.app.demo.DemoChapter;
import coop.cooperative.app.demo.DemoContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;

/**
 * The treasurer closes the first two of the demo's six months, last: every chapter before records its
 * history as it happened, when those months were still open.
 */
@Component
@Profile("demo")
@Order(90)
class ClosedPeriodsDemoChapter implements DemoChapter {

    private final Periods periods;
    private final Clock clock;

    ClosedPeriodsDemoChapter(Periods periods, Clock clock) {
        this.periods = periods;
        this.clock = clock;
    }

    @Override
    public void seed(DemoContext demo) {
        YearMonth first = YearMonth.now(clock).minusMonths(6);
        periods.close(demo.cooperativeId(), first);
        periods.close(demo.cooperativeId(), first.plusMonths(1));
    }
}
