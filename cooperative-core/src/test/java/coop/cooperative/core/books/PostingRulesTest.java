package coop.cooperative.core.books;

import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.CostReversed;
import coop.cooperative.core.costs.api.CostShared;
import coop.cooperative.core.costs.api.Share;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.costs.api.SplitMethod;
import coop.cooperative.core.settlements.api.SettlementDirection;
import coop.cooperative.core.settlements.api.SettlementId;
import coop.cooperative.core.settlements.api.SettlementRecorded;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PostingRulesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate COST_DATE = LocalDate.of(2026, 3, 10);
    private static final LocalDate REVERSED_ON = LocalDate.of(2026, 4, 2);
    /** Two members whose ids sort as their names: Ann before Ben. */
    private static final MemberId ANN = MemberId.of("00000000-0000-0000-0000-00000000000a");
    private static final MemberId BEN = MemberId.of("00000000-0000-0000-0000-00000000000b");

    private static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    private static PostingLine line(String account, MemberId member, String amount, String vat) {
        return new PostingLine(account, member, eur(amount), vat == null ? null : eur(vat));
    }

    private static PostingLine line(String account, String amount) {
        return line(account, null, amount, null);
    }

    private static PostingLine line(MemberId member, String amount) {
        return line("liabilities:members:" + member, member, amount, null);
    }

    private static CostToPost cost(String amount, String vat, boolean inputVat, MemberId paidBy,
                                   String annShare, String benShare) {
        Map<MemberId, Money> shares = new LinkedHashMap<>();
        shares.put(ANN, eur(annShare));
        shares.put(BEN, eur(benShare));
        return new CostToPost("Licences", COST_DATE, "software", eur(amount), eur(vat), inputVat, paidBy, shares);
    }

    private static CostToPost paidByTheBank() {
        return cost("100.00", "0.00", false, null, "60.00", "40.00");
    }

    private static CostToPost paidByAnn() {
        return cost("100.00", "0.00", false, ANN, "60.00", "40.00");
    }

    private static CostToPost withInputVat() {
        return cost("121.00", "21.00", true, null, "50.00", "50.00");
    }

    private static CostToPost withVatNotedOnly() {
        return cost("121.00", "21.00", false, null, "60.50", "60.50");
    }

    private static CostReversed reversed(String reason) {
        return new CostReversed(CooperativeId.random(), CostId.random(), ANN, REVERSED_ON, reason);
    }

    private static SettlementRecorded settlement(SettlementDirection direction) {
        return new SettlementRecorded(CooperativeId.random(), SettlementId.random(), BEN, eur("250.00"),
                LocalDate.of(2026, 3, 31), direction, ANN, LocalDate.of(2026, 4, 1));
    }

    private static void assertBalanced(Posting posting) {
        BigDecimal sum = posting.lines().stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(posting.lines()).allSatisfy(l -> assertThat(l.amount().currency()).isEqualTo(EUR));
    }

    @Test
    void aCostPaidByTheBankChargesEachShareAndRechargesTheExpense() {
        Posting posting = PostingRules.approval(paidByTheBank());

        assertThat(posting.date()).isEqualTo(COST_DATE);
        assertThat(posting.description()).isEqualTo("Licences");
        assertThat(posting.category()).isEqualTo("software");
        assertThat(posting.lines()).containsExactly(
                line("expenses:software", null, "100.00", "0.00"),
                line("assets:bank", "-100.00"),
                line(ANN, "60.00"),
                line(BEN, "40.00"),
                line("income:recharged:software", "-100.00"));
        assertBalanced(posting);
    }

    @Test
    void aCostPaidByAMemberCreditsTheirAccountInsteadOfTheBank() {
        Posting posting = PostingRules.approval(paidByAnn());

        assertThat(posting.lines()).containsExactly(
                line("expenses:software", null, "100.00", "0.00"),
                line(ANN, "-100.00"),
                line(ANN, "60.00"),
                line(BEN, "40.00"),
                line("income:recharged:software", "-100.00"));
        assertThat(posting.lines()).noneMatch(l -> l.account().equals("assets:bank"));
        assertBalanced(posting);
    }

    @Test
    void inputVatGoesToItsOwnAccountAndTheExpenseAndRechargeAreNetOfIt() {
        Posting posting = PostingRules.approval(withInputVat());

        assertThat(posting.lines()).containsExactly(
                line("expenses:software", null, "100.00", "21.00"),
                line("assets:vat:input", "21.00"),
                line("assets:bank", "-121.00"),
                line(ANN, "50.00"),
                line(BEN, "50.00"),
                line("income:recharged:software", "-100.00"));
        assertBalanced(posting);
    }

    @Test
    void withoutInputVatTheVatIsPartOfTheExpenseAndOnlyNotedOnItsLine() {
        Posting posting = PostingRules.approval(withVatNotedOnly());

        assertThat(posting.lines()).containsExactly(
                line("expenses:software", null, "121.00", "21.00"),
                line("assets:bank", "-121.00"),
                line(ANN, "60.50"),
                line(BEN, "60.50"),
                line("income:recharged:software", "-121.00"));
        assertThat(posting.lines()).noneMatch(l -> l.account().equals("assets:vat:input"));
        assertBalanced(posting);
    }

    @Test
    void aReversalPostsTheLinesWithTheOppositeSignOnItsOwnDateSayingWhy() {
        Posting posting = PostingRules.reversal(withInputVat(), reversed("entered twice"));

        assertThat(posting.date()).isEqualTo(REVERSED_ON);
        assertThat(posting.description()).isEqualTo("Reversal of Licences: entered twice");
        assertThat(posting.category()).isEqualTo("software");
        assertThat(posting.lines()).containsExactly(
                line("expenses:software", null, "-100.00", "-21.00"),
                line("assets:vat:input", "-21.00"),
                line("assets:bank", "121.00"),
                line(ANN, "-50.00"),
                line(BEN, "-50.00"),
                line("income:recharged:software", "100.00"));
        assertBalanced(posting);
    }

    static Stream<CostToPost> everyKindOfCost() {
        return Stream.of(paidByTheBank(), paidByAnn(), withInputVat(), withVatNotedOnly());
    }

    @ParameterizedTest
    @MethodSource("everyKindOfCost")
    void everyReversalUndoesItsApprovalLineByLine(CostToPost cost) {
        Posting approval = PostingRules.approval(cost);
        Posting reversal = PostingRules.reversal(cost, reversed("wrong invoice"));

        assertThat(reversal.date()).isEqualTo(REVERSED_ON);
        assertThat(reversal.description()).isEqualTo("Reversal of Licences: wrong invoice");
        assertThat(reversal.lines()).containsExactlyElementsOf(approval.lines().stream()
                .map(l -> new PostingLine(l.account(), l.memberId(), l.amount().negate(),
                        l.vat() == null ? null : l.vat().negate()))
                .toList());
        assertBalanced(approval);
        assertBalanced(reversal);
    }

    @Test
    void aSettlementPaidToTheCooperativeDebitsTheBankAndCreditsTheMember() {
        Posting posting = PostingRules.settlement(settlement(SettlementDirection.PAID_TO_COOPERATIVE));

        assertThat(posting.date()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(posting.description()).isEqualTo("Settlement: paid to the cooperative");
        assertThat(posting.category()).isNull();
        assertThat(posting.lines()).containsExactly(
                line("assets:bank", "250.00"),
                line(BEN, "-250.00"));
        assertBalanced(posting);
    }

    @Test
    void aSettlementReceivedFromTheCooperativeCreditsTheBankAndDebitsTheMember() {
        Posting posting = PostingRules.settlement(settlement(SettlementDirection.RECEIVED_FROM_COOPERATIVE));

        assertThat(posting.date()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(posting.description()).isEqualTo("Settlement: received from the cooperative");
        assertThat(posting.category()).isNull();
        assertThat(posting.lines()).containsExactly(
                line("assets:bank", "-250.00"),
                line(BEN, "250.00"));
        assertBalanced(posting);
    }

    @Test
    void theSharesArePostedInMemberIdOrderWhateverOrderTheyCameIn() {
        Map<MemberId, Money> benFirst = new LinkedHashMap<>();
        benFirst.put(BEN, eur("40.00"));
        benFirst.put(ANN, eur("60.00"));
        CostToPost cost = new CostToPost("Licences", COST_DATE, "software", eur("100.00"), eur("0.00"), false, null,
                benFirst);

        assertThat(PostingRules.approval(cost).lines()).extracting(PostingLine::memberId)
                .containsExactly(null, null, ANN, BEN, null);
    }

    @Test
    void aCostAsTheEventSharedItPostsTheSameAsWrittenOut() {
        CostShared event = new CostShared(CooperativeId.random(), CostId.random(), "Licences", eur("121.00"),
                eur("21.00"), COST_DATE, "software", null, new Split(SplitMethod.EQUAL, List.of(ANN, BEN), List.of()),
                List.of(new Share(BEN, eur("50.00")), new Share(ANN, eur("50.00"))), ANN, COST_DATE, null, true,
                List.of(), null);

        assertThat(PostingRules.approval(CostToPost.of(event))).isEqualTo(PostingRules.approval(withInputVat()));
    }

    // Every posting sums to zero, for any amounts, VAT, payer and shares.

    record RandomCost(CostToPost cost, String reason) {
    }

    @Provide
    Arbitrary<RandomCost> costs() {
        Arbitrary<Long> cents = Arbitraries.longs().between(1, 99_999_999_999L);
        Arbitrary<Integer> members = Arbitraries.integers().between(1, 20);
        return Combinators.combine(cents, members, Arbitraries.randoms(), Arbitraries.of(true, false),
                Arbitraries.strings().ofMaxLength(20)).as((amountCents, n, random, inputVat, reason) -> {
            long vatCents = random.nextLong(amountCents + 1);
            long shared = inputVat ? amountCents - vatCents : amountCents;
            List<MemberId> people = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                people.add(new MemberId(new UUID(random.nextLong(), random.nextLong())));
            }
            // Random cut points divide the shared amount into n shares that add up to it exactly.
            List<Long> cuts = new ArrayList<>(List.of(0L, shared));
            for (int i = 1; i < n; i++) {
                cuts.add(random.nextLong(shared + 1));
            }
            Collections.sort(cuts);
            Map<MemberId, Money> shares = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                shares.put(people.get(i), new Money(BigDecimal.valueOf(cuts.get(i + 1) - cuts.get(i), 2), EUR));
            }
            int payer = random.nextInt(n + 1);
            MemberId paidBy = payer == n ? null : people.get(payer);
            CostToPost cost = new CostToPost("Cost", COST_DATE, "misc", new Money(BigDecimal.valueOf(amountCents, 2), EUR),
                    new Money(BigDecimal.valueOf(vatCents, 2), EUR), inputVat, paidBy, shares);
            return new RandomCost(cost, reason);
        });
    }

    @Property(tries = 1000)
    void everyApprovalAndReversalSumsToZero(@ForAll("costs") RandomCost random) {
        Posting approval = PostingRules.approval(random.cost());
        Posting reversal = PostingRules.reversal(random.cost(), reversed(random.reason()));

        assertBalanced(approval);
        assertBalanced(reversal);
    }

    @Property(tries = 200)
    void everySettlementSumsToZero(@ForAll("settlementCents") long cents,
                                   @ForAll SettlementDirection direction) {
        Posting posting = PostingRules.settlement(new SettlementRecorded(CooperativeId.random(), SettlementId.random(),
                BEN, new Money(BigDecimal.valueOf(cents, 2), EUR), COST_DATE, direction, ANN, COST_DATE));

        assertBalanced(posting);
    }

    @Provide
    Arbitrary<Long> settlementCents() {
        return Arbitraries.longs().between(1, 99_999_999_999L);
    }
}
