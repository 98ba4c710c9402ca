package coop.cooperative.core.books;

import coop.cooperative.core.invoicing.api.Address;
import coop.cooperative.core.invoicing.api.ClientDetails;
import coop.cooperative.core.invoicing.api.CreditNoteIssued;
import coop.cooperative.core.invoicing.api.CreditedLine;
import coop.cooperative.core.invoicing.api.Earning;
import coop.cooperative.core.invoicing.api.InvoiceApproved;
import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.invoicing.api.InvoicePaymentRecorded;
import coop.cooperative.core.invoicing.api.InvoicingDetails;
import coop.cooperative.core.invoicing.api.VatAmount;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InvoicePostingRulesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate ISSUED = LocalDate.of(2026, 12, 1);
    private static final MemberId ANN = MemberId.of("00000000-0000-0000-0000-00000000000a");
    private static final MemberId BEN = MemberId.of("00000000-0000-0000-0000-00000000000b");
    private static final CooperativeId COOP = CooperativeId.random();
    private static final InvoiceId INVOICE = InvoiceId.random();
    private static final ClientDetails CLIENT = new ClientDetails("Gemeente Utrecht",
            new Address("Stadsplateau 1", "3521 AZ", "Utrecht", "NL"), null, "NL", "12345678");

    private static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    /** 1345.00 excl. VAT, 244.05 VAT; Ann earns 717.50 (fee 35.88), Ben 240.00 (fee 12.00). */
    private static InvoiceApproved invoice() {
        return new InvoiceApproved(COOP, INVOICE, ProjectId.random(), "2026-0001", ISSUED, ISSUED.plusDays(30), ISSUED,
                ISSUED, new InvoicingDetails("De Gilde U.A.", new Address("a", "b", "c", "NL"), "NL123456789B01",
                "12345678", "NL91ABNA0417164300", new BigDecimal("5"), 30), CLIENT, EUR, List.of(),
                List.of(new VatAmount(VatRate.STANDARD, eur("1025.00"), eur("215.25")),
                        new VatAmount(VatRate.REDUCED, eur("320.00"), eur("28.80"))),
                eur("1345.00"), eur("244.05"), eur("1589.05"), new BigDecimal("5"),
                List.of(new Earning(1, BEN, eur("240.00"), eur("12.00")), new Earning(2, ANN, eur("717.50"), eur("35.88"))),
                MemberId.random());
    }

    private static void assertBalanced(Posting posting) {
        assertThat(posting.lines().stream().map(PostingLine::amount).reduce(eur("0.00"), Money::plus)).isEqualTo(eur("0.00"));
    }

    @Test
    void aSentInvoicePostsTheReceivableTheVatEachMembersEarningsLessTheFeeTheFeesAndTheMargin() {
        Posting posting = PostingRules.invoiceSent(invoice());
        assertThat(posting.date()).isEqualTo(ISSUED);
        assertThat(posting.description()).isEqualTo("Invoice 2026-0001 to Gemeente Utrecht");
        assertThat(posting.lines()).containsExactly(
                PostingLine.of(Accounts.RECEIVABLES, eur("1589.05")),
                PostingLine.of(Accounts.OUTPUT_VAT, eur("-244.05")),
                PostingLine.member(ANN, eur("-681.62")),
                PostingLine.member(BEN, eur("-228.00")),
                PostingLine.of(Accounts.INVOICING_FEES, eur("-47.88")),
                PostingLine.of(Accounts.INVOICING_MARGIN, eur("-387.50")));
        assertBalanced(posting);
    }

    @Test
    void aPaymentMovesMoneyIntoTheBankOffWhatTheClientOwes() {
        Posting posting = PostingRules.invoicePaid(new InvoicePaymentRecorded(COOP, INVOICE, "2026-0001", eur("500.00"),
                ISSUED.plusDays(10), eur("1089.05"), MemberId.random()));
        assertThat(posting.description()).isEqualTo("Payment of invoice 2026-0001");
        assertThat(posting.lines()).containsExactly(PostingLine.of(Accounts.BANK, eur("500.00")),
                PostingLine.of(Accounts.RECEIVABLES, eur("-500.00")));
    }

    @Test
    void aCreditNoteReversesThePartItTakesBackWithTheOppositeSign() {
        Posting posting = PostingRules.creditNote(new CreditNoteIssued(COOP, INVOICE, "2026-0001", InvoiceId.random(),
                "2026-0002", ISSUED.plusDays(3), "Training cancelled",
                List.of(new CreditedLine(1, "Hours training", VatRate.REDUCED, eur("320.00"))),
                List.of(new VatAmount(VatRate.REDUCED, eur("320.00"), eur("28.80"))), eur("320.00"), eur("28.80"),
                eur("348.80"), List.of(new Earning(1, BEN, eur("240.00"), eur("12.00"))), MemberId.random()));
        assertThat(posting.description()).isEqualTo("Credit note 2026-0002 on invoice 2026-0001: Training cancelled");
        assertThat(posting.lines()).containsExactly(
                PostingLine.of(Accounts.RECEIVABLES, eur("-348.80")),
                PostingLine.of(Accounts.OUTPUT_VAT, eur("28.80")),
                PostingLine.member(BEN, eur("228.00")),
                PostingLine.of(Accounts.INVOICING_FEES, eur("12.00")),
                PostingLine.of(Accounts.INVOICING_MARGIN, eur("80.00")));
        assertBalanced(posting);
    }

    @Test
    void aFixedAmountWithoutMembersIsAllMargin() {
        InvoiceApproved fixed = invoice();
        Posting posting = PostingRules.invoiceSent(new InvoiceApproved(COOP, INVOICE, fixed.projectId(), "2026-0003", ISSUED,
                ISSUED, ISSUED, ISSUED, fixed.seller(), CLIENT, EUR, List.of(),
                List.of(new VatAmount(VatRate.REVERSE_CHARGE, eur("5000.00"), eur("0.00"))), eur("5000.00"), eur("0.00"),
                eur("5000.00"), new BigDecimal("5"), List.of(), fixed.approvedBy()));
        assertThat(posting.lines()).containsExactly(PostingLine.of(Accounts.RECEIVABLES, eur("5000.00")),
                PostingLine.of(Accounts.INVOICING_MARGIN, eur("-5000.00")));
    }
}
