package coop.cooperative.projections.books;

import coop.cooperative.core.books.Accounts;
import coop.cooperative.core.books.PostingRules;
import coop.cooperative.core.costs.api.CostApproved;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.CostReversed;
import coop.cooperative.core.costs.api.CostShared;
import coop.cooperative.core.costs.api.Share;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.settlements.api.SettlementDirection;
import coop.cooperative.core.settlements.api.SettlementId;
import coop.cooperative.core.settlements.api.SettlementRecorded;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.ProjectionDatabase;
import coop.cooperative.projections.books.BookQueries.Balances;
import coop.cooperative.projections.books.BookQueries.CategoryTotal;
import coop.cooperative.projections.books.BookQueries.FindBalances;
import coop.cooperative.projections.books.BookQueries.FindCategoryTotals;
import coop.cooperative.projections.books.BookQueries.FindInputVat;
import coop.cooperative.projections.books.BookQueries.FindJournal;
import coop.cooperative.projections.books.BookQueries.FindPostings;
import coop.cooperative.projections.books.BookQueries.JournalLine;
import coop.cooperative.projections.books.BookQueries.JournalPage;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static coop.cooperative.projections.Given.ANNA;
import static coop.cooperative.projections.Given.BRAM;
import static coop.cooperative.projections.Given.CAS;
import static coop.cooperative.projections.Given.EUR;
import static coop.cooperative.projections.Given.eur;
import static coop.cooperative.projections.ProjectionDatabase.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The ledger read model: given the events of costs and settlements, what the balances, the journal
 * and the reports answer. Each test stores events as a processor hands them over (with an id and a
 * timestamp) into the projection's real tables.
 */
class LedgerProjectionTest {

    private static final CooperativeId COOPERATIVE = new CooperativeId(UUID.randomUUID());
    private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);


    private final ProjectionDatabase database = new ProjectionDatabase();
    private final LedgerProjection ledger = new LedgerProjection(database.jdbc(), database.template());
    private final LedgerReads books = new LedgerReads(database.jdbc());

    @AfterEach
    void dropTheDatabase() {
        database.close();
    }

    @Test
    void aSharedCostPostsNothingUntilItIsApproved() {
        CostShared insurance = cost("Insurance", "90.00", null, MARCH_10, share(ANNA, "45.00"), share(BRAM, "45.00"));

        ledger.on(insurance);

        assertThat(balances(MARCH_10).members()).isEmpty();
        assertThat(books.handle(new FindPostings(COOPERATIVE))).isEmpty();
    }

    @Test
    void aCostPaidByTheCooperativeChargesEachShareToItsMemberAndTheBooksBalance() {
        CostShared insurance = cost("Insurance", "90.00", null, MARCH_10, share(ANNA, "30.00"), share(BRAM, "60.00"));

        ledger.on(insurance);
        ledger.on(approval(insurance, MARCH_10.plusDays(2)), stored(approval(insurance, MARCH_10.plusDays(2)), MARCH_10));

        Balances balances = balances(MARCH_10);
        assertThat(balances.members()).containsOnly(Map.entry(ANNA, eur("-30.00")), Map.entry(BRAM, eur("-60.00")));
        assertThat(balances.cooperative()).isEqualTo(eur("90.00"));
        assertThat(sumOfEverything(balances)).isEqualTo(eur("0.00"));
        assertThat(books.handle(new FindPostings(COOPERATIVE)))
                .extracting(JournalLine::account, JournalLine::amount)
                .containsExactly(
                        tuple(Accounts.expenses("insurance"), eur("90.00")),
                        tuple(Accounts.BANK, eur("-90.00")),
                        tuple(Accounts.member(ANNA), eur("30.00")),
                        tuple(Accounts.member(BRAM), eur("60.00")),
                        tuple(Accounts.recharged("insurance"), eur("-90.00")));
    }

    @Test
    void aCostAMemberPaidCreditsThemTheWholeAmountAndChargesTheirOwnShare() {
        CostShared laptop = cost("Laptop", "300.00", ANNA, MARCH_10, share(ANNA, "100.00"), share(BRAM, "100.00"),
                share(CAS, "100.00"));

        ledger.on(laptop);
        ledger.on(approval(laptop, MARCH_10), stored(approval(laptop, MARCH_10), MARCH_10));

        Balances balances = balances(MARCH_10);
        assertThat(balances.members()).containsOnly(Map.entry(ANNA, eur("200.00")), Map.entry(BRAM, eur("-100.00")),
                Map.entry(CAS, eur("-100.00")));
        assertThat(balances.cooperative()).isEqualTo(eur("0.00"));
        assertThat(sumOfEverything(balances)).isEqualTo(eur("0.00"));
    }

    @Test
    void aCostIsPostedOnItsOwnDateAndABalanceAsOfAnEarlierDayLeavesItOut() {
        CostShared software = cost("Software", "50.00", null, MARCH_10, share(ANNA, "50.00"));
        ledger.on(software);
        ledger.on(approval(software, MARCH_10.plusDays(20)), stored(approval(software, MARCH_10.plusDays(20)), MARCH_10));

        assertThat(balances(MARCH_10.minusDays(1)).members()).isEmpty();
        assertThat(balances(MARCH_10).members()).containsOnly(Map.entry(ANNA, eur("-50.00")));
        assertThat(books.handle(new FindPostings(COOPERATIVE))).extracting(JournalLine::date).containsOnly(MARCH_10);
    }

    @Test
    void aReversalPostsTheSameLinesWithTheOppositeSignOnItsOwnDateWithTheReason() {
        CostShared insurance = cost("Insurance", "90.00", BRAM, MARCH_10, share(ANNA, "45.00"), share(BRAM, "45.00"));
        LocalDate reversedOn = LocalDate.of(2026, 4, 2);
        ledger.on(insurance);
        ledger.on(approval(insurance, MARCH_10), stored(approval(insurance, MARCH_10), MARCH_10));
        CostReversed reversal = new CostReversed(COOPERATIVE, insurance.costId(), CAS, reversedOn, "paid twice");
        EventMessage<CostReversed> reversed = stored(reversal, reversedOn);

        ledger.on(reversal, reversed);

        assertThat(balances(MARCH_10).members()).containsOnly(Map.entry(ANNA, eur("-45.00")), Map.entry(BRAM, eur("45.00")));
        Balances after = balances(reversedOn);
        assertThat(after.members().values()).allMatch(Money::isZero);
        assertThat(after.cooperative()).isEqualTo(eur("0.00"));
        List<JournalLine> lines = books.handle(new FindPostings(COOPERATIVE));
        List<JournalLine> reversalLines = lines.stream().filter(l -> l.eventId().equals(reversed.getIdentifier())).toList();
        List<JournalLine> approvalLines = lines.stream().filter(l -> !l.eventId().equals(reversed.getIdentifier())).toList();
        assertThat(reversalLines).hasSize(approvalLines.size()).allSatisfy(line -> {
            assertThat(line.date()).isEqualTo(reversedOn);
            assertThat(line.description()).isEqualTo(PostingRules.REVERSAL_OF + "Insurance: paid twice");
        });
        for (int i = 0; i < approvalLines.size(); i++) {
            assertThat(reversalLines.get(i).account()).isEqualTo(approvalLines.get(i).account());
            assertThat(reversalLines.get(i).amount()).isEqualTo(approvalLines.get(i).amount().negate());
        }
    }

    @Test
    void aSettlementMovesMoneyBetweenTheBankAndTheMembersAccountEitherWay() {
        CostShared insurance = cost("Insurance", "90.00", null, MARCH_10, share(ANNA, "90.00"));
        ledger.on(insurance);
        ledger.on(approval(insurance, MARCH_10), stored(approval(insurance, MARCH_10), MARCH_10));
        SettlementRecorded paidIn = settlement(ANNA, "90.00", MARCH_10.plusDays(5), SettlementDirection.PAID_TO_COOPERATIVE);
        SettlementRecorded paidOut = settlement(BRAM, "20.00", MARCH_10.plusDays(6),
                SettlementDirection.RECEIVED_FROM_COOPERATIVE);

        ledger.on(paidIn, stored(paidIn, MARCH_10.plusDays(5)));
        ledger.on(paidOut, stored(paidOut, MARCH_10.plusDays(6)));

        Balances balances = balances(MARCH_10.plusDays(6));
        assertThat(balances.members()).containsOnly(Map.entry(ANNA, eur("0.00")), Map.entry(BRAM, eur("-20.00")));
        assertThat(sumOfEverything(balances)).isEqualTo(eur("0.00"));
        List<JournalLine> settlementLines = books.handle(new FindPostings(COOPERATIVE)).stream()
                .filter(line -> line.description().startsWith("Settlement")).toList();
        assertThat(settlementLines).extracting(JournalLine::description, JournalLine::account, JournalLine::amount)
                .containsExactly(
                        tuple(PostingRules.PAID_TO_COOPERATIVE, Accounts.BANK, eur("90.00")),
                        tuple(PostingRules.PAID_TO_COOPERATIVE, Accounts.member(ANNA), eur("-90.00")),
                        tuple(PostingRules.RECEIVED_FROM_COOPERATIVE, Accounts.BANK, eur("-20.00")),
                        tuple(PostingRules.RECEIVED_FROM_COOPERATIVE, Accounts.member(BRAM), eur("20.00")));
    }

    @Test
    void everyEventOfEveryKindPostsLinesThatSumToZero() {
        CostShared plain = cost("Accountant", "100.01", null, MARCH_10, share(ANNA, "33.34"), share(BRAM, "33.34"),
                share(CAS, "33.33"));
        CostShared withInputVat = costWithVat("Software", "121.00", "21.00", true, CAS, share(ANNA, "50.00"),
                share(BRAM, "50.00"));
        CostShared withVatShared = costWithVat("Training", "60.50", "10.50", false, null, share(CAS, "60.50"));
        for (CostShared cost : List.of(plain, withInputVat, withVatShared)) {
            ledger.on(cost);
            ledger.on(approval(cost, MARCH_10), stored(approval(cost, MARCH_10), MARCH_10));
        }
        CostReversed reversal = new CostReversed(COOPERATIVE, withInputVat.costId(), ANNA, MARCH_10.plusDays(1), "wrong");
        ledger.on(reversal, stored(reversal, MARCH_10.plusDays(1)));
        SettlementRecorded settled = settlement(CAS, "60.50", MARCH_10.plusDays(2), SettlementDirection.PAID_TO_COOPERATIVE);
        ledger.on(settled, stored(settled, MARCH_10.plusDays(2)));

        Map<String, List<JournalLine>> byEvent = books.handle(new FindPostings(COOPERATIVE)).stream()
                .collect(Collectors.groupingBy(JournalLine::eventId));

        assertThat(byEvent).hasSize(5);
        byEvent.forEach((event, lines) -> assertThat(lines.stream().map(JournalLine::amount).reduce(eur("0.00"), Money::plus))
                .as("the lines of %s", lines.get(0).description()).isEqualTo(eur("0.00")));
        assertThat(sumOfEverything(balances(MARCH_10.plusDays(2)))).isEqualTo(eur("0.00"));
    }

    @Test
    void inputVatGoesToItsOwnAccountAndTheMembersShareOnlyTheNetAmount() {
        CostShared software = costWithVat("Software", "121.00", "21.00", true, null, share(ANNA, "50.00"),
                share(BRAM, "50.00"));
        ledger.on(software);
        ledger.on(approval(software, MARCH_10), stored(approval(software, MARCH_10), MARCH_10));

        List<JournalLine> lines = books.handle(new FindPostings(COOPERATIVE));
        assertThat(lines).filteredOn(line -> line.account().equals(Accounts.INPUT_VAT))
                .extracting(JournalLine::amount).containsExactly(eur("21.00"));
        assertThat(lines).filteredOn(line -> line.account().equals(Accounts.expenses("software")))
                .extracting(JournalLine::amount, JournalLine::vat).containsExactly(
                        tuple(eur("100.00"), eur("21.00")));
        assertThat(books.handle(new FindInputVat(COOPERATIVE, 2026, EUR)).quarters())
                .containsExactly(eur("21.00"), eur("0.00"), eur("0.00"), eur("0.00"));
        assertThat(books.handle(new FindCategoryTotals(COOPERATIVE, null, null)))
                .containsExactly(new CategoryTotal(YearMonth.of(2026, 3), "software", eur("100.00"), eur("21.00")));
    }

    @Test
    void categoryTotalsAreNetOfReversalsPerMonthAndCategoryWithinTheDates() {
        CostShared march = cost("Insurance", "90.00", null, MARCH_10, share(ANNA, "90.00"));
        CostShared april = cost("Insurance", "40.00", null, LocalDate.of(2026, 4, 1), share(ANNA, "40.00"));
        CostShared aprilSoftware = cost("Software", "10.00", null, LocalDate.of(2026, 4, 3), share(BRAM, "10.00"));
        for (CostShared cost : List.of(march, april, aprilSoftware)) {
            ledger.on(cost);
            ledger.on(approval(cost, cost.date()), stored(approval(cost, cost.date()), cost.date()));
        }
        CostReversed reversal = new CostReversed(COOPERATIVE, april.costId(), CAS, LocalDate.of(2026, 4, 20), "cancelled");
        ledger.on(reversal, stored(reversal, LocalDate.of(2026, 4, 20)));

        assertThat(books.handle(new FindCategoryTotals(COOPERATIVE, null, null))).containsExactly(
                new CategoryTotal(YearMonth.of(2026, 3), "insurance", eur("90.00"), eur("0.00")),
                new CategoryTotal(YearMonth.of(2026, 4), "insurance", eur("0.00"), eur("0.00")),
                new CategoryTotal(YearMonth.of(2026, 4), "software", eur("10.00"), eur("0.00")));
        assertThat(books.handle(new FindCategoryTotals(COOPERATIVE, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 10))))
                .containsExactly(new CategoryTotal(YearMonth.of(2026, 4), "insurance", eur("40.00"), eur("0.00")),
                        new CategoryTotal(YearMonth.of(2026, 4), "software", eur("10.00"), eur("0.00")));
    }

    @Test
    void theJournalGivesEachMemberLineTheMembersBalanceAfterItAlsoOnALaterPage() {
        CostShared first = cost("Insurance", "60.00", null, MARCH_10, share(ANNA, "30.00"), share(BRAM, "30.00"));
        CostShared second = cost("Software", "20.00", ANNA, MARCH_10.plusDays(1), share(ANNA, "10.00"), share(BRAM, "10.00"));
        ledger.on(first);
        ledger.on(approval(first, MARCH_10), stored(approval(first, MARCH_10), MARCH_10));
        ledger.on(second);
        ledger.on(approval(second, MARCH_10.plusDays(1)), stored(approval(second, MARCH_10.plusDays(1)), MARCH_10.plusDays(1)));

        JournalPage annasWhole = books.handle(new FindJournal(COOPERATIVE, null, null, ANNA, null, 0, 50));
        JournalPage annasSecondPage = books.handle(new FindJournal(COOPERATIVE, null, null, ANNA, null, 1, 2));
        JournalPage march11 = books.handle(new FindJournal(COOPERATIVE, MARCH_10.plusDays(1), MARCH_10.plusDays(1),
                null, null, 0, 50));

        // Anna: charged 30.00, then credited 20.00 (she paid the software) and charged her 10.00 share
        assertThat(annasWhole.totalLines()).isEqualTo(3);
        assertThat(annasWhole.lines()).extracting(JournalLine::amount, JournalLine::memberBalance).containsExactly(
                tuple(eur("30.00"), eur("-30.00")),
                tuple(eur("-20.00"), eur("-10.00")),
                tuple(eur("10.00"), eur("-20.00")));
        assertThat(annasSecondPage.totalLines()).isEqualTo(3);
        assertThat(annasSecondPage.lines()).extracting(JournalLine::memberBalance).containsExactly(eur("-20.00"));
        assertThat(march11.totalLines()).isEqualTo(5);
        assertThat(march11.lines()).allMatch(line -> line.date().equals(MARCH_10.plusDays(1)));
        assertThat(march11.lines()).filteredOn(line -> BRAM.equals(line.memberId()))
                .extracting(JournalLine::memberBalance).containsExactly(eur("-40.00"));
        assertThat(march11.lines()).filteredOn(line -> line.memberId() == null)
                .extracting(JournalLine::memberBalance).containsOnlyNulls();
    }

    @Test
    void handlingAnEventAgainAsAReplayDoesLeavesTheSameBooksAndAResetEmptiesThem() {
        CostShared insurance = cost("Insurance", "90.00", null, MARCH_10, share(ANNA, "45.00"), share(BRAM, "45.00"));
        EventMessage<CostApproved> approved = stored(approval(insurance, MARCH_10), MARCH_10);
        SettlementRecorded settled = settlement(ANNA, "45.00", MARCH_10, SettlementDirection.PAID_TO_COOPERATIVE);
        EventMessage<SettlementRecorded> settledMessage = stored(settled, MARCH_10, 1);
        ledger.on(insurance);
        ledger.on(approved.getPayload(), approved);
        ledger.on(settled, settledMessage);
        List<JournalLine> once = books.handle(new FindPostings(COOPERATIVE));

        ledger.on(insurance);
        ledger.on(approved.getPayload(), approved);
        ledger.on(settled, settledMessage);

        assertThat(books.handle(new FindPostings(COOPERATIVE))).isEqualTo(once);
        assertThat(balances(MARCH_10).members()).containsOnly(Map.entry(ANNA, eur("0.00")), Map.entry(BRAM, eur("-45.00")));
        ledger.reset();
        assertThat(books.handle(new FindPostings(COOPERATIVE))).isEmpty();
        assertThat(balances(MARCH_10).members()).isEmpty();
    }

    @Test
    void theBooksOfOneCooperativeNeverShowAnothersPostings() {
        CostShared ours = cost("Insurance", "90.00", null, MARCH_10, share(ANNA, "90.00"));
        CooperativeId other = new CooperativeId(UUID.randomUUID());
        SettlementRecorded theirs = new SettlementRecorded(other, new SettlementId(UUID.randomUUID()), BRAM,
                eur("10.00"), MARCH_10, SettlementDirection.PAID_TO_COOPERATIVE, BRAM, MARCH_10);
        ledger.on(ours);
        ledger.on(approval(ours, MARCH_10), stored(approval(ours, MARCH_10), MARCH_10));
        ledger.on(theirs, stored(theirs, MARCH_10));

        assertThat(balances(MARCH_10).members()).containsOnlyKeys(ANNA);
        assertThat(books.handle(new FindPostings(COOPERATIVE))).noneMatch(line -> BRAM.equals(line.memberId()));
        assertThat(books.handle(new FindBalances(other, MARCH_10, EUR)).members()).containsOnlyKeys(BRAM);
    }

    private Balances balances(LocalDate asOf) {
        return books.handle(new FindBalances(COOPERATIVE, asOf, EUR));
    }

    /** The members' balances and the cooperative's own position: zero in books that balance. */
    private static Money sumOfEverything(Balances balances) {
        return balances.members().values().stream().reduce(balances.cooperative(), Money::plus);
    }


    private static Share share(MemberId member, String amount) {
        return new Share(member, eur(amount));
    }

    private CostShared cost(String description, String amount, MemberId paidBy, LocalDate date, Share... shares) {
        return new CostShared(COOPERATIVE, new CostId(UUID.randomUUID()), description, eur(amount), eur("0.00"), date,
                description.toLowerCase(), paidBy, Split.equal(participants(shares)), List.of(shares), ANNA, date, null,
                false, List.of(), null);
    }

    private CostShared costWithVat(String description, String amount, String vat, boolean inputVat, MemberId paidBy,
                                   Share... shares) {
        return new CostShared(COOPERATIVE, new CostId(UUID.randomUUID()), description, eur(amount), eur(vat), MARCH_10,
                description.toLowerCase(), paidBy, Split.equal(participants(shares)), List.of(shares), ANNA, MARCH_10,
                null, inputVat, List.of(), null);
    }

    private static List<MemberId> participants(Share... shares) {
        return Arrays.stream(shares).map(Share::memberId).sorted(Comparator.comparing(MemberId::value)).toList();
    }

    private CostApproved approval(CostShared cost, LocalDate approvedOn) {
        return new CostApproved(COOPERATIVE, cost.costId(), CAS, approvedOn);
    }

    private SettlementRecorded settlement(MemberId member, String amount, LocalDate date, SettlementDirection direction) {
        return new SettlementRecorded(COOPERATIVE, new SettlementId(UUID.randomUUID()), member, eur(amount), date,
                direction, CAS, date);
    }
}
