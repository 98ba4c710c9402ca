package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * The commands of invoicing. What a decision needs that an aggregate cannot look up (the unbilled
 * hours and each member's rate, the treasurers, today, the cooperative's and the client's details)
 * is read by the sender from the read models and travels in the command.
 */
public final class InvoicingCommands {

    private InvoicingCommands() {
    }

    /** The aggregate that numbers a cooperative's documents of one year. */
    public static String numbersOf(CooperativeId cooperativeId, int year) {
        return cooperativeId + "/" + year;
    }

    /**
     * The aggregate of a cooperative's invoicing details. Its own prefix, because an aggregate
     * identifier names one stream in the event store and the cooperative's id already names the
     * {@code Cooperative}'s.
     */
    public static String profileOf(CooperativeId cooperativeId) {
        return "invoicing/" + cooperativeId;
    }

    /** The aggregate of a project's billing, beside the {@code Project}'s own stream. */
    public static String billingOf(ProjectId projectId) {
        return "billing/" + projectId;
    }

    /** Set the cooperative's invoicing details and policy. */
    public record SetInvoicingDetails(CooperativeId cooperativeId, InvoicingDetails details, MemberId setBy,
                                      LocalDate setOn) {

        @TargetAggregateIdentifier
        public String profile() {
            return profileOf(cooperativeId);
        }
    }

    /** Set a project's client rates (to the project's billing, keyed by the project's id). */
    public record SetClientRates(CooperativeId cooperativeId, ProjectId projectId, List<ClientRate> rates) {

        @TargetAggregateIdentifier
        public String billing() {
            return billingOf(projectId);
        }
    }

    /** Set who a project's invoices are addressed to. */
    public record SetClientDetails(CooperativeId cooperativeId, ProjectId projectId, ClientDetails client) {

        @TargetAggregateIdentifier
        public String billing() {
            return billingOf(projectId);
        }
    }

    /** A fixed amount to bill (a milestone): one line of quantity 1. */
    public record FixedAmount(String description, Money amount, VatRate vatRate) {
    }

    /**
     * Draft an invoice for a project's supply period: from {@code hours} (the project's unbilled
     * PROJECT hours in the period, priced at {@code rates}), or for a {@code fixedAmount}.
     *
     * @param reverseCharge the client's details call for reverse charge: every line then carries it
     * @param grouping      lines per member (the default) or per skill, as the client prefers
     * @param hoursWord     the word a line of hours begins with, in the client's language ("Uren ux")
     */
    public record DraftInvoice(@TargetAggregateIdentifier InvoiceId invoiceId, CooperativeId cooperativeId,
                               ProjectId projectId, Currency currency, LocalDate periodFrom, LocalDate periodTo,
                               List<BillableHours> hours, List<ClientRate> rates, FixedAmount fixedAmount,
                               boolean reverseCharge, LineGrouping grouping, String hoursWord, MemberId draftedBy,
                               LocalDate draftedOn) {

        public DraftInvoice {
            hours = hours == null ? List.of() : List.copyOf(hours);
            rates = rates == null ? List.of() : List.copyOf(rates);
            grouping = LineGrouping.orDefault(grouping);
            hoursWord = hoursWord == null || hoursWord.isBlank() ? "Hours" : hoursWord.strip();
        }

        /** A draft with lines per member, described in English. */
        public DraftInvoice(InvoiceId invoiceId, CooperativeId cooperativeId, ProjectId projectId, Currency currency,
                            LocalDate periodFrom, LocalDate periodTo, List<BillableHours> hours, List<ClientRate> rates,
                            FixedAmount fixedAmount, boolean reverseCharge, MemberId draftedBy, LocalDate draftedOn) {
            this(invoiceId, cooperativeId, projectId, currency, periodFrom, periodTo, hours, rates, fixedAmount,
                    reverseCharge, null, null, draftedBy, draftedOn);
        }
    }

    /** A change to one line of a draft: its description and unit price. */
    public record LineRevision(int number, String description, Money unitPrice) {
    }

    /** Revise a draft: the lines listed are kept (as revised), the others dropped. */
    public record ReviseDraftInvoice(@TargetAggregateIdentifier InvoiceId invoiceId, CooperativeId cooperativeId,
                                     List<LineRevision> lines, MemberId revisedBy, LocalDate revisedOn) {

        public ReviseDraftInvoice {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /**
     * Take the next number of the cooperative's sequence of {@code year} for a document; answers the
     * number. Asked again for the same document, answers the number it already has.
     */
    public record TakeInvoiceNumber(CooperativeId cooperativeId, int year, InvoiceId documentId) {

        @TargetAggregateIdentifier
        public String numbers() {
            return numbersOf(cooperativeId, year);
        }
    }

    /**
     * A treasurer approves a draft, which numbers and sends it. Four eyes: not the treasurer who
     * drafted it, unless the cooperative has a single treasurer.
     *
     * @param number     taken from the year's sequence in the same transaction
     * @param treasurers the cooperative's treasurers now
     * @param seller     the cooperative's invoicing details now; null when none are set
     * @param buyer      the project's client details now; null when none are set
     */
    public record ApproveInvoice(@TargetAggregateIdentifier InvoiceId invoiceId, CooperativeId cooperativeId,
                                 String number, MemberId approvedBy, LocalDate approvedOn, Set<MemberId> treasurers,
                                 InvoicingDetails seller, ClientDetails buyer) {

        public ApproveInvoice {
            treasurers = treasurers == null ? Set.of() : Set.copyOf(treasurers);
        }
    }

    /** The client paid {@code amount} on {@code date} (not after {@code today}). */
    public record RecordInvoicePayment(@TargetAggregateIdentifier InvoiceId invoiceId, CooperativeId cooperativeId,
                                       Money amount, LocalDate date, MemberId recordedBy, LocalDate today) {
    }

    /**
     * Issue a credit note on a sent invoice: for whole lines ({@code lines}, what is left of each),
     * or for an {@code amount} excluding VAT, spread over the lines in proportion to what is left of them.
     */
    public record IssueCreditNote(@TargetAggregateIdentifier InvoiceId invoiceId, CooperativeId cooperativeId,
                                  InvoiceId creditNoteId, String number, List<Integer> lines, Money amount,
                                  String reason, MemberId issuedBy, LocalDate issuedOn) {

        public IssueCreditNote {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }
}
