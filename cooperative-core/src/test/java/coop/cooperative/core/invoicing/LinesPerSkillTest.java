package coop.cooperative.core.invoicing;

import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.invoicing.api.Address;
import coop.cooperative.core.invoicing.api.BillableHours;
import coop.cooperative.core.invoicing.api.BilledEntry;
import coop.cooperative.core.invoicing.api.ClientDetails;
import coop.cooperative.core.invoicing.api.ClientRate;
import coop.cooperative.core.invoicing.api.CreditedLine;
import coop.cooperative.core.invoicing.api.Earning;
import coop.cooperative.core.invoicing.api.InvoiceApproved;
import coop.cooperative.core.invoicing.api.InvoiceDrafted;
import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.invoicing.api.InvoiceLine;
import coop.cooperative.core.invoicing.api.InvoicingCommands.ApproveInvoice;
import coop.cooperative.core.invoicing.api.InvoicingCommands.DraftInvoice;
import coop.cooperative.core.invoicing.api.InvoicingDetails;
import coop.cooperative.core.invoicing.api.LineGrouping;
import coop.cooperative.core.invoicing.api.VatAmount;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.OpenPeriods;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A client who wants one line per skill: the team's hours of a skill together, each member still earning their own. */
class LinesPerSkillTest {

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
    private final EntryId e1 = EntryId.of("00000000-0000-0000-0000-000000000001");
    private final EntryId e2 = EntryId.of("00000000-0000-0000-0000-000000000002");
    private final EntryId e3 = EntryId.of("00000000-0000-0000-0000-000000000003");
    private final List<ClientRate> rates = List.of(new ClientRate("design", eur("100.00"), VatRate.STANDARD),
            new ClientRate("training", eur("80.00"), VatRate.REDUCED));
    private final InvoicingDetails seller = new InvoicingDetails("De Gilde U.A.",
            new Address("Oudegracht 1", "3511 AA", "Utrecht", "NL"), "NL123456789B01", "12345678",
            "NL91ABNA0417164300", new BigDecimal("5"), 30);
    private final ClientDetails client = new ClientDetails("Gemeente Utrecht",
            new Address("Stadsplateau 1", "3521 AZ", "Utrecht", "NL"), null, "NL", "12345678", LineGrouping.SKILL);

    private static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    /** Anna 8 h and Bram 2 h of design, Bram 4 h of training; Anna earns 70.00 an hour, Bram 60.00. */
    private DraftInvoice draft() {
        return new DraftInvoice(invoice, coop, project, EUR, FROM, TO, List.of(
                new BillableHours(e1, anna, FROM.plusDays(2), new BigDecimal("8.00"), "design", eur("70.00")),
                new BillableHours(e2, bram, FROM.plusDays(3), new BigDecimal("2.00"), "design", eur("60.00")),
                new BillableHours(e3, bram, FROM.plusDays(3), new BigDecimal("4.00"), "training", eur("60.00"))),
                rates, null, false, LineGrouping.SKILL, "Uren", drafter, TODAY);
    }

    private List<InvoiceLine> lines() {
        return List.of(
                new InvoiceLine(1, "Uren design", null, "design", new BigDecimal("10.00"), eur("100.00"), VatRate.STANDARD,
                        eur("1000.00"), null, List.of(
                        new BilledEntry(e1, FROM.plusDays(2), new BigDecimal("8.00"), anna, eur("70.00")),
                        new BilledEntry(e2, FROM.plusDays(3), new BigDecimal("2.00"), bram, eur("60.00")))),
                new InvoiceLine(2, "Uren training", null, "training", new BigDecimal("4.00"), eur("80.00"), VatRate.REDUCED,
                        eur("320.00"), null, List.of(new BilledEntry(e3, FROM.plusDays(3), new BigDecimal("4.00"), bram, eur("60.00")))));
    }

    @Test
    void aDraftPerSkillHasOneLinePerSkillWithEveryMembersHoursInTheClientsWords() {
        new AggregateTestFixture<>(Invoice.class).givenNoPriorActivity().when(draft())
                .expectEvents(new InvoiceDrafted(coop, invoice, project, EUR, FROM, TO, lines(), drafter, TODAY));
    }

    @Test
    void approvingALinePerSkillEarnsEachMemberTheirOwnHoursAtTheirOwnRate() {
        // design: Anna 8 × 70 = 560.00 (fee 28.00), Bram 2 × 60 = 120.00 (fee 6.00); training: Bram 4 × 60 = 240.00 (fee 12.00)
        new AggregateTestFixture<>(Invoice.class)
                .registerInjectableResource((OpenPeriods) (cooperative, month) -> true)
                .given(new InvoiceDrafted(coop, invoice, project, EUR, FROM, TO, lines(), drafter, TODAY))
                .when(new ApproveInvoice(invoice, coop, "2026-0001", approver, TODAY, Set.of(drafter, approver), seller, client))
                .expectEvents(new InvoiceApproved(coop, invoice, project, "2026-0001", TODAY, TODAY.plusDays(30), FROM, TO,
                        seller, client, EUR, lines(), List.of(new VatAmount(VatRate.STANDARD, eur("1000.00"), eur("210.00")),
                        new VatAmount(VatRate.REDUCED, eur("320.00"), eur("28.80"))), eur("1320.00"), eur("238.80"),
                        eur("1558.80"), new BigDecimal("5"), List.of(new Earning(1, anna, eur("560.00"), eur("28.00")),
                        new Earning(1, bram, eur("120.00"), eur("6.00")), new Earning(2, bram, eur("240.00"), eur("12.00"))),
                        approver));
    }

    @Test
    void creditingALinePerSkillInPiecesReversesEveryMembersEarningExactlyOnce() {
        List<Earning> earnings = List.of(new Earning(1, anna, eur("560.00"), eur("28.00")),
                new Earning(1, bram, eur("120.00"), eur("6.00")), new Earning(2, bram, eur("240.00"), eur("12.00")));
        CreditableLines creditable = new CreditableLines();
        creditable.sent(lines(), earnings);
        List<Earning> reversed = new ArrayList<>();
        for (String amount : List.of("333.33", "100.01")) {
            Map<Integer, Money> portions = creditable.spread(eur(amount), EUR);
            credit(creditable, portions, reversed);
        }
        credit(creditable, creditable.wholeLines(List.of(1, 2)), reversed);

        Map<String, Money> total = new HashMap<>();
        reversed.forEach(r -> {
            total.merge(r.lineNumber() + "/" + r.memberId() + "/earnings", r.earnings(), Money::plus);
            total.merge(r.lineNumber() + "/" + r.memberId() + "/fee", r.fee(), Money::plus);
        });
        earnings.forEach(e -> {
            assertThat(total.get(e.lineNumber() + "/" + e.memberId() + "/earnings")).isEqualTo(e.earnings());
            assertThat(total.get(e.lineNumber() + "/" + e.memberId() + "/fee")).isEqualTo(e.fee());
        });
    }

    private static void credit(CreditableLines creditable, Map<Integer, Money> portions, List<Earning> reversed) {
        List<CreditedLine> credited = new ArrayList<>();
        List<Earning> now = new ArrayList<>();
        portions.forEach((number, portion) -> {
            credited.add(new CreditedLine(number, "line " + number, VatRate.STANDARD, portion));
            now.addAll(creditable.reversals(number, portion));
        });
        creditable.credited(credited, now);
        reversed.addAll(now);
    }
}
