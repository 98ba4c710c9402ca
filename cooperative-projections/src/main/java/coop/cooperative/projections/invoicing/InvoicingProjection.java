package coop.cooperative.projections.invoicing;

import coop.cooperative.core.invoicing.InvoiceArithmetic;
import coop.cooperative.core.invoicing.api.Address;
import coop.cooperative.core.invoicing.api.BilledEntry;
import coop.cooperative.core.invoicing.api.ClientDetails;
import coop.cooperative.core.invoicing.api.ClientDetailsSet;
import coop.cooperative.core.invoicing.api.ClientRate;
import coop.cooperative.core.invoicing.api.ClientRatesSet;
import coop.cooperative.core.invoicing.api.CreditNoteIssued;
import coop.cooperative.core.invoicing.api.CreditedLine;
import coop.cooperative.core.invoicing.api.DraftInvoiceRevised;
import coop.cooperative.core.invoicing.api.Earning;
import coop.cooperative.core.invoicing.api.InvoiceApproved;
import coop.cooperative.core.invoicing.api.InvoiceDrafted;
import coop.cooperative.core.invoicing.api.InvoiceLine;
import coop.cooperative.core.invoicing.api.InvoicePaymentRecorded;
import coop.cooperative.core.invoicing.api.InvoicingDetails;
import coop.cooperative.core.invoicing.api.InvoicingDetailsSet;
import coop.cooperative.core.invoicing.api.LineGrouping;
import coop.cooperative.core.invoicing.api.VatAmount;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Invoicing's read model. A document is written as its events describe it: a draft with its lines
 * and hours entries, then as sent (number, parties, VAT per rate, earnings), its payments and what
 * credit notes took back; a credit note is a document of its own that names the invoice it credits.
 * Every write replaces what an earlier delivery of the same event wrote, so a replay is safe.
 */
@Component
@ViewTables({"invoicing_details", "project_client_rates", "project_client_details", "invoices",
        "invoice_parties", "invoice_lines", "invoice_vat", "invoice_payments", "invoice_entries", "invoice_earnings"})
@ProcessingGroup("invoicing")
class InvoicingProjection {

    /** Emptied by a reset: the tables this view owns. */
    private static final String[] TABLES = InvoicingProjection.class.getAnnotation(ViewTables.class).value();

    private final JdbcClient jdbc;

    InvoicingProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InvoicingDetailsSet event) {
        InvoicingDetails d = event.details();
        jdbc.sql("DELETE FROM invoicing_details WHERE cooperative_id = ?").param(event.cooperativeId().value()).update();
        jdbc.sql("""
                        INSERT INTO invoicing_details (cooperative_id, legal_name, street, postal_code, city, country_code,
                            vat_number, kvk_number, iban, fee_percent, payment_term_days)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.cooperativeId().value(), d.legalName(), d.address().street(), d.address().postalCode(),
                        d.address().city(), d.address().countryCode(), d.vatNumber(), d.kvkNumber(), d.iban(),
                        d.feePercent(), d.paymentTermDays())
                .update();
    }

    @EventHandler
    void on(ClientRatesSet event) {
        jdbc.sql("DELETE FROM project_client_rates WHERE project_id = ?").param(event.projectId().value()).update();
        for (ClientRate rate : event.rates()) {
            jdbc.sql("""
                            INSERT INTO project_client_rates (project_id, cooperative_id, skill, hourly_rate, currency, vat_rate)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(event.projectId().value(), event.cooperativeId().value(), rate.skill(),
                            rate.hourlyRate().amount(), rate.hourlyRate().currency().getCurrencyCode(), rate.vatRate().name())
                    .update();
        }
    }

    @EventHandler
    void on(ClientDetailsSet event) {
        ClientDetails c = event.client();
        jdbc.sql("DELETE FROM project_client_details WHERE project_id = ?").param(event.projectId().value()).update();
        jdbc.sql("""
                        INSERT INTO project_client_details (project_id, cooperative_id, legal_name, street, postal_code, city,
                            address_country, vat_number, country_code, kvk_number, line_grouping)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.projectId().value(), event.cooperativeId().value(), c.legalName(), c.address().street(),
                        c.address().postalCode(), c.address().city(), c.address().countryCode(), c.vatNumber(),
                        c.countryCode(), c.kvkNumber(), LineGrouping.orDefault(c.lineGrouping()).name())
                .update();
    }

    @EventHandler
    void on(InvoiceDrafted event) {
        UUID id = event.invoiceId().value();
        deleteDocument(id);
        Money exclVat = InvoiceArithmetic.totalExclVat(event.lines(), event.currency());
        Money vat = InvoiceArithmetic.totalVat(InvoiceArithmetic.vat(event.lines(), event.currency()), event.currency());
        jdbc.sql("""
                        INSERT INTO invoices (invoice_id, cooperative_id, project_id, document_kind, status, currency,
                            period_from, period_to, drafted_by, drafted_on, total_excl_vat, total_vat, total, paid, credited)
                        VALUES (?, ?, ?, 'INVOICE', 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)""")
                .params(id, event.cooperativeId().value(), event.projectId().value(), event.currency().getCurrencyCode(),
                        event.periodFrom(), event.periodTo(), event.draftedBy().value(), event.draftedOn(),
                        exclVat.amount(), vat.amount(), exclVat.plus(vat).amount())
                .update();
        writeLines(id, event.lines(), List.of());
    }

    @EventHandler
    void on(DraftInvoiceRevised event) {
        UUID id = event.invoiceId().value();
        Currency currency = currencyOf(id);
        Money exclVat = InvoiceArithmetic.totalExclVat(event.lines(), currency);
        Money vat = InvoiceArithmetic.totalVat(InvoiceArithmetic.vat(event.lines(), currency), currency);
        jdbc.sql("UPDATE invoices SET total_excl_vat = ?, total_vat = ?, total = ? WHERE invoice_id = ?")
                .params(exclVat.amount(), vat.amount(), exclVat.plus(vat).amount(), id).update();
        writeLines(id, event.lines(), List.of());
    }

    @EventHandler
    void on(InvoiceApproved event) {
        UUID id = event.invoiceId().value();
        jdbc.sql("""
                        UPDATE invoices SET invoice_number = ?, status = 'SENT', approved_by = ?, issue_date = ?, due_date = ?,
                            fee_percent = ?, total_excl_vat = ?, total_vat = ?, total = ?
                        WHERE invoice_id = ?""")
                .params(event.number(), event.approvedBy().value(), event.issueDate(), event.dueDate(), event.feePercent(),
                        event.totalExclVat().amount(), event.totalVat().amount(), event.total().amount(), id)
                .update();
        writeLines(id, event.lines(), event.earnings());
        writeVat(id, event.vat());
        jdbc.sql("DELETE FROM invoice_parties WHERE invoice_id = ?").param(id).update();
        InvoicingDetails seller = event.seller();
        writeParty(id, "SELLER", seller.legalName(), seller.address(), seller.vatNumber(), seller.kvkNumber(), seller.iban());
        ClientDetails buyer = event.buyer();
        writeParty(id, "BUYER", buyer.legalName(), buyer.address(), buyer.vatNumber(), buyer.kvkNumber(), null);
    }

    @EventHandler
    void on(InvoicePaymentRecorded event, EventMessage<?> message) {
        UUID id = event.invoiceId().value();
        jdbc.sql("DELETE FROM invoice_payments WHERE event_id = ?").param(message.getIdentifier()).update();
        jdbc.sql("INSERT INTO invoice_payments (event_id, invoice_id, paid_on, amount) VALUES (?, ?, ?, ?)")
                .params(message.getIdentifier(), id, event.date(), event.amount().amount()).update();
        updatePaidAndCredited(id);
    }

    @EventHandler
    void on(CreditNoteIssued event) {
        UUID id = event.creditNoteId().value();
        UUID invoice = event.invoiceId().value();
        deleteDocument(id);
        jdbc.sql("""
                        INSERT INTO invoices (invoice_id, cooperative_id, project_id, document_kind, credits_invoice_id,
                            invoice_number, status, currency, period_from, period_to, approved_by, issue_date, due_date,
                            fee_percent, reason, total_excl_vat, total_vat, total, paid, credited)
                        SELECT ?, cooperative_id, project_id, 'CREDIT_NOTE', invoice_id, ?, 'SENT', currency, period_from,
                            period_to, ?, ?, ?, fee_percent, ?, ?, ?, ?, 0, 0
                        FROM invoices WHERE invoice_id = ?""")
                .params(id, event.number(), event.issuedBy().value(), event.issueDate(), event.issueDate(), event.reason(),
                        event.totalExclVat().amount(), event.totalVat().amount(), event.total().amount(), invoice)
                .update();
        jdbc.sql("""
                        INSERT INTO invoice_parties (invoice_id, party_role, legal_name, street, postal_code, city, country_code,
                            vat_number, kvk_number, iban)
                        SELECT ?, party_role, legal_name, street, postal_code, city, country_code, vat_number, kvk_number, iban
                        FROM invoice_parties WHERE invoice_id = ?""")
                .params(id, invoice).update();
        List<InvoiceLine> lines = new ArrayList<>();
        for (CreditedLine credited : event.lines()) {
            List<MemberId> members = event.earnings().stream().filter(e -> e.lineNumber() == credited.lineNumber())
                    .map(Earning::memberId).distinct().toList();
            lines.add(new InvoiceLine(credited.lineNumber(), credited.description(),
                    members.size() == 1 ? members.get(0) : null, null, BigDecimal.ONE, credited.amount(),
                    credited.vatRate(), credited.amount(), null, List.of()));
        }
        writeLines(id, lines, event.earnings());
        writeVat(id, event.vat());
        updatePaidAndCredited(invoice);
    }

    @ResetHandler
    void reset() {
        for (String table : TABLES) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    private void deleteDocument(UUID id) {
        for (String table : List.of("invoices", "invoice_parties", "invoice_lines", "invoice_vat", "invoice_entries",
                "invoice_earnings")) {
            jdbc.sql("DELETE FROM " + table + " WHERE invoice_id = ?").param(id).update();
        }
    }

    private void writeLines(UUID id, List<InvoiceLine> lines, List<Earning> earnings) {
        for (String table : List.of("invoice_lines", "invoice_entries", "invoice_earnings")) {
            jdbc.sql("DELETE FROM " + table + " WHERE invoice_id = ?").param(id).update();
        }
        for (InvoiceLine line : lines) {
            List<Earning> ofLine = earnings.stream().filter(e -> e.lineNumber() == line.number()).toList();
            jdbc.sql("""
                            INSERT INTO invoice_lines (invoice_id, line_number, description, member_id, skill, quantity, unit_price,
                                vat_rate, amount, earnings, fee)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, line.number(), line.description(), line.memberId() == null ? null : line.memberId().value(),
                            line.skill(), line.quantity(), line.unitPrice().amount(), line.vatRate().name(),
                            line.amount().amount(), ofLine.isEmpty() ? null : sum(ofLine, Earning::earnings),
                            ofLine.isEmpty() ? null : sum(ofLine, Earning::fee))
                    .update();
            for (Earning earning : ofLine) {
                jdbc.sql("INSERT INTO invoice_earnings (invoice_id, line_number, member_id, earnings, fee) VALUES (?, ?, ?, ?, ?)")
                        .params(id, line.number(), earning.memberId().value(), earning.earnings().amount(),
                                earning.fee().amount()).update();
            }
            for (BilledEntry entry : line.entries()) {
                // entries of lines drafted before lines per skill name no member: their line does
                MemberId member = entry.memberId() != null ? entry.memberId() : line.memberId();
                jdbc.sql("INSERT INTO invoice_entries (entry_id, invoice_id, line_number, member_id, entry_date) VALUES (?, ?, ?, ?, ?)")
                        .params(entry.entryId().value(), id, line.number(), member.value(), entry.date()).update();
            }
        }
    }

    private static BigDecimal sum(List<Earning> earnings, Function<Earning, Money> amount) {
        return earnings.stream().map(e -> amount.apply(e).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void writeVat(UUID id, List<VatAmount> vat) {
        jdbc.sql("DELETE FROM invoice_vat WHERE invoice_id = ?").param(id).update();
        for (VatAmount amount : vat) {
            jdbc.sql("INSERT INTO invoice_vat (invoice_id, vat_rate, taxable_amount, vat) VALUES (?, ?, ?, ?)")
                    .params(id, amount.rate().name(), amount.taxableAmount().amount(), amount.vat().amount()).update();
        }
    }

    private void writeParty(UUID id, String role, String legalName, Address address, String vatNumber, String kvkNumber,
                            String iban) {
        jdbc.sql("""
                        INSERT INTO invoice_parties (invoice_id, party_role, legal_name, street, postal_code, city, country_code,
                            vat_number, kvk_number, iban)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, role, legalName, address.street(), address.postalCode(), address.city(), address.countryCode(),
                        vatNumber, kvkNumber, iban)
                .update();
    }

    /** An invoice's payments and credit notes, summed afresh from their rows, so a redelivered event counts once. */
    private void updatePaidAndCredited(UUID invoice) {
        jdbc.sql("""
                        UPDATE invoices SET
                            paid = (SELECT COALESCE(SUM(amount), 0) FROM invoice_payments WHERE invoice_id = ?),
                            credited = (SELECT COALESCE(SUM(total), 0) FROM invoices WHERE credits_invoice_id = ?)
                        WHERE invoice_id = ?""")
                .params(invoice, invoice, invoice).update();
    }

    private Currency currencyOf(UUID id) {
        return Currency.getInstance(jdbc.sql("SELECT currency FROM invoices WHERE invoice_id = ?").param(id)
                .query(String.class).single());
    }
}
