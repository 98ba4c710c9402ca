package coop.cooperative.core.invoicing;

import coop.cooperative.core.invoicing.api.ClientDetails;
import coop.cooperative.core.invoicing.api.CreditNoteIssued;
import coop.cooperative.core.invoicing.api.CreditedLine;
import coop.cooperative.core.invoicing.api.DraftInvoiceRevised;
import coop.cooperative.core.invoicing.api.Earning;
import coop.cooperative.core.invoicing.api.InvoiceApproved;
import coop.cooperative.core.invoicing.api.InvoiceDrafted;
import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.invoicing.api.InvoiceLine;
import coop.cooperative.core.invoicing.api.InvoicePaymentRecorded;
import coop.cooperative.core.invoicing.api.InvoicingCommands.ApproveInvoice;
import coop.cooperative.core.invoicing.api.InvoicingCommands.DraftInvoice;
import coop.cooperative.core.invoicing.api.InvoicingCommands.IssueCreditNote;
import coop.cooperative.core.invoicing.api.InvoicingCommands.LineRevision;
import coop.cooperative.core.invoicing.api.InvoicingCommands.RecordInvoicePayment;
import coop.cooperative.core.invoicing.api.InvoicingCommands.ReviseDraftInvoice;
import coop.cooperative.core.invoicing.api.InvoicingDetails;
import coop.cooperative.core.invoicing.api.VatAmount;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.Dates;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.FourEyes;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.core.shared.Texts;
import coop.cooperative.core.shared.OpenPeriods;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One invoice to a project's client: drafted (from hours or for a fixed amount) and revised while a
 * draft; approved by a treasurer other than the one who drafted it (four eyes, unless there is a
 * single treasurer), which numbers and sends it; then never changed: payments are recorded against
 * it, and credit notes take back all or part of it.
 */
public class Invoice {

    enum Status { DRAFT, SENT }

    @AggregateIdentifier
    private InvoiceId invoiceId;
    private CooperativeId cooperativeId;
    private ProjectId projectId;
    private Currency currency;
    private Status status;
    private MemberId draftedBy;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private List<InvoiceLine> lines;
    private String number;
    private LocalDate issueDate;
    private Money total;
    private Money paid;
    private Money credited;
    private final CreditableLines creditable = new CreditableLines();

    protected Invoice() {
        // for Axon
    }

    @CommandHandler
    public Invoice(DraftInvoice command) {
        LocalDate from = Dates.require(command.periodFrom(), "from");
        LocalDate to = Dates.require(command.periodTo(), "to");
        if (to.isBefore(from)) {
            throw new RuleViolation(Refusal.INVOICE_PERIOD, "The period's end (to) lies before its start (from)");
        }
        List<InvoiceLine> lines;
        if (command.fixedAmount() != null) {
            var fixed = command.fixedAmount();
            Parties.requireText(fixed.description(), "description", 200);
            requireAmount(fixed.amount(), command.currency(), "amount");
            if (fixed.vatRate() == null) {
                throw new RuleViolation(Refusal.INVOICE_VAT_RATE, "A fixed amount needs its VAT rate");
            }
            lines = InvoiceLines.fixed(fixed, command.reverseCharge());
        } else {
            lines = InvoiceLines.fromHours(command, from, to);
        }
        if (lines.isEmpty()) {
            throw new RuleViolation(Refusal.INVOICE_NOTHING_TO_BILL, "The project has no unbilled hours from " + from + " to " + to,
                    from, to);
        }
        apply(new InvoiceDrafted(command.cooperativeId(), command.invoiceId(), command.projectId(), command.currency(),
                from, to, lines, command.draftedBy(), command.draftedOn()));
    }

    @CommandHandler
    public void handle(ReviseDraftInvoice command) {
        requireSameCooperative(command.cooperativeId());
        requireDraft();
        if (command.lines().isEmpty()) {
            throw new RuleViolation(Refusal.INVOICE_NO_LINES, "A draft keeps at least one line");
        }
        Map<Integer, InvoiceLine> byNumber = new LinkedHashMap<>();
        lines.forEach(line -> byNumber.put(line.number(), line));
        List<InvoiceLine> revised = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (LineRevision revision : command.lines()) {
            InvoiceLine line = byNumber.get(revision.number());
            if (line == null || !seen.add(revision.number())) {
                throw new RuleViolation(Refusal.INVOICE_NO_SUCH_LINE, "The draft has no line " + revision.number() + " (or it is listed twice)",
                        revision.number());
            }
            String description = Parties.requireText(revision.description(), "description", 200);
            Money price = requireAmount(revision.unitPrice(), currency, "unitPrice");
            revised.add(new InvoiceLine(line.number(), description, line.memberId(), line.skill(), line.quantity(), price,
                    line.vatRate(), InvoiceArithmetic.times(line.quantity(), price), line.memberRate(), line.entries()));
        }
        apply(new DraftInvoiceRevised(cooperativeId, invoiceId, revised, command.revisedBy(), command.revisedOn()));
    }

    @CommandHandler
    public void handle(ApproveInvoice command, OpenPeriods periods) {
        requireSameCooperative(command.cooperativeId());
        periods.requireOpen(cooperativeId, command.approvedOn()); // sending posts the invoice on its date
        if (status == Status.SENT) {
            throw new Conflict(Refusal.INVOICE_ALREADY_APPROVED, "The invoice is already approved and sent");
        }
        MemberId approver = command.approvedBy();
        if (!command.treasurers().contains(approver)) {
            throw new RuleViolation(Refusal.INVOICE_TREASURER_APPROVES, "Only a treasurer approves an invoice");
        }
        if (FourEyes.apply(command.treasurers()) && approver.equals(draftedBy)) {
            throw new RuleViolation(Refusal.INVOICE_FOUR_EYES, "Four eyes: another treasurer approves the invoice you drafted");
        }
        InvoicingDetails seller = command.seller();
        if (seller == null) {
            throw new RuleViolation(Refusal.INVOICE_NO_INVOICING_DETAILS, "Set the cooperative's invoicing details before approving an invoice");
        }
        ClientDetails buyer = command.buyer();
        if (buyer == null) {
            throw new RuleViolation(Refusal.INVOICE_NO_CLIENT_DETAILS, "Set the project's client details before approving an invoice");
        }
        boolean reverseCharged = lines.stream().anyMatch(line -> line.vatRate() == VatRate.REVERSE_CHARGE);
        if (reverseCharged != buyer.reverseCharge()) {
            throw new RuleViolation(Refusal.INVOICE_REVERSE_CHARGE_CHANGED, "The client's details changed whether VAT is reverse charged: draft the invoice anew");
        }
        LocalDate issued = Dates.require(command.approvedOn(), "approvedOn");
        if (command.number() == null || !command.number().startsWith(issued.getYear() + "-")) {
            throw new RuleViolation(Refusal.INVOICE_NUMBER_YEAR, "An invoice's number comes from the sequence of the year it is issued in");
        }
        List<VatAmount> vat = InvoiceArithmetic.vat(lines, currency);
        Money exclVat = InvoiceArithmetic.totalExclVat(lines, currency);
        Money totalVat = InvoiceArithmetic.totalVat(vat, currency);
        BigDecimal fee = seller.feePercent() == null ? InvoicingDetails.DEFAULT_FEE_PERCENT : seller.feePercent();
        List<Earning> earnings = lines.stream().flatMap(line -> InvoiceArithmetic.earnings(line, fee).stream()).toList();
        apply(new InvoiceApproved(cooperativeId, invoiceId, projectId, command.number(), issued,
                issued.plusDays(seller.paymentTermDays()), periodFrom, periodTo, seller, buyer, currency, lines, vat,
                exclVat, totalVat, exclVat.plus(totalVat), fee, earnings, approver));
    }

    @CommandHandler
    public void handle(RecordInvoicePayment command, OpenPeriods periods) {
        requireSameCooperative(command.cooperativeId());
        periods.requireOpen(cooperativeId, command.date());
        requireSent(Refusal.INVOICE_PAYMENT_ON_DRAFT, "A payment is recorded on a sent invoice, not on a draft");
        requireAmount(command.amount(), currency, "amount");
        LocalDate date = Dates.requireNotAfter(command.date(), command.today(), "date");
        if (date.isBefore(issueDate)) {
            throw new RuleViolation(Refusal.INVOICE_PAYMENT_BEFORE_ISSUE, "A payment cannot be dated before the invoice (" + issueDate + ")",
                    issueDate);
        }
        Money outstanding = outstanding();
        if (command.amount().compareTo(outstanding) > 0) {
            throw new RuleViolation(Refusal.INVOICE_OVERPAID, "The payment is more than the " + outstanding + " still due", outstanding);
        }
        apply(new InvoicePaymentRecorded(cooperativeId, invoiceId, number, command.amount(), date,
                outstanding.minus(command.amount()), command.recordedBy()));
    }

    @CommandHandler
    public void handle(IssueCreditNote command, OpenPeriods periods) {
        requireSameCooperative(command.cooperativeId());
        periods.requireOpen(cooperativeId, command.issuedOn());
        requireSent(Refusal.INVOICE_CREDIT_ON_DRAFT, "A draft is revised, not credited");
        Texts.requirePlain(command.reason(), "reason");
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation(Refusal.INVOICE_CREDIT_REASON, "A credit note needs a reason");
        }
        boolean byLines = !command.lines().isEmpty();
        if (byLines == (command.amount() != null)) {
            throw new RuleViolation(Refusal.INVOICE_CREDIT_LINES_OR_AMOUNT, "A credit note takes back either whole lines or an amount");
        }
        LocalDate issued = Dates.require(command.issuedOn(), "issuedOn");
        if (command.number() == null || !command.number().startsWith(issued.getYear() + "-")) {
            throw new RuleViolation(Refusal.INVOICE_CREDIT_NUMBER_YEAR, "A credit note's number comes from the sequence of the year it is issued in");
        }
        Map<Integer, Money> portions = byLines ? creditable.wholeLines(command.lines())
                : creditable.spread(requireAmount(command.amount(), currency, "amount"), currency);
        List<CreditedLine> credited = new ArrayList<>();
        List<Earning> reversed = new ArrayList<>();
        portions.forEach((number, portion) -> {
            InvoiceLine line = lines.stream().filter(l -> l.number() == number).findFirst().orElseThrow();
            credited.add(new CreditedLine(number, line.description(), line.vatRate(), portion));
            reversed.addAll(creditable.reversals(number, portion));
        });
        List<VatAmount> vat = InvoiceArithmetic.vatCredited(credited, currency);
        Money exclVat = credited.stream().map(CreditedLine::amount).reduce(Money.zero(currency), Money::plus);
        Money totalVat = InvoiceArithmetic.totalVat(vat, currency);
        apply(new CreditNoteIssued(cooperativeId, invoiceId, number, command.creditNoteId(), command.number(), issued,
                command.reason().strip(), credited, vat, exclVat, totalVat, exclVat.plus(totalVat), reversed,
                command.issuedBy()));
    }

    @EventSourcingHandler
    void on(InvoiceDrafted event) {
        invoiceId = event.invoiceId();
        cooperativeId = event.cooperativeId();
        projectId = event.projectId();
        currency = event.currency();
        periodFrom = event.periodFrom();
        periodTo = event.periodTo();
        lines = event.lines();
        draftedBy = event.draftedBy();
        status = Status.DRAFT;
    }

    @EventSourcingHandler
    void on(DraftInvoiceRevised event) {
        lines = event.lines();
    }

    @EventSourcingHandler
    void on(InvoiceApproved event) {
        status = Status.SENT;
        number = event.number();
        issueDate = event.issueDate();
        total = event.total();
        paid = Money.zero(currency);
        credited = Money.zero(currency);
        creditable.sent(event.lines(), event.earnings());
    }

    @EventSourcingHandler
    void on(InvoicePaymentRecorded event) {
        paid = paid.plus(event.amount());
    }

    @EventSourcingHandler
    void on(CreditNoteIssued event) {
        credited = credited.plus(event.total());
        creditable.credited(event.lines(), event.earnings());
    }

    /** What the client still owes: the total less what was credited and paid (never below zero here). */
    private Money outstanding() {
        Money due = total.minus(credited).minus(paid);
        return due.isNegative() ? Money.zero(currency) : due;
    }

    private void requireDraft() {
        if (status != Status.DRAFT) {
            throw new Conflict(Refusal.INVOICE_SENT_NOT_REVISED, "A sent invoice is never changed: issue a credit note");
        }
    }

    private void requireSent(Refusal refusal, String rule) {
        if (status != Status.SENT) {
            throw new RuleViolation(refusal, rule);
        }
    }

    private static Money requireAmount(Money amount, Currency currency, String field) {
        if (amount == null || !amount.isPositive() || amount.amount().compareTo(Money.MAXIMUM) > 0
                || !amount.currency().equals(currency)) {
            throw new RuleViolation(Refusal.INVOICE_AMOUNT, field + " must be more than zero and at most 999999999.99 in "
                    + currency, field);
        }
        return amount;
    }

    private void requireSameCooperative(CooperativeId other) {
        // An invoice of another cooperative is as unknown as a made-up id.
        if (!Objects.equals(cooperativeId, other)) {
            throw new NotFound(Refusal.INVOICE_NOT_FOUND, "No invoice " + invoiceId + " in this cooperative", invoiceId);
        }
    }
}
