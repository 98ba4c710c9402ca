package coop.cooperative.projections.periods;

import coop.cooperative.core.membership.api.PeriodClosed;
import coop.cooperative.core.membership.api.PeriodReopened;
import coop.cooperative.projections.periods.PeriodQueries.ClosedPeriods;
import coop.cooperative.projections.periods.PeriodQueries.FindClosedPeriods;
import coop.cooperative.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.UUID;

@Component
@ViewTables({"closed_periods"})
@ProcessingGroup("periods")
class PeriodsProjection {

    private final JdbcClient jdbc;

    PeriodsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PeriodClosed event) {
        remove(event.cooperativeId().value(), event.period());
        jdbc.sql("INSERT INTO closed_periods (cooperative_id, period, closed_on) VALUES (?, ?, ?)")
                .params(event.cooperativeId().value(), event.period().toString(), event.closedOn())
                .update();
    }

    @EventHandler
    void on(PeriodReopened event) {
        remove(event.cooperativeId().value(), event.period());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM closed_periods").update();
    }

    @QueryHandler
    ClosedPeriods handle(FindClosedPeriods query) {
        return new ClosedPeriods(jdbc.sql("SELECT period FROM closed_periods WHERE cooperative_id = ? ORDER BY period")
                .param(query.cooperativeId().value())
                .query((rs, row) -> YearMonth.parse(rs.getString("period")))
                .list());
    }

    private void remove(UUID cooperativeId, YearMonth period) {
        jdbc.sql("DELETE FROM closed_periods WHERE cooperative_id = ? AND period = ?")
                .params(cooperativeId, period.toString())
                .update();
    }
}
