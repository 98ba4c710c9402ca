package coop.cooperative.projections.books;

import coop.cooperative.core.books.CostToPost;
import coop.cooperative.core.books.Posting;
import coop.cooperative.core.books.PostingLine;
import coop.cooperative.core.books.PostingRules;
import coop.cooperative.core.costs.api.CostApproved;
import coop.cooperative.core.costs.api.CostReversed;
import coop.cooperative.core.costs.api.CostShared;
import coop.cooperative.core.invoicing.api.CreditNoteIssued;
import coop.cooperative.core.invoicing.api.InvoiceApproved;
import coop.cooperative.core.invoicing.api.InvoicePaymentRecorded;
import coop.cooperative.core.settlements.api.SettlementRecorded;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.CostShares;
import coop.cooperative.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The books. What each event posts (an approved or reversed cost, a settlement, a sent invoice, its
 * payments and credit notes) is decided in core,
 * by {@link PostingRules}; this projection keeps a shared cost in ledger_costs until it is approved
 * or reversed, and stores each event's lines. Every event's lines sum to zero; they are written by
 * event id and line, so a replay rewrites them, a transaction's in one batch ({@link PostingLinesAtCommit}).
 */
@Component
@ViewTables(value = {"ledger_postings", "ledger_costs"}, indexedAfterLoad = "ledger_postings")
@ProcessingGroup("ledger")
class LedgerProjection {

    private final JdbcClient jdbc;
    /** The posting lines of a transaction's events go to the database in one batch. */
    private final JdbcTemplate batch;

    LedgerProjection(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @EventHandler
    void on(CostShared event) {
        UUID id = event.costId().value();
        jdbc.sql("DELETE FROM ledger_costs WHERE cost_id = ?").param(id).update();
        jdbc.sql("""
                        INSERT INTO ledger_costs (cost_id, cooperative_id, description, amount, currency, cost_date,
                            category, paid_by, shares, vat, input_vat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, event.cooperativeId().value(), event.description(), event.amount().amount(),
                        event.amount().currency().getCurrencyCode(), event.date(), event.category(),
                        event.paidBy() == null ? null : event.paidBy().value(), CostShares.of(event.shares()).text(),
                        event.vat().amount(), event.inputVat())
                .update();
    }

    @EventHandler
    void on(CostApproved event, EventMessage<?> message) {
        PendingCost pending = cost(event.costId().value());
        write(message, pending.cooperativeId(), event.costId().value(), PostingRules.approval(pending.cost()));
    }

    @EventHandler
    void on(CostReversed event, EventMessage<?> message) {
        PendingCost pending = cost(event.costId().value());
        write(message, pending.cooperativeId(), event.costId().value(), PostingRules.reversal(pending.cost(), event));
    }

    @EventHandler
    void on(SettlementRecorded event, EventMessage<?> message) {
        write(message, event.cooperativeId().value(), event.settlementId().value(), PostingRules.settlement(event));
    }

    @EventHandler
    void on(InvoiceApproved event, EventMessage<?> message) {
        write(message, event.cooperativeId().value(), event.invoiceId().value(), PostingRules.invoiceSent(event));
    }

    @EventHandler
    void on(InvoicePaymentRecorded event, EventMessage<?> message) {
        write(message, event.cooperativeId().value(), event.invoiceId().value(), PostingRules.invoicePaid(event));
    }

    @EventHandler
    void on(CreditNoteIssued event, EventMessage<?> message) {
        write(message, event.cooperativeId().value(), event.creditNoteId().value(), PostingRules.creditNote(event));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM ledger_postings").update();
        jdbc.sql("DELETE FROM ledger_costs").update();
    }

    /** An event's posting, line by line in the rules' order, under the event's id; written as the transaction commits. */
    private void write(EventMessage<?> message, UUID cooperativeId, UUID sourceId, Posting posting) {
        String eventId = message.getIdentifier();
        Instant at = message.getTimestamp();
        long recordedAt = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < posting.lines().size(); i++) {
            PostingLine line = posting.lines().get(i);
            rows.add(new Object[]{eventId, i + 1, cooperativeId, posting.date(), recordedAt, posting.description(),
                    posting.category(), sourceId, line.account(),
                    line.memberId() == null ? null : line.memberId().value(), line.amount().amount(),
                    line.amount().currency().getCurrencyCode(), line.vat() == null ? null : line.vat().amount()});
        }
        PostingLinesAtCommit.write(batch, eventId, rows);
    }

    /** The cost as {@code CostShared} left it in ledger_costs, waiting for its approval or reversal. */
    private PendingCost cost(UUID costId) {
        return jdbc.sql("SELECT * FROM ledger_costs WHERE cost_id = ?")
                .param(costId)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    UUID paidBy = rs.getObject("paid_by", UUID.class);
                    Map<MemberId, Money> shares = new LinkedHashMap<>();
                    CostShares.parse(rs.getString("shares")).amounts()
                            .forEach((member, share) -> shares.put(new MemberId(member), new Money(share, currency)));
                    return new PendingCost(rs.getObject("cooperative_id", UUID.class), new CostToPost(
                            rs.getString("description"), rs.getObject("cost_date", LocalDate.class),
                            rs.getString("category"), new Money(rs.getBigDecimal("amount"), currency),
                            new Money(rs.getBigDecimal("vat"), currency), rs.getBoolean("input_vat"),
                            paidBy == null ? null : new MemberId(paidBy), shares));
                })
                .single();
    }

    private record PendingCost(UUID cooperativeId, CostToPost cost) {
    }
}
