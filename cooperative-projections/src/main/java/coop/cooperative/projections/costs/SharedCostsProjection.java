package coop.cooperative.projections.costs;

import coop.cooperative.core.costs.api.CostApprovalGiven;
import coop.cooperative.core.costs.api.CostApproved;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.CostRejected;
import coop.cooperative.core.costs.api.CostReversed;
import coop.cooperative.core.costs.api.CostShared;
import coop.cooperative.core.costs.api.RecurringCostId;
import coop.cooperative.core.costs.api.SplitMethod;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.CostShares;
import coop.cooperative.projections.costs.CostQueries.CostStatus;
import coop.cooperative.projections.costs.CostQueries.CostView;
import coop.cooperative.projections.costs.CostQueries.Decision;
import coop.cooperative.projections.costs.CostQueries.FindCost;
import coop.cooperative.projections.costs.CostQueries.FindCosts;
import coop.cooperative.projections.costs.CostQueries.FindLeftoverCentsCarried;
import coop.cooperative.projections.costs.CostQueries.LeftoverCentsCarried;
import coop.cooperative.projections.costs.CostQueries.ShareView;
import coop.cooperative.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Shared costs with their shares and every decision (who and when). Handlers write by key, so a
 * replay or a retried batch leaves the same rows.
 */
@Component
@ViewTables({"shared_costs", "shared_cost_leftover_cents"})
@ProcessingGroup("shared-costs")
class SharedCostsProjection {

    private final JdbcClient jdbc;

    SharedCostsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CostShared event) {
        UUID id = event.costId().value();
        jdbc.sql("DELETE FROM shared_costs WHERE cost_id = ?").param(id).update();
        jdbc.sql("""
                        INSERT INTO shared_costs (cost_id, cooperative_id, description, amount, currency, cost_date,
                            category, paid_by, split_method, submitted_by, submitted_on, recurring_cost_id, status, shares,
                            vat, input_vat, second_approval_above)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?)""")
                .params(id, event.cooperativeId().value(), event.description(), event.amount().amount(),
                        event.amount().currency().getCurrencyCode(), event.date(), event.category(),
                        uuid(event.paidBy()), event.split().method().name(), event.submittedBy().value(),
                        event.submittedOn(), event.recurringCostId() == null ? null : event.recurringCostId().value(),
                        CostShares.of(event.shares()).text(), event.vat().amount(), event.inputVat(),
                        event.secondApprovalAbove() == null ? null : event.secondApprovalAbove().amount())
                .update();
        clearLeftoverCents(event.costId());
        for (MemberId member : event.roundedUp()) {
            jdbc.sql("INSERT INTO shared_cost_leftover_cents (cost_id, cooperative_id, member_id) VALUES (?, ?, ?)")
                    .params(id, event.cooperativeId().value(), member.value())
                    .update();
        }
    }

    private void clearLeftoverCents(CostId costId) {
        jdbc.sql("DELETE FROM shared_cost_leftover_cents WHERE cost_id = ?").param(costId.value()).update();
    }

    @EventHandler
    void on(CostApprovalGiven event) {
        jdbc.sql("UPDATE shared_costs SET first_approved_by = ?, first_approved_on = ? WHERE cost_id = ?")
                .params(event.approvedBy().value(), event.approvedOn(), event.costId().value())
                .update();
    }

    @EventHandler
    void on(CostApproved event) {
        jdbc.sql("UPDATE shared_costs SET status = 'APPROVED', approved_by = ?, approved_on = ? WHERE cost_id = ?")
                .params(event.approvedBy().value(), event.approvedOn(), event.costId().value())
                .update();
    }

    @EventHandler
    void on(CostRejected event) {
        jdbc.sql("""
                        UPDATE shared_costs SET status = 'REJECTED', rejected_by = ?, rejected_on = ?, rejection_reason = ?
                        WHERE cost_id = ?""")
                .params(event.rejectedBy().value(), event.rejectedOn(), event.reason(), event.costId().value())
                .update();
        // a rejected cost charges nobody its leftover cents
        clearLeftoverCents(event.costId());
    }

    @EventHandler
    void on(CostReversed event) {
        jdbc.sql("""
                        UPDATE shared_costs SET status = 'REVERSED', reversed_by = ?, reversed_on = ?, reversal_reason = ?
                        WHERE cost_id = ?""")
                .params(event.reversedBy().value(), event.reversedOn(), event.reason(), event.costId().value())
                .update();
        // a reversed cost gave its leftover cents back
        clearLeftoverCents(event.costId());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM shared_costs").update();
        jdbc.sql("DELETE FROM shared_cost_leftover_cents").update();
    }

    @QueryHandler
    LeftoverCentsCarried handle(FindLeftoverCentsCarried query) {
        Map<MemberId, Long> cents = new HashMap<>();
        jdbc.sql("""
                        SELECT member_id, COUNT(*) AS cents FROM shared_cost_leftover_cents WHERE cooperative_id = ?
                        GROUP BY member_id""")
                .param(query.cooperativeId().value())
                .query((RowCallbackHandler) rs -> cents.put(new MemberId(rs.getObject("member_id", UUID.class)),
                        rs.getLong("cents")));
        return new LeftoverCentsCarried(cents);
    }

    @QueryHandler
    Optional<CostView> handle(FindCost query) {
        List<CostView> found = costs("c.cost_id = ? AND c.cooperative_id = ?", query.costId().value(),
                query.cooperativeId().value());
        return found.stream().findFirst();
    }

    @QueryHandler
    List<CostView> handle(FindCosts query) {
        if (query.status() == null) {
            return costs("c.cooperative_id = ?", query.cooperativeId().value());
        }
        return costs("c.cooperative_id = ? AND c.status = ?", query.cooperativeId().value(), query.status().name());
    }

    private List<CostView> costs(String where, Object... params) {
        return jdbc.sql("SELECT * FROM shared_costs c WHERE " + where
                        + " ORDER BY cost_date DESC, submitted_on DESC, cost_id")
                .params(params)
                .query(SharedCostsProjection::view)
                .list();
    }

    private static CostView view(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        UUID recurring = rs.getObject("recurring_cost_id", UUID.class);
        BigDecimal threshold = rs.getBigDecimal("second_approval_above");
        List<ShareView> shares = new ArrayList<>();
        CostShares.parse(rs.getString("shares")).amounts().forEach((member, amount) ->
                shares.add(new ShareView(new MemberId(member), new Money(amount, currency))));
        shares.sort(Comparator.comparing(ShareView::memberId));
        return new CostView(new CostId(rs.getObject("cost_id", UUID.class)),
                new CooperativeId(rs.getObject("cooperative_id", UUID.class)), rs.getString("description"),
                new Money(rs.getBigDecimal("amount"), currency), rs.getObject("cost_date", LocalDate.class),
                rs.getString("category"), member(rs, "paid_by"), SplitMethod.valueOf(rs.getString("split_method")),
                List.copyOf(shares), member(rs, "submitted_by"), rs.getObject("submitted_on", LocalDate.class),
                recurring == null ? null : new RecurringCostId(recurring), CostStatus.valueOf(rs.getString("status")),
                decision(rs, "first_approved_by", "first_approved_on", null),
                decision(rs, "approved_by", "approved_on", null),
                decision(rs, "rejected_by", "rejected_on", "rejection_reason"),
                decision(rs, "reversed_by", "reversed_on", "reversal_reason"),
                new Money(rs.getBigDecimal("vat"), currency), rs.getBoolean("input_vat"),
                threshold == null ? null : new Money(threshold, currency));
    }

    private static Decision decision(ResultSet rs, String by, String on, String reason) throws SQLException {
        MemberId who = member(rs, by);
        if (who == null) {
            return null;
        }
        return new Decision(who, rs.getObject(on, LocalDate.class), reason == null ? null : rs.getString(reason));
    }

    private static MemberId member(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new MemberId(id);
    }

    private static UUID uuid(MemberId id) {
        return id == null ? null : id.value();
    }
}
