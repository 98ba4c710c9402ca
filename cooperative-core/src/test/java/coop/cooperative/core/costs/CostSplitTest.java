package coop.cooperative.core.costs;

import coop.cooperative.core.costs.api.Share;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.costs.api.SplitMethod;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostSplitTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    record Case(Money amount, List<MemberId> participants, List<BigDecimal> weights) {
    }

    private static Arbitrary<Money> amounts() {
        return Arbitraries.longs().between(1, 99_999_999_999L).map(cents -> new Money(BigDecimal.valueOf(cents, 2), EUR));
    }

    private static Arbitrary<List<MemberId>> participants() {
        return Arbitraries.integers().between(1, 30)
                .flatMap(n -> Arbitraries.randomValue(r -> new MemberId(new UUID(r.nextLong(), r.nextLong())))
                        .list().ofSize(n).uniqueElements());
    }

    @Provide
    Arbitrary<Case> shares() {
        return Combinators.combine(amounts(), participants(), Arbitraries.randoms()).as((amount, people, random) -> {
            List<BigDecimal> weights = new ArrayList<>();
            people.forEach(p -> weights.add(BigDecimal.valueOf(random.nextInt(10))));
            weights.set(0, weights.get(0).add(BigDecimal.ONE));
            return new Case(amount, people, weights);
        });
    }

    @Provide
    Arbitrary<Case> percentages() {
        // Random cut points in 0..10000 hundredths give percentages with two decimals that sum to 100.
        return Combinators.combine(amounts(), participants(), Arbitraries.randoms()).as((amount, people, random) -> {
            List<Integer> cuts = new ArrayList<>();
            for (int i = 1; i < people.size(); i++) {
                cuts.add(random.nextInt(10_001));
            }
            cuts.add(0);
            cuts.add(10_000);
            Collections.sort(cuts);
            List<BigDecimal> weights = new ArrayList<>();
            for (int i = 1; i < cuts.size(); i++) {
                weights.add(BigDecimal.valueOf(cuts.get(i) - cuts.get(i - 1), 2));
            }
            return new Case(amount, people, weights);
        });
    }

    @Provide
    Arbitrary<Case> exacts() {
        return Combinators.combine(participants(), Arbitraries.randoms()).as((people, random) -> {
            List<BigDecimal> weights = new ArrayList<>();
            people.forEach(p -> weights.add(BigDecimal.valueOf(random.nextLong(0, 1_000_000_00L), 2)));
            BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add).add(new BigDecimal("0.01"));
            weights.set(0, weights.get(0).add(new BigDecimal("0.01")));
            return new Case(new Money(sum, EUR), people, weights);
        });
    }

    @Provide
    Arbitrary<Case> equals() {
        return Combinators.combine(amounts(), participants()).as((amount, people) -> new Case(amount, people, List.of()));
    }

    private static void assertFair(Case c, SplitMethod method, List<Share> shares) {
        Money sum = shares.stream().map(Share::amount).reduce(Money.zero(EUR), Money::plus);
        assertThat(sum).isEqualTo(c.amount());
        assertThat(shares).extracting(Share::memberId).containsExactlyElementsOf(c.participants().stream().sorted().toList());
        BigDecimal total = method == SplitMethod.EQUAL ? BigDecimal.valueOf(c.participants().size())
                : c.weights().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Share share : shares) {
            int i = c.participants().indexOf(share.memberId());
            BigDecimal weight = method == SplitMethod.EQUAL ? BigDecimal.ONE : c.weights().get(i);
            BigDecimal exact = c.amount().amount().multiply(weight).divide(total, MathContext.DECIMAL128);
            assertThat(share.amount().amount().subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
        }
    }

    private static Case shuffled(Case c, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < c.participants().size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        return new Case(c.amount(), order.stream().map(c.participants()::get).toList(),
                c.weights().isEmpty() ? List.of() : order.stream().map(c.weights()::get).toList());
    }

    private static List<Share> split(Case c, SplitMethod method) {
        return CostSplit.shares(c.amount(), new Split(method, c.participants(), c.weights()));
    }

    @Property(tries = 1500)
    void anEqualSplitAllocatesEveryCentFairlyWhateverTheOrder(@ForAll("equals") Case c, @ForAll long seed) {
        List<Share> shares = split(c, SplitMethod.EQUAL);
        assertFair(c, SplitMethod.EQUAL, shares);
        assertThat(split(shuffled(c, seed), SplitMethod.EQUAL)).isEqualTo(shares);
    }

    @Property(tries = 1500)
    void aSharesSplitAllocatesEveryCentInProportionWhateverTheOrder(@ForAll("shares") Case c, @ForAll long seed) {
        List<Share> shares = split(c, SplitMethod.SHARES);
        assertFair(c, SplitMethod.SHARES, shares);
        assertThat(split(shuffled(c, seed), SplitMethod.SHARES)).isEqualTo(shares);
    }

    @Property(tries = 1500)
    void aPercentSplitAllocatesEveryCentInProportionWhateverTheOrder(@ForAll("percentages") Case c, @ForAll long seed) {
        List<Share> shares = split(c, SplitMethod.PERCENT);
        assertFair(c, SplitMethod.PERCENT, shares);
        assertThat(split(shuffled(c, seed), SplitMethod.PERCENT)).isEqualTo(shares);
    }

    @Property(tries = 1000)
    void anHoursSplitAllocatesEveryCentInProportionToTheHours(@ForAll("shares") Case c) {
        assertFair(c, SplitMethod.HOURS, split(c, SplitMethod.HOURS));
    }

    @Property(tries = 1500)
    void anExactSplitChargesExactlyTheGivenAmounts(@ForAll("exacts") Case c, @ForAll long seed) {
        List<Share> shares = split(c, SplitMethod.EXACT);
        for (Share share : shares) {
            assertThat(share.amount().amount()).isEqualByComparingTo(c.weights().get(c.participants().indexOf(share.memberId())));
        }
        assertFair(c, SplitMethod.EXACT, shares);
        assertThat(split(shuffled(c, seed), SplitMethod.EXACT)).isEqualTo(shares);
    }

    @Property(tries = 500)
    void percentagesThatDoNotSumTo100AreRefused(@ForAll("percentages") Case c, @ForAll("offsets") BigDecimal offset) {
        List<BigDecimal> weights = new ArrayList<>(c.weights());
        weights.set(0, weights.get(0).add(offset));
        assertThatThrownBy(() -> CostSplit.shares(c.amount(), new Split(SplitMethod.PERCENT, c.participants(), weights)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("100");
    }

    @Provide
    Arbitrary<BigDecimal> offsets() {
        return Arbitraries.integers().between(1, 5000).map(h -> BigDecimal.valueOf(h, 2));
    }

    @Property(tries = 500)
    void exactAmountsThatDoNotSumToTheCostAreRefused(@ForAll("exacts") Case c, @ForAll("offsets") BigDecimal offset) {
        Money other = new Money(c.amount().amount().add(offset), EUR);
        assertThatThrownBy(() -> CostSplit.shares(other, new Split(SplitMethod.EXACT, c.participants(), c.weights())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("add up to the cost");
    }

    @Test
    void hundredEurosOverThreeMembersGivesTheOddCentToTheFirstMemberId() {
        MemberId a = MemberId.of("00000000-0000-0000-0000-00000000000a");
        MemberId b = MemberId.of("00000000-0000-0000-0000-00000000000b");
        MemberId c = MemberId.of("00000000-0000-0000-0000-00000000000c");

        assertThat(CostSplit.shares(Money.of("100.00", EUR), Split.equal(List.of(c, a, b)))).containsExactly(
                new Share(a, Money.of("33.34", EUR)), new Share(b, Money.of("33.33", EUR)), new Share(c, Money.of("33.33", EUR)));
    }

    @Test
    void sharesMustBeWholeNumbersAndEveryMethodButEqualNeedsOneWeightPerParticipant() {
        MemberId a = MemberId.random();
        MemberId b = MemberId.random();
        Money amount = Money.of("10.00", EUR);

        assertThatThrownBy(() -> CostSplit.shares(amount, new Split(SplitMethod.SHARES, List.of(a, b),
                List.of(new BigDecimal("1.5"), BigDecimal.ONE)))).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> CostSplit.shares(amount, new Split(SplitMethod.SHARES, List.of(a, b),
                List.of(BigDecimal.ONE)))).hasMessageContaining("one weight per participant");
        assertThatThrownBy(() -> CostSplit.shares(amount, new Split(SplitMethod.EQUAL, List.of(a, a), List.of())))
                .hasMessageContaining("only once");
        assertThatThrownBy(() -> CostSplit.shares(amount, new Split(SplitMethod.EXACT, List.of(a, b),
                List.of(new BigDecimal("5.001"), new BigDecimal("4.999"))))).hasMessageContaining("scale");
        assertThatThrownBy(() -> CostSplit.shares(amount, new Split(SplitMethod.HOURS, List.of(a, b),
                List.of(BigDecimal.ZERO, BigDecimal.ZERO)))).hasMessageContaining("more than zero");
    }
}
