package coop.cooperative.projections.invoicing;

import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.invoicing.api.Address;
import coop.cooperative.core.invoicing.api.ClientDetails;
import coop.cooperative.core.invoicing.api.ClientRate;
import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.invoicing.api.InvoicingDetails;
import coop.cooperative.core.invoicing.api.LineGrouping;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.invoicing.InvoicingQueries.BilledHours;
import coop.cooperative.projections.invoicing.InvoicingQueries.DocumentKind;
import coop.cooperative.projections.invoicing.InvoicingQueries.DocumentStatus;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindBilledHours;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindClientDetails;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindClientRates;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindEarnings;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindInvoice;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindInvoices;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindInvoicingDetails;
import coop.cooperative.projections.invoicing.InvoicingQueries.FindUnbilledHours;
import coop.cooperative.projections.invoicing.InvoicingQueries.InvoiceView;
import coop.cooperative.projections.invoicing.InvoicingQueries.LineView;
import coop.cooperative.projections.invoicing.InvoicingQueries.MonthlyEarnings;
import coop.cooperative.projections.invoicing.InvoicingQueries.Party;
import coop.cooperative.projections.invoicing.InvoicingQueries.PaymentView;
import coop.cooperative.projections.invoicing.InvoicingQueries.UnbilledEntry;
import coop.cooperative.projections.invoicing.InvoicingQueries.VatView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Answers invoicing's queries (details, rates, clients, unbilled and billed hours, documents,
 * earnings) from the tables {@link InvoicingProjection} writes. It belongs to the same processing
 * group, the view it reads: while that view is rebuilt, its queries are refused rather than answered
 * from half-replayed rows.
 */
@Component
@ProcessingGroup("invoicing")
class InvoicingReads {

    private final JdbcClient jdbc;

    InvoicingReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<InvoicingDetails> handle(FindInvoicingDetails query) {
        return jdbc.sql("SELECT * FROM invoicing_details WHERE cooperative_id = ?").param(query.cooperativeId().value())
                .query((rs, n) -> new InvoicingDetails(rs.getString("legal_name"), new Address(rs.getString("street"),
                        rs.getString("postal_code"), rs.getString("city"), rs.getString("country_code")),
                        rs.getString("vat_number"), rs.getString("kvk_number"), rs.getString("iban"),
                        rs.getBigDecimal("fee_percent").stripTrailingZeros(), rs.getInt("payment_term_days")))
                .optional();
    }

    @QueryHandler
    List<ClientRate> handle(FindClientRates query) {
        return jdbc.sql("SELECT * FROM project_client_rates WHERE project_id = ? AND cooperative_id = ? ORDER BY skill")
                .params(query.projectId().value(), query.cooperativeId().value())
                .query((rs, n) -> new ClientRate(rs.getString("skill"), new Money(rs.getBigDecimal("hourly_rate"),
                        Currency.getInstance(rs.getString("currency"))), VatRate.valueOf(rs.getString("vat_rate"))))
                .list();
    }

    @QueryHandler
    Optional<ClientDetails> handle(FindClientDetails query) {
        return jdbc.sql("SELECT * FROM project_client_details WHERE project_id = ? AND cooperative_id = ?")
                .params(query.projectId().value(), query.cooperativeId().value())
                .query((rs, n) -> new ClientDetails(rs.getString("legal_name"), new Address(rs.getString("street"),
                        rs.getString("postal_code"), rs.getString("city"), rs.getString("address_country")),
                        rs.getString("vat_number"), rs.getString("country_code"), rs.getString("kvk_number"),
                        LineGrouping.valueOf(rs.getString("line_grouping"))))
                .optional();
    }

    @QueryHandler
    List<UnbilledEntry> handle(FindUnbilledHours query) {
        return jdbc.sql("""
                        SELECT h.entry_id, h.member_id, h.entry_date, h.logged_hours,
                            (SELECT MIN(a.skill) FROM project_assignments a
                             WHERE a.project_id = h.project_id AND a.member_id = h.member_id
                               AND h.entry_date BETWEEN a.from_date AND a.to_date) AS skill
                        FROM hours_entries h
                        WHERE h.cooperative_id = ? AND h.project_id = ? AND h.hours_kind = 'PROJECT'
                          AND h.entry_date BETWEEN ? AND ?
                          AND NOT EXISTS (SELECT 1 FROM invoice_entries e WHERE e.entry_id = h.entry_id)
                        ORDER BY h.entry_date, h.entry_id""")
                .params(query.cooperativeId().value(), query.projectId().value(), query.from(), query.to())
                .query((rs, n) -> new UnbilledEntry(new EntryId(rs.getObject("entry_id", UUID.class)),
                        new MemberId(rs.getObject("member_id", UUID.class)), rs.getObject("entry_date", LocalDate.class),
                        rs.getBigDecimal("logged_hours"), rs.getString("skill")))
                .list();
    }

    @QueryHandler
    List<BilledHours> handle(FindBilledHours query) {
        return jdbc.sql("SELECT entry_id, member_id, entry_date FROM invoice_entries WHERE invoice_id = ? ORDER BY entry_date, entry_id")
                .param(query.invoiceId().value())
                .query((rs, n) -> new BilledHours(new EntryId(rs.getObject("entry_id", UUID.class)),
                        new MemberId(rs.getObject("member_id", UUID.class)), rs.getObject("entry_date", LocalDate.class)))
                .list();
    }

    @QueryHandler
    Optional<InvoiceView> handle(FindInvoice query) {
        return jdbc.sql("SELECT * FROM invoices WHERE invoice_id = ? AND cooperative_id = ?")
                .params(query.invoiceId().value(), query.cooperativeId().value())
                .query(this::document)
                .optional();
    }

    @QueryHandler
    List<InvoiceView> handle(FindInvoices query) {
        List<InvoiceView> all = jdbc.sql("""
                        SELECT * FROM invoices WHERE cooperative_id = ?
                        ORDER BY COALESCE(issue_date, drafted_on) DESC, invoice_number DESC, invoice_id""")
                .param(query.cooperativeId().value())
                .query(this::document)
                .list();
        return query.projects() == null ? all
                : all.stream().filter(document -> query.projects().contains(document.projectId())).toList();
    }

    @QueryHandler
    List<MonthlyEarnings> handle(FindEarnings query) {
        Map<String, MonthlyEarnings> months = new TreeMap<>();
        jdbc.sql("""
                        SELECT i.issue_date, i.document_kind, i.invoice_number, i.currency, e.earnings, e.fee
                        FROM invoice_earnings e JOIN invoices i ON i.invoice_id = e.invoice_id
                        WHERE i.cooperative_id = ? AND e.member_id = ? AND i.status = 'SENT'
                        ORDER BY i.issue_date, i.invoice_number""")
                .params(query.cooperativeId().value(), query.memberId().value())
                .query(rs -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    boolean credit = DocumentKind.valueOf(rs.getString("document_kind")) == DocumentKind.CREDIT_NOTE;
                    Money earnings = new Money(rs.getBigDecimal("earnings"), currency);
                    Money fee = new Money(rs.getBigDecimal("fee"), currency);
                    if (credit) {
                        earnings = earnings.negate();
                        fee = fee.negate();
                    }
                    String month = YearMonth.from(rs.getObject("issue_date", LocalDate.class)).toString();
                    String number = rs.getString("invoice_number");
                    MonthlyEarnings before = months.get(month);
                    if (before == null) {
                        months.put(month, new MonthlyEarnings(month, earnings, fee, earnings.minus(fee), List.of(number)));
                    } else {
                        List<String> documents = new ArrayList<>(before.documents());
                        if (!documents.contains(number)) {
                            documents.add(number);
                        }
                        months.put(month, new MonthlyEarnings(month, before.earnings().plus(earnings),
                                before.fee().plus(fee), before.owed().plus(earnings.minus(fee)), documents));
                    }
                });
        return List.copyOf(months.values());
    }

    private InvoiceView document(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("invoice_id", UUID.class);
        Currency currency = Currency.getInstance(rs.getString("currency"));
        UUID credits = rs.getObject("credits_invoice_id", UUID.class);
        List<LineView> lines = jdbc.sql("SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY line_number").param(id)
                .query((l, n) -> {
                    UUID member = l.getObject("member_id", UUID.class);
                    BigDecimal earnings = l.getBigDecimal("earnings");
                    BigDecimal fee = l.getBigDecimal("fee");
                    return new LineView(l.getInt("line_number"), l.getString("description"),
                            member == null ? null : new MemberId(member), l.getString("skill"),
                            l.getBigDecimal("quantity").setScale(2), new Money(l.getBigDecimal("unit_price"), currency),
                            VatRate.valueOf(l.getString("vat_rate")), new Money(l.getBigDecimal("amount"), currency),
                            earnings == null ? null : new Money(earnings, currency), fee == null ? null : new Money(fee, currency));
                })
                .list();
        List<VatView> vat = jdbc.sql("SELECT * FROM invoice_vat WHERE invoice_id = ?").param(id)
                .query((v, n) -> new VatView(VatRate.valueOf(v.getString("vat_rate")),
                        new Money(v.getBigDecimal("taxable_amount"), currency), new Money(v.getBigDecimal("vat"), currency)))
                .list().stream().sorted((a, b) -> a.rate().compareTo(b.rate())).toList();
        Map<String, Party> parties = new TreeMap<>();
        jdbc.sql("SELECT * FROM invoice_parties WHERE invoice_id = ?").param(id)
                .query(p -> {
                    parties.put(p.getString("party_role"), new Party(p.getString("legal_name"), new Address(p.getString("street"),
                            p.getString("postal_code"), p.getString("city"), p.getString("country_code")),
                            p.getString("vat_number"), p.getString("kvk_number"), p.getString("iban")));
                });
        List<PaymentView> payments = jdbc.sql("SELECT paid_on, amount FROM invoice_payments WHERE invoice_id = ? ORDER BY paid_on")
                .param(id)
                .query((p, n) -> new PaymentView(p.getObject("paid_on", LocalDate.class), new Money(p.getBigDecimal("amount"), currency)))
                .list();
        String creditsNumber = credits == null ? null
                : jdbc.sql("SELECT invoice_number FROM invoices WHERE invoice_id = ?").param(credits).query(String.class).optional()
                .orElse(null);
        UUID draftedBy = rs.getObject("drafted_by", UUID.class);
        UUID approvedBy = rs.getObject("approved_by", UUID.class);
        BigDecimal fee = rs.getBigDecimal("fee_percent");
        return new InvoiceView(new InvoiceId(id), new CooperativeId(rs.getObject("cooperative_id", UUID.class)),
                new ProjectId(rs.getObject("project_id", UUID.class)), DocumentKind.valueOf(rs.getString("document_kind")),
                credits == null ? null : new InvoiceId(credits), rs.getString("invoice_number"),
                DocumentStatus.valueOf(rs.getString("status")), currency, rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), draftedBy == null ? null : new MemberId(draftedBy),
                rs.getObject("drafted_on", LocalDate.class), approvedBy == null ? null : new MemberId(approvedBy),
                rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                fee == null ? null : fee.stripTrailingZeros(), rs.getString("reason"), lines, vat,
                new Money(rs.getBigDecimal("total_excl_vat"), currency), new Money(rs.getBigDecimal("total_vat"), currency),
                new Money(rs.getBigDecimal("total"), currency), new Money(rs.getBigDecimal("paid"), currency),
                new Money(rs.getBigDecimal("credited"), currency), parties.get("SELLER"), parties.get("BUYER"), payments,
                creditsNumber);
    }
}
