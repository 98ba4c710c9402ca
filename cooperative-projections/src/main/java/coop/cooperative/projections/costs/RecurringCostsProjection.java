package coop.cooperative.projections.costs;

import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.CostShared;
import coop.cooperative.core.costs.api.Frequency;
import coop.cooperative.core.costs.api.OccurrenceSubmitted;
import coop.cooperative.core.costs.api.RecurringCostId;
import coop.cooperative.core.costs.api.RecurringCostSetUp;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.costs.api.SplitMethod;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.Dates;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.costs.CostQueries.DueOccurrence;
import coop.cooperative.projections.costs.CostQueries.FindDueOccurrences;
import coop.cooperative.projections.costs.CostQueries.FindRecurringCost;
import coop.cooperative.projections.costs.CostQueries.FindRecurringCosts;
import coop.cooperative.projections.costs.CostQueries.Occurrence;
import coop.cooperative.projections.costs.CostQueries.RecurringCostView;
import coop.cooperative.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Recurring costs and their occurrences: claimed (the recurring cost accepted the date) and
 * created (the shared cost for it exists). The scheduler reads what is due from here.
 */
@Component
@ViewTables({"recurring_costs", "recurring_cost_occurrences", "recurring_cost_created"})
@ProcessingGroup("recurring-costs")
class RecurringCostsProjection {

    private final JdbcClient jdbc;

    RecurringCostsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RecurringCostSetUp event) {
        UUID id = event.recurringCostId().value();
        jdbc.sql("DELETE FROM recurring_costs WHERE recurring_cost_id = ?").param(id).update();
        jdbc.sql("""
                        INSERT INTO recurring_costs (recurring_cost_id, cooperative_id, description, amount, currency,
                            category, paid_by, split_method, participants, weights, frequency, first_date, end_date,
                            set_up_by, set_up_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, event.cooperativeId().value(), event.description(), event.amount().amount(),
                        event.amount().currency().getCurrencyCode(), event.category(),
                        event.paidBy() == null ? null : event.paidBy().value(), event.split().method().name(),
                        event.split().participants().stream().map(MemberId::toString).collect(Collectors.joining(",")),
                        event.split().weights().stream().map(BigDecimal::toPlainString).collect(Collectors.joining(",")),
                        event.frequency().name(), event.firstDate(), event.endDate(), event.setUpBy().value(),
                        event.setUpOn())
                .update();
    }

    @EventHandler
    void on(OccurrenceSubmitted event) {
        jdbc.sql("DELETE FROM recurring_cost_occurrences WHERE recurring_cost_id = ? AND occurrence_date = ?")
                .params(event.recurringCostId().value(), event.date())
                .update();
        jdbc.sql("INSERT INTO recurring_cost_occurrences (recurring_cost_id, occurrence_date, cost_id) VALUES (?, ?, ?)")
                .params(event.recurringCostId().value(), event.date(), event.costId().value())
                .update();
    }

    @EventHandler
    void on(CostShared event) {
        if (event.recurringCostId() == null) {
            return;
        }
        jdbc.sql("DELETE FROM recurring_cost_created WHERE recurring_cost_id = ? AND occurrence_date = ?")
                .params(event.recurringCostId().value(), event.date())
                .update();
        jdbc.sql("INSERT INTO recurring_cost_created (recurring_cost_id, occurrence_date, cost_id) VALUES (?, ?, ?)")
                .params(event.recurringCostId().value(), event.date(), event.costId().value())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM recurring_cost_created").update();
        jdbc.sql("DELETE FROM recurring_cost_occurrences").update();
        jdbc.sql("DELETE FROM recurring_costs").update();
    }

    @QueryHandler
    List<RecurringCostView> handle(FindRecurringCosts query) {
        return views("cooperative_id = ?", query.cooperativeId().value());
    }

    @QueryHandler
    Optional<RecurringCostView> handle(FindRecurringCost query) {
        return views("recurring_cost_id = ?", query.recurringCostId().value()).stream().findFirst();
    }

    @QueryHandler
    List<DueOccurrence> handle(FindDueOccurrences query) {
        List<DueOccurrence> due = new ArrayList<>();
        // dates before Dates.EARLIEST can no longer be set up; one stored before the rule is skipped, not walked
        for (RecurringCostView cost : views("first_date <= ? AND first_date >= ?", query.today(), Dates.EARLIEST)) {
            Map<LocalDate, Occurrence> known = new HashMap<>();
            cost.occurrences().forEach(o -> known.put(o.date(), o));
            LocalDate last = cost.endDate().isBefore(query.today()) ? cost.endDate() : query.today();
            for (int n = 0; ; n++) {
                LocalDate date = cost.frequency().occurrence(cost.firstDate(), n);
                if (date.isAfter(last) || due.size() == FindDueOccurrences.MOST_PER_RUN) {
                    break;
                }
                Occurrence occurrence = known.get(date);
                if (occurrence == null) {
                    due.add(new DueOccurrence(cost, date, null));
                } else if (!occurrence.created()) {
                    due.add(new DueOccurrence(cost, date, occurrence.costId()));
                }
            }
        }
        return due;
    }

    private List<RecurringCostView> views(String where, Object... params) {
        List<RecurringCostView> costs = jdbc.sql("SELECT * FROM recurring_costs WHERE " + where
                        + " ORDER BY first_date, recurring_cost_id")
                .params(params)
                .query(RecurringCostsProjection::view)
                .list();
        List<RecurringCostView> result = new ArrayList<>();
        for (RecurringCostView cost : costs) {
            List<Occurrence> occurrences = jdbc.sql("""
                            SELECT o.occurrence_date, o.cost_id, c.cost_id IS NOT NULL AS created
                            FROM recurring_cost_occurrences o LEFT JOIN recurring_cost_created c
                                ON c.recurring_cost_id = o.recurring_cost_id AND c.occurrence_date = o.occurrence_date
                            WHERE o.recurring_cost_id = ?
                            UNION
                            SELECT c.occurrence_date, c.cost_id, TRUE AS created FROM recurring_cost_created c
                            WHERE c.recurring_cost_id = ? AND NOT EXISTS (SELECT 1 FROM recurring_cost_occurrences o
                                WHERE o.recurring_cost_id = c.recurring_cost_id AND o.occurrence_date = c.occurrence_date)
                            ORDER BY occurrence_date""")
                    .params(cost.recurringCostId().value(), cost.recurringCostId().value())
                    .query((rs, n) -> new Occurrence(rs.getObject("occurrence_date", LocalDate.class),
                            new CostId(rs.getObject("cost_id", UUID.class)), rs.getBoolean("created")))
                    .list();
            result.add(new RecurringCostView(cost.recurringCostId(), cost.cooperativeId(), cost.description(),
                    cost.amount(), cost.category(), cost.paidBy(), cost.split(), cost.frequency(), cost.firstDate(),
                    cost.endDate(), cost.setUpBy(), cost.setUpOn(), occurrences));
        }
        return result;
    }

    private static RecurringCostView view(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        UUID paidBy = rs.getObject("paid_by", UUID.class);
        List<MemberId> participants = Arrays.stream(rs.getString("participants").split(","))
                .filter(s -> !s.isEmpty()).map(MemberId::of).toList();
        List<BigDecimal> weights = Arrays.stream(rs.getString("weights").split(","))
                .filter(s -> !s.isEmpty()).map(BigDecimal::new).toList();
        return new RecurringCostView(new RecurringCostId(rs.getObject("recurring_cost_id", UUID.class)),
                new CooperativeId(rs.getObject("cooperative_id", UUID.class)), rs.getString("description"),
                new Money(rs.getBigDecimal("amount"), currency), rs.getString("category"),
                paidBy == null ? null : new MemberId(paidBy),
                new Split(SplitMethod.valueOf(rs.getString("split_method")), participants, weights),
                Frequency.valueOf(rs.getString("frequency")), rs.getObject("first_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), new MemberId(rs.getObject("set_up_by", UUID.class)),
                rs.getObject("set_up_on", LocalDate.class), List.of());
    }
}
