package coop.cooperative.core.costs;

import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.Share;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Over many equal splits among the same members, nobody pays the rounding cents for the others. */
class LeftoverCentsTest {

    private static final int COSTS = 10_000;
    private static final Currency EUR = Currency.getInstance("EUR");

    @Provide
    Arbitrary<List<MemberId>> members() {
        return Arbitraries.integers().between(2, 12)
                .flatMap(n -> Arbitraries.randomValue(r -> new MemberId(new UUID(r.nextLong(), r.nextLong())))
                        .list().ofSize(n).uniqueElements());
    }

    @Property(tries = 20)
    void overTenThousandEqualSplitsNoMemberPaysMoreThanACentMoreThanAnother(
            @ForAll("members") List<MemberId> members, @ForAll long seed) {
        Random random = new Random(seed);
        Map<MemberId, Long> carried = new HashMap<>();
        Map<MemberId, BigDecimal> paid = new HashMap<>();
        for (int i = 0; i < COSTS; i++) {
            Money amount = new Money(BigDecimal.valueOf(random.nextLong(1, 1_000_000), 2), EUR);
            CostId costId = new CostId(new UUID(random.nextLong(), random.nextLong()));
            CostSplit.Result result = CostSplit.split(amount, Split.equal(members), LeftoverCents.tieOrder(costId, carried));
            // what the sender keeps in the shared-costs view and passes with the next cost
            result.roundedUp().forEach(m -> carried.merge(m, 1L, Long::sum));
            for (Share share : result.shares()) {
                paid.merge(share.memberId(), share.amount().amount(), BigDecimal::add);
            }
        }
        BigDecimal most = paid.values().stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal least = paid.values().stream().min(BigDecimal::compareTo).orElseThrow();
        assertThat(most.subtract(least)).isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    @Property(tries = 10)
    void withoutAHistoryTheLeftoverCentStillMovesFromCostToCost(@ForAll @IntRange(min = 2, max = 6) int size,
                                                                 @ForAll long seed) {
        Random random = new Random(seed);
        List<MemberId> members = IntStream.range(0, size)
                .mapToObj(i -> new MemberId(new UUID(random.nextLong(), random.nextLong()))).toList();
        Money amount = Money.of("100.01", EUR); // leaves at least one cent over among 2 to 6 members
        Map<MemberId, Long> leftover = new HashMap<>();
        for (int i = 0; i < COSTS; i++) {
            CostId costId = new CostId(new UUID(random.nextLong(), random.nextLong()));
            CostSplit.split(amount, Split.equal(members),
                            LeftoverCents.tieOrder(costId, Map.of()))
                    .roundedUp().forEach(m -> leftover.merge(m, 1L, Long::sum));
        }
        long cents = leftover.values().stream().mapToLong(Long::longValue).sum();
        double fair = (double) cents / size;
        // a draw per cost, so each member carries about the fair number: far from all or none of them
        assertThat(leftover).hasSize(size);
        leftover.values().forEach(c -> assertThat((double) c).isBetween(fair * 0.8, fair * 1.2));
    }

    @Test
    void theSameCostWithTheSameHistoryAlwaysDividesTheSameWay() {
        List<MemberId> members = List.of(MemberId.random(), MemberId.random(), MemberId.random());
        CostId costId = CostId.random();
        Map<MemberId, Long> carried = Map.of(members.get(0), 3L);
        CostSplit.Result first = CostSplit.split(Money.of("100.00", EUR), Split.equal(members),
                LeftoverCents.tieOrder(costId, carried));
        CostSplit.Result again = CostSplit.split(Money.of("100.00", EUR), Split.equal(List.of(members.get(2), members.get(1), members.get(0))),
                LeftoverCents.tieOrder(costId, new HashMap<>(carried)));
        assertThat(again).isEqualTo(first);
        assertThat(first.roundedUp()).doesNotContain(members.get(0));
    }
}
