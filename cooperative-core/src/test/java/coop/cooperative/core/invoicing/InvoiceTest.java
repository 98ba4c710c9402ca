package coop.cooperative.core.invoicing;

import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.invoicing.api.Address;
import coop.cooperative.core.invoicing.api.BillableHours;
import coop.cooperative.core.invoicing.api.BilledEntry;
import coop.cooperative.core.invoicing.api.ClientDetails;
import coop.cooperative.core.invoicing.api.ClientRate;
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
import coop.cooperative.core.invoicing.api.InvoicingCommands.FixedAmount;
import coop.cooperative.core.invoicing.api.InvoicingCommands.IssueCreditNote;
import coop.cooperative.core.invoicing.api.InvoicingCommands.LineRevision;
import coop.cooperative.core.invoicing.api.InvoicingCommands.RecordInvoicePayment;
import coop.cooperative.core.invoicing.api.InvoicingCommands.ReviseDraftInvoice;
import coop.cooperative.core.invoicing.api.InvoicingDetails;
import coop.cooperative.core.invoicing.api.VatAmount;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.OpenPeriods;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.Refusal;

class InvoiceTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 30);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private final CooperativeId coop = CooperativeId.random();
    private final ProjectId project = ProjectId.random();
    private final InvoiceId invoice = InvoiceId.random();
    private final MemberId anna = MemberId.of("00000000-0000-0000-0000-00000000000a");
    private final MemberId bram = MemberId.of("00000000-0000-0000-0000-00000000000b");
    private final MemberId drafter = MemberId.of("00000000-0000-0000-0000-0000000000ff");
    private final MemberId approver = MemberId.of("00000000-0000-0000-0000-0000000000fe");
    private final EntryId e1 = EntryId.random();
    private final EntryId e2 = EntryId.random();
    private final EntryId e3 = EntryId.random();
    private final List<ClientRate> rates = List.of(new ClientRate("design", eur("100.00"), VatRate.STANDARD),
            new ClientRate("training", eur("80.00"), VatRate.REDUCED));
    private final InvoicingDetails seller = new InvoicingDetails("De Gilde U.A.",
            new Address("Oudegracht 1", "3511 AA", "Utrecht", "NL"), "NL123456789B01", "12345678",
            "NL91ABNA0417164300", new BigDecimal("5"), 30);
    private final ClientDetails dutchClient = new ClientDetails("Gemeente Utrecht",
            new Address("Stadsplateau 1", "3521 AZ", "Utrecht", "NL"), null, "NL", "12345678");
    private AggregateTestFixture<Invoice> fixture;

    /** The months the cooperative has closed; the aggregate asks through {@link OpenPeriods}. */
    private final Set<YearMonth> closed = new HashSet<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerInjectableResource((OpenPeriods) (cooperative, month) -> !closed.contains(month));
    }

    private static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    private DraftInvoice draftFromHours() {
        return new DraftInvoice(invoice, coop, project, EUR, FROM, TO, List.of(
                new BillableHours(e1, anna, FROM.plusDays(2), new BigDecimal("8.00"), "design", eur("70.00")),
                new BillableHours(e2, anna, FROM.plusDays(3), new BigDecimal("2.25"), "design", eur("70.00")),
                new BillableHours(e3, bram, FROM.plusDays(3), new BigDecimal("4.00"), "training", eur("60.00"))),
                rates, null, false, drafter, TODAY);
    }

    private List<InvoiceLine> lines() {
        return List.of(
                new InvoiceLine(1, "Hours design", anna, "design", new BigDecimal("10.25"), eur("100.00"), VatRate.STANDARD,
                        eur("1025.00"), eur("70.00"), List.of(new BilledEntry(e1, FROM.plusDays(2), new BigDecimal("8.00"), anna, eur("70.00")),
                        new BilledEntry(e2, FROM.plusDays(3), new BigDecimal("2.25"), anna, eur("70.00")))),
                new InvoiceLine(2, "Hours training", bram, "training", new BigDecimal("4.00"), eur("80.00"), VatRate.REDUCED,
                        eur("320.00"), eur("60.00"), List.of(new BilledEntry(e3, FROM.plusDays(3), new BigDecimal("4.00"), bram, eur("60.00")))));
    }

    private InvoiceDrafted drafted() {
        return new InvoiceDrafted(coop, invoice, project, EUR, FROM, TO, lines(), drafter, TODAY);
    }

    private ApproveInvoice approve(MemberId by) {
        return new ApproveInvoice(invoice, coop, "2026-0001", by, TODAY, Set.of(drafter, approver), seller, dutchClient);
    }

    /** 1025.00 at 21% and 320.00 at 9%; Anna earns 10.25 × 70 = 717.50 (fee 35.88), Bram 4 × 60 = 240.00 (fee 12.00). */
    private InvoiceApproved approved() {
        return new InvoiceApproved(coop, invoice, project, "2026-0001", TODAY, TODAY.plusDays(30), FROM, TO, seller,
                dutchClient, EUR, lines(), List.of(new VatAmount(VatRate.STANDARD, eur("1025.00"), eur("215.25")),
                new VatAmount(VatRate.REDUCED, eur("320.00"), eur("28.80"))), eur("1345.00"), eur("244.05"), eur("1589.05"),
                new BigDecimal("5"), List.of(new Earning(1, anna, eur("717.50"), eur("35.88")),
                new Earning(2, bram, eur("240.00"), eur("12.00"))), approver);
    }

    @Test
    void aDraftFromHoursHasOneLinePerMemberAndSkillAtTheSkillsClientRate() {
        fixture.givenNoPriorActivity().when(draftFromHours()).expectEvents(drafted());
    }

    @Test
    void anEuBusinessClientWithAVatNumberIsReverseCharged() {
        DraftInvoice command = draftFromHours();
        fixture.givenNoPriorActivity()
                .when(new DraftInvoice(invoice, coop, project, EUR, FROM, TO, command.hours(), rates, null, true, drafter, TODAY))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(event -> ((InvoiceDrafted) event).lines().stream()
                                        .allMatch(line -> line.vatRate() == VatRate.REVERSE_CHARGE)),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void hoursOfASkillWithoutAClientRateAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new DraftInvoice(invoice, coop, project, EUR, FROM, TO, List.of(new BillableHours(e1, anna, FROM,
                        BigDecimal.ONE, "cooking", eur("50.00"))), rates, null, false, drafter, TODAY))
                .expectException(RuleViolation.class).expectExceptionMessage("The project has no client rate for the skill cooking");
    }

    @Test
    void aPeriodWithoutUnbilledHoursHasNothingToBill() {
        fixture.givenNoPriorActivity()
                .when(new DraftInvoice(invoice, coop, project, EUR, FROM, TO, List.of(), rates, null, false, drafter, TODAY))
                .expectException(RuleViolation.class);
    }

    @Test
    void aFixedAmountIsOneLineWithoutAMember() {
        fixture.givenNoPriorActivity()
                .when(new DraftInvoice(invoice, coop, project, EUR, FROM, TO, List.of(), List.of(),
                        new FixedAmount("Milestone 1: design delivered", eur("5000.00"), VatRate.STANDARD), false, drafter, TODAY))
                .expectEvents(new InvoiceDrafted(coop, invoice, project, EUR, FROM, TO, List.of(new InvoiceLine(1,
                        "Milestone 1: design delivered", null, null, BigDecimal.ONE, eur("5000.00"), VatRate.STANDARD,
                        eur("5000.00"), null, List.of())), drafter, TODAY));
    }

    @Test
    void aDraftIsRevisedAndLinesLeftOutAreDropped() {
        fixture.given(drafted())
                .when(new ReviseDraftInvoice(invoice, coop, List.of(new LineRevision(1, "Design of the portal", eur("90.00"))),
                        drafter, TODAY))
                .expectEvents(new DraftInvoiceRevised(coop, invoice, List.of(new InvoiceLine(1, "Design of the portal", anna,
                        "design", new BigDecimal("10.25"), eur("90.00"), VatRate.STANDARD, eur("922.50"), eur("70.00"),
                        lines().get(0).entries())), drafter, TODAY));
    }

    @Test
    void anotherTreasurerApprovesWhichNumbersAndSendsTheInvoiceWithVatPerRateAndEarnings() {
        fixture.given(drafted()).when(approve(approver)).expectEvents(approved());
    }

    @Test
    void fourEyesTheDrafterDoesNotApprove() {
        fixture.given(drafted()).when(approve(drafter))
                .expectException(RuleViolation.class).expectExceptionMessage("Four eyes: another treasurer approves the invoice you drafted");
    }

    @Test
    void aSingleTreasurerApprovesTheirOwnDraft() {
        fixture.given(drafted())
                .when(new ApproveInvoice(invoice, coop, "2026-0001", drafter, TODAY, Set.of(drafter), seller, dutchClient))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aMemberWhoIsNoTreasurerDoesNotApprove() {
        fixture.given(drafted()).when(approve(anna)).expectException(RuleViolation.class);
    }

    @Test
    void withoutTheCooperativesInvoicingDetailsNothingIsApproved() {
        fixture.given(drafted())
                .when(new ApproveInvoice(invoice, coop, "2026-0001", approver, TODAY, Set.of(drafter, approver), null, dutchClient))
                .expectException(RuleViolation.class);
    }

    @Test
    void aSentInvoiceIsNeverRevised() {
        fixture.given(drafted(), approved())
                .when(new ReviseDraftInvoice(invoice, coop, List.of(new LineRevision(1, "x", eur("1.00"))), drafter, TODAY))
                .expectException(Conflict.class);
    }

    @Test
    void aSentInvoiceIsNotApprovedTwice() {
        fixture.given(drafted(), approved()).when(approve(approver)).expectException(Conflict.class);
    }

    @Test
    void aPartialPaymentLeavesTheRestOutstanding() {
        fixture.given(drafted(), approved())
                .when(new RecordInvoicePayment(invoice, coop, eur("500.00"), TODAY, approver, TODAY))
                .expectEvents(new InvoicePaymentRecorded(coop, invoice, "2026-0001", eur("500.00"), TODAY, eur("1089.05"), approver));
    }

    @Test
    void aPaymentOfMoreThanIsDueIsRefused() {
        fixture.given(drafted(), approved(), new InvoicePaymentRecorded(coop, invoice, "2026-0001", eur("1500.00"), TODAY, eur("89.05"), approver))
                .when(new RecordInvoicePayment(invoice, coop, eur("89.06"), TODAY, approver, TODAY))
                .expectException(RuleViolation.class);
    }

    @Test
    void aPaymentOnADraftIsRefused() {
        fixture.given(drafted())
                .when(new RecordInvoicePayment(invoice, coop, eur("1.00"), TODAY, approver, TODAY))
                .expectException(RuleViolation.class);
    }

    @Test
    void aCreditNoteForOneLineReversesItsAmountVatEarningsAndFeeInFull() {
        InvoiceId creditNote = InvoiceId.random();
        fixture.given(drafted(), approved())
                .when(new IssueCreditNote(invoice, coop, creditNote, "2026-0002", List.of(2), null, "Training cancelled", approver, TODAY))
                .expectEvents(new CreditNoteIssued(coop, invoice, "2026-0001", creditNote, "2026-0002", TODAY, "Training cancelled",
                        List.of(new CreditedLine(2, "Hours training", VatRate.REDUCED, eur("320.00"))),
                        List.of(new VatAmount(VatRate.REDUCED, eur("320.00"), eur("28.80"))), eur("320.00"), eur("28.80"),
                        eur("348.80"), List.of(new Earning(2, bram, eur("240.00"), eur("12.00"))), approver));
    }

    @Test
    void aCreditedLineIsNotCreditedAgain() {
        InvoiceId first = InvoiceId.random();
        fixture.given(drafted(), approved(), new CreditNoteIssued(coop, invoice, "2026-0001", first, "2026-0002", TODAY, "Training cancelled",
                        List.of(new CreditedLine(2, "Hours training", VatRate.REDUCED, eur("320.00"))),
                        List.of(new VatAmount(VatRate.REDUCED, eur("320.00"), eur("28.80"))), eur("320.00"), eur("28.80"),
                        eur("348.80"), List.of(new Earning(2, bram, eur("240.00"), eur("12.00"))), approver))
                .when(new IssueCreditNote(invoice, coop, InvoiceId.random(), "2026-0003", List.of(2), null, "Again", approver, TODAY))
                .expectException(Conflict.class);
    }

    @Test
    void aCreditForAnAmountIsSpreadOverTheLinesInProportionAndReversesEarningsInProportion() {
        InvoiceId creditNote = InvoiceId.random();
        // 134.50 of 1345.00 is a tenth: 102.50 of line 1, 32.00 of line 2; a tenth of each earning and fee.
        fixture.given(drafted(), approved())
                .when(new IssueCreditNote(invoice, coop, creditNote, "2026-0002", List.of(), eur("134.50"), "Discount", approver, TODAY))
                .expectEvents(new CreditNoteIssued(coop, invoice, "2026-0001", creditNote, "2026-0002", TODAY, "Discount",
                        List.of(new CreditedLine(1, "Hours design", VatRate.STANDARD, eur("102.50")),
                                new CreditedLine(2, "Hours training", VatRate.REDUCED, eur("32.00"))),
                        List.of(new VatAmount(VatRate.STANDARD, eur("102.50"), eur("21.53")),
                                new VatAmount(VatRate.REDUCED, eur("32.00"), eur("2.88"))),
                        eur("134.50"), eur("24.41"), eur("158.91"),
                        List.of(new Earning(1, anna, eur("71.75"), eur("3.59")), new Earning(2, bram, eur("24.00"), eur("1.20"))),
                        approver));
    }

    @Test
    void aCreditOfMoreThanIsLeftIsRefused() {
        fixture.given(drafted(), approved())
                .when(new IssueCreditNote(invoice, coop, InvoiceId.random(), "2026-0002", List.of(), eur("1345.01"), "Too much",
                        approver, TODAY))
                .expectException(RuleViolation.class);
    }

    @Test
    void aCreditNoteNeedsAReason() {
        fixture.given(drafted(), approved())
                .when(new IssueCreditNote(invoice, coop, InvoiceId.random(), "2026-0002", List.of(1), null, " ", approver, TODAY))
                .expectException(RuleViolation.class);
    }

    @Test
    void anInvoiceOfAnotherCooperativeIsNotFound() {
        fixture.given(drafted(), approved())
                .when(new RecordInvoicePayment(invoice, CooperativeId.random(), eur("1.00"), TODAY, approver, TODAY))
                .expectException(coop.cooperative.core.shared.DomainException.NotFound.class);
    }

    @Test
    void vatIsComputedPerRateOnTheRatesTotalNotPerLine() {
        List<InvoiceLine> lines = List.of(
                new InvoiceLine(1, "a", null, null, BigDecimal.ONE, eur("0.12"), VatRate.STANDARD, eur("0.12"), null, List.of()),
                new InvoiceLine(2, "b", null, null, BigDecimal.ONE, eur("0.12"), VatRate.STANDARD, eur("0.12"), null, List.of()));
        // per line 0.0252 would round to 0.03 twice (0.06); on the rate's total 0.24 it is 0.0504 -> 0.05
        assertThat(InvoiceArithmetic.vat(lines, EUR)).containsExactly(new VatAmount(VatRate.STANDARD, eur("0.24"), eur("0.05")));
    }

    @Test
    void noInvoiceIsSentNorPaymentDatedInAClosedMonth() {
        closed.add(YearMonth.from(TODAY));
        fixture.given(drafted()).when(approve(approver)).expectException(org.axonframework.test.matchers.Matchers.predicate(e -> e instanceof DomainException d && d.refusal() == Refusal.PERIOD_CLOSED));
        fixture.given(drafted(), approved())
                .when(new RecordInvoicePayment(invoice, coop, eur("500.00"), TODAY, approver, TODAY))
                .expectException(org.axonframework.test.matchers.Matchers.predicate(e -> e instanceof DomainException d && d.refusal() == Refusal.PERIOD_CLOSED));
    }
}
