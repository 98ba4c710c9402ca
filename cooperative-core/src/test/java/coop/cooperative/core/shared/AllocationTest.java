package coop.cooperative.core.shared;

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
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllocationTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    record Case(Money amount, Map<String, BigDecimal> weights) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Money> amounts = Arbitraries.longs().between(-99_999_999_999L, 99_999_999_999L)
                .map(cents -> new Money(BigDecimal.valueOf(cents, 2), EUR));
        Arbitrary<BigDecimal> weights = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 100).map(BigDecimal::valueOf),
                Arbitraries.integers().between(0, 400).map(quarters -> BigDecimal.valueOf(quarters, 2).multiply(BigDecimal.valueOf(25))));
        Arbitrary<Map<String, BigDecimal>> parties = Arbitraries.maps(
                        Arbitraries.strings().withCharRange('a', 'f').ofMinLength(1).ofMaxLength(4), weights)
                .ofMinSize(1).ofMaxSize(40)
                .filter(m -> m.values().stream().anyMatch(w -> w.signum() > 0));
        return Combinators.combine(amounts, parties).as(Case::new);
    }

    @Property(tries = 3000)
    void everyCentIsAllocated(@ForAll("cases") Case c) {
        Map<String, Money> shares = Allocation.proportional(c.amount(), c.weights(), Comparator.naturalOrder());

        Money sum = shares.values().stream().reduce(Money.zero(EUR), Money::plus);
        assertThat(sum).isEqualTo(c.amount());
        assertThat(shares.keySet()).containsExactlyInAnyOrderElementsOf(c.weights().keySet());
    }

    @Property(tries = 3000)
    void noShareIsACentOrMoreFromItsExactProportion(@ForAll("cases") Case c) {
        Map<String, Money> shares = Allocation.proportional(c.amount(), c.weights(), Comparator.naturalOrder());

        BigDecimal total = c.weights().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        shares.forEach((party, share) -> {
            BigDecimal exact = c.amount().amount().multiply(c.weights().get(party)).divide(total, MathContext.DECIMAL128);
            assertThat(share.amount().subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
        });
    }

    @Property(tries = 2000)
    void theOrderOfThePartiesDoesNotMatter(@ForAll("cases") Case c, @ForAll long seed) {
        List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(c.weights().entrySet());
        Collections.shuffle(entries, new Random(seed));
        Map<String, BigDecimal> shuffled = new LinkedHashMap<>();
        entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));

        assertThat(Allocation.proportional(c.amount(), shuffled, Comparator.naturalOrder()))
                .isEqualTo(Allocation.proportional(c.amount(), c.weights(), Comparator.naturalOrder()));
    }

    @Test
    void theOddCentGoesToTheFirstPartyInTheTieOrder() {
        Map<String, Money> shares = Allocation.equal(Money.of("100.00", EUR), List.of("c", "a", "b"), Comparator.naturalOrder());

        assertThat(shares).containsExactly(
                Map.entry("a", Money.of("33.34", EUR)),
                Map.entry("b", Money.of("33.33", EUR)),
                Map.entry("c", Money.of("33.33", EUR)));
    }

    @Test
    void theLargestRemaindersGetTheLeftoverCents() {
        // 10.00 over 1:1:1:3 is 1.6666, 1.6666, 1.6666, 5.00: the three thirds each need a cent more,
        // but only two cents are left; the tie order gives them to a and b.
        Map<String, BigDecimal> weights = Map.of("a", BigDecimal.ONE, "b", BigDecimal.ONE, "c", BigDecimal.ONE,
                "d", BigDecimal.valueOf(3));

        assertThat(Allocation.proportional(Money.of("10.00", EUR), weights, Comparator.naturalOrder())).containsExactly(
                Map.entry("a", Money.of("1.67", EUR)),
                Map.entry("b", Money.of("1.67", EUR)),
                Map.entry("c", Money.of("1.66", EUR)),
                Map.entry("d", Money.of("5.00", EUR)));
    }

    @Test
    void aNegativeAmountIsDividedAsItsOpposite() {
        assertThat(Allocation.equal(Money.of("-0.05", EUR), List.of("a", "b"), Comparator.naturalOrder()))
                .containsExactly(Map.entry("a", Money.of("-0.03", EUR)), Map.entry("b", Money.of("-0.02", EUR)));
    }

    @Test
    void refusesNoPartiesNegativeWeightsAndAZeroTotal() {
        assertThatThrownBy(() -> Allocation.proportional(Money.of("1.00", EUR), Map.<String, BigDecimal>of(),
                Comparator.naturalOrder())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.proportional(Money.of("1.00", EUR), Map.of("a", BigDecimal.ONE.negate()),
                Comparator.naturalOrder())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.proportional(Money.of("1.00", EUR), Map.of("a", BigDecimal.ZERO),
                Comparator.naturalOrder())).isInstanceOf(IllegalArgumentException.class);
    }
}
