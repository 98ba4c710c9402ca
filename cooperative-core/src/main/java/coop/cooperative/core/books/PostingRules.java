package coop.cooperative.core.books;

import coop.cooperative.core.costs.api.CostReversed;
import coop.cooperative.core.invoicing.api.CreditNoteIssued;
import coop.cooperative.core.invoicing.api.Earning;
import coop.cooperative.core.invoicing.api.InvoiceApproved;
import coop.cooperative.core.invoicing.api.InvoicePaymentRecorded;
import coop.cooperative.core.settlements.api.SettlementDirection;
import coop.cooperative.core.settlements.api.SettlementRecorded;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What each event posts to the books. An approved cost posts, on the cost's date: the expense of
 * its category, paid from the bank or credited to the member who paid it, each share charged to its
 * member (in member-id order), and the recharge to members as the cooperative's income. A reversal
 * posts the same lines with the opposite sign on its own date. A settlement moves money between the
 * bank and the member's account. A sent invoice, its payments and credit notes post what the client
 * owes, the VAT, the members' earnings less the fee, the fee and the margin. Every posting's lines
 * sum to zero.
 * <p>
 * The descriptions are the books' own words in English, as the exports give them; the pages
 * translate them by matching these strings.
 */
public final class PostingRules {

    /** A settlement's description when the member paid the cooperative. */
    public static final String PAID_TO_COOPERATIVE = "Settlement: paid to the cooperative";
    /** A settlement's description when the member received money from the cooperative. */
    public static final String RECEIVED_FROM_COOPERATIVE = "Settlement: received from the cooperative";
    /** A reversal's description: this, the cost's description, ": " and the reason. */
    public static final String REVERSAL_OF = "Reversal of ";

    /** An invoice's description: this and its number, " to " and the client's legal name. */
    public static final String INVOICE = "Invoice ";
    /** A payment's description: this and the invoice's number. */
    public static final String PAYMENT_OF_INVOICE = "Payment of invoice ";
    /** A credit note's description: this, its number, " on invoice ", the invoice's number, ": " and the reason. */
    public static final String CREDIT_NOTE = "Credit note ";

    private PostingRules() {
    }

    /**
     * A sent invoice, on its date: the client owes its total (receivable), the VAT is owed to the tax
     * office, each member is owed their earnings less the cooperative's fee (one line per member, in
     * member-id order), the fees are the cooperative's income, and so is the margin: the amount
     * excluding VAT less the members' earnings.
     */
    public static Posting invoiceSent(InvoiceApproved invoice) {
        return new Posting(invoice.issueDate(), INVOICE + invoice.number() + " to " + invoice.buyer().legalName(), null,
                invoiceLines(invoice.total(), invoice.totalVat(), invoice.totalExclVat(), invoice.earnings(),
                        UnaryOperator.identity()));
    }

    /** A payment by the client: into the bank, off what the client owes. */
    public static Posting invoicePaid(InvoicePaymentRecorded payment) {
        return new Posting(payment.date(), PAYMENT_OF_INVOICE + payment.invoiceNumber(), null, List.of(
                PostingLine.of(Accounts.BANK, payment.amount()),
                PostingLine.of(Accounts.RECEIVABLES, payment.amount().negate())));
    }

    /** A credit note, on its date: the invoice's lines for the part it takes back, with the opposite sign. */
    public static Posting creditNote(CreditNoteIssued credit) {
        return new Posting(credit.issueDate(), CREDIT_NOTE + credit.number() + " on invoice " + credit.invoiceNumber()
                + ": " + credit.reason(), null,
                invoiceLines(credit.total(), credit.totalVat(), credit.totalExclVat(), credit.earnings(), Money::negate));
    }

    private static List<PostingLine> invoiceLines(Money total, Money vat, Money exclVat, List<Earning> earnings,
                                                  UnaryOperator<Money> sign) {
        Money zero = Money.zero(total.currency());
        SortedMap<MemberId, Money> owed = new TreeMap<>();
        Money fees = zero;
        Money earned = zero;
        for (Earning earning : earnings) {
            owed.merge(earning.memberId(), earning.owed(), Money::plus);
            fees = fees.plus(earning.fee());
            earned = earned.plus(earning.earnings());
        }
        List<PostingLine> lines = new ArrayList<>();
        lines.add(PostingLine.of(Accounts.RECEIVABLES, sign.apply(total)));
        if (!vat.isZero()) {
            lines.add(PostingLine.of(Accounts.OUTPUT_VAT, sign.apply(vat.negate())));
        }
        owed.forEach((member, amount) -> lines.add(PostingLine.member(member, sign.apply(amount.negate()))));
        if (!fees.isZero()) {
            lines.add(PostingLine.of(Accounts.INVOICING_FEES, sign.apply(fees.negate())));
        }
        Money margin = exclVat.minus(earned);
        if (!margin.isZero()) {
            lines.add(PostingLine.of(Accounts.INVOICING_MARGIN, sign.apply(margin.negate())));
        }
        return lines;
    }

    /** An approved cost, posted on the cost's date under its description. */
    public static Posting approval(CostToPost cost) {
        return new Posting(cost.date(), cost.description(), cost.category(), lines(cost, UnaryOperator.identity()));
    }

    /** A reversed cost: the approval's lines with the opposite sign, on the reversal's date. */
    public static Posting reversal(CostToPost cost, CostReversed reversal) {
        return new Posting(reversal.reversedOn(), REVERSAL_OF + cost.description() + ": " + reversal.reason(),
                cost.category(), lines(cost, Money::negate));
    }

    /** A settlement: the bank and the member's account, in the direction the money moved. */
    public static Posting settlement(SettlementRecorded settlement) {
        boolean paidIn = settlement.direction() == SettlementDirection.PAID_TO_COOPERATIVE;
        Money toBank = paidIn ? settlement.amount() : settlement.amount().negate();
        return new Posting(settlement.date(), paidIn ? PAID_TO_COOPERATIVE : RECEIVED_FROM_COOPERATIVE, null, List.of(
                PostingLine.of(Accounts.BANK, toBank),
                PostingLine.member(settlement.memberId(), toBank.negate())));
    }

    /**
     * A cost's lines, each amount passed through {@code sign}. Input VAT (a VAT-registered
     * cooperative) is not an expense: it goes to its own account, and the expense and the recharge
     * to members are the amount net of it. Otherwise the VAT is part of the expense and only noted
     * on its line.
     */
    private static List<PostingLine> lines(CostToPost cost, UnaryOperator<Money> sign) {
        Money amount = sign.apply(cost.amount());
        Money vat = sign.apply(cost.vat());
        Money expense = cost.inputVat() ? amount.minus(vat) : amount;
        List<PostingLine> lines = new ArrayList<>();
        lines.add(new PostingLine(Accounts.expenses(cost.category()), null, expense, vat));
        if (cost.inputVat()) {
            lines.add(PostingLine.of(Accounts.INPUT_VAT, vat));
        }
        MemberId payer = cost.paidBy();
        lines.add(payer == null ? PostingLine.of(Accounts.BANK, amount.negate()) : PostingLine.member(payer, amount.negate()));
        cost.shares().forEach((member, share) -> lines.add(PostingLine.member(member, sign.apply(share))));
        lines.add(PostingLine.of(Accounts.recharged(cost.category()), expense.negate()));
        return lines;
    }
}
