package coop.cooperative.projections.invoicing;

import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.invoicing.api.Address;
import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/** The queries the invoicing read model answers, and their views. */
public final class InvoicingQueries {

    private InvoicingQueries() {
    }

    /** The cooperative's invoicing details: answers an optional {@code InvoicingDetails}. */
    public record FindInvoicingDetails(CooperativeId cooperativeId) {
    }

    /** A project's client rates: answers a list of {@code ClientRate}, by skill. */
    public record FindClientRates(CooperativeId cooperativeId, ProjectId projectId) {
    }

    /** Who a project's invoices go to: answers an optional {@code ClientDetails}. */
    public record FindClientDetails(CooperativeId cooperativeId, ProjectId projectId) {
    }

    /**
     * A project's PROJECT hours from {@code from} to {@code to} (inclusive) on no invoice or draft yet,
     * each with the skill of the member's assignment on its date.
     */
    public record FindUnbilledHours(CooperativeId cooperativeId, ProjectId projectId, LocalDate from, LocalDate to) {
    }

    /** {@code skill}: the skill the member was assigned to the project with on the date; null when none. */
    public record UnbilledEntry(EntryId entryId, MemberId memberId, LocalDate date, BigDecimal hours, String skill) {
    }

    /** The hours entries on a document (a draft's too): answers a list of {@link BilledHours}. */
    public record FindBilledHours(InvoiceId invoiceId) {
    }

    public record BilledHours(EntryId entryId, MemberId memberId, LocalDate date) {
    }

    public record FindInvoice(CooperativeId cooperativeId, InvoiceId invoiceId) {
    }

    /** A cooperative's invoices and credit notes, newest first; {@code projects} null means every project. */
    public record FindInvoices(CooperativeId cooperativeId, Set<ProjectId> projects) {
    }

    public enum DocumentKind { INVOICE, CREDIT_NOTE }

    public enum DocumentStatus { DRAFT, SENT }

    /** A party as a sent document names it; {@code kvkNumber} and {@code iban} only for the cooperative. */
    public record Party(String legalName, Address address, String vatNumber, String kvkNumber, String iban) {
    }

    /** {@code earnings} and {@code fee}: what the line earns its member (on a credit note: reverses); null without a member. */
    public record LineView(int number, String description, MemberId memberId, String skill, BigDecimal quantity,
                           Money unitPrice, VatRate vatRate, Money amount, Money earnings, Money fee) {
    }

    public record VatView(VatRate rate, Money taxableAmount, Money vat) {
    }

    public record PaymentView(LocalDate date, Money amount) {
    }

    /**
     * An invoice or a credit note. For a draft: no number, parties, dates or VAT breakdown yet (the
     * totals are the lines' and the VAT they would carry). {@code paid} and {@code credited}: on an
     * invoice, what was paid and what its credit notes took back (including VAT).
     */
    public record InvoiceView(InvoiceId invoiceId, CooperativeId cooperativeId, ProjectId projectId, DocumentKind kind,
                              InvoiceId creditsInvoiceId, String number, DocumentStatus status, Currency currency,
                              LocalDate periodFrom, LocalDate periodTo, MemberId draftedBy, LocalDate draftedOn,
                              MemberId approvedBy, LocalDate issueDate, LocalDate dueDate, BigDecimal feePercent,
                              String reason, List<LineView> lines, List<VatView> vat, Money totalExclVat,
                              Money totalVat, Money total, Money paid, Money credited, Party seller, Party buyer,
                              List<PaymentView> payments, String creditsInvoiceNumber) {

        /** What the client still owes on an invoice: the total less credit notes and payments. */
        public Money outstanding() {
            return total.minus(credited).minus(paid);
        }

        /** A sent invoice with something still due after its due date. */
        public boolean overdueOn(LocalDate today) {
            return kind == DocumentKind.INVOICE && status == DocumentStatus.SENT && outstanding().isPositive()
                    && today.isAfter(dueDate);
        }
    }

    /** A member's earnings per month of the invoices' dates, net of credit notes. */
    public record FindEarnings(CooperativeId cooperativeId, MemberId memberId) {
    }

    /** {@code owed}: earnings less the fee, what the member's balance rose by. */
    public record MonthlyEarnings(String month, Money earnings, Money fee, Money owed, List<String> documents) {
    }
}
