package coop.cooperative.core.riskpool;

import coop.cooperative.core.riskpool.api.AccountCapReturned;
import coop.cooperative.core.riskpool.api.ClaimGift;
import coop.cooperative.core.riskpool.api.ClaimMonthPaid;
import coop.cooperative.core.riskpool.api.GiftsGivenOnLeaving;
import coop.cooperative.core.riskpool.api.ContributionPaid;
import coop.cooperative.core.riskpool.api.Gift;
import coop.cooperative.core.riskpool.api.MemberLeftRiskPool;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.ApproveClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.CloseClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.EnrolMember;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.FileClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.LeaveRiskPool;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.PayClaimMonth;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.RecordContribution;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.ReturnAboveCap;
import coop.cooperative.core.riskpool.api.RiskPoolId;
import coop.cooperative.core.riskpool.api.Tier;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.matchers.Matchers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static coop.cooperative.core.riskpool.api.PoolChangeDates.ANY_DAY;
import static coop.cooperative.core.riskpool.api.PoolChangeDates.QUARTER_START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool's money never appears or disappears: for random histories of enrolments, deposits,
 * claims, payouts, year-end returns and leaving, the accounts plus everything paid out equal
 * everything deposited minus everything returned, to the cent; no account goes negative; and
 * every payout's gifts add up exactly to what was paid.
 */
class RiskPoolPropertiesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final YearMonth FIRST = YearMonth.of(2025, 1);
    private static final MemberId APPROVER = MemberId.random();

    // ---- the funding of one payout ----

    record Funding(Money due, Map<MemberId, Money> deposits, Map<MemberId, Money> balances) {
    }

    @Provide
    Arbitrary<Funding> fundings() {
        Arbitrary<Money> levels = Arbitraries.of(Tier.levels(EUR));
        Arbitrary<Money> balances = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Money.zero(EUR))),
                net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(1, 500_000).map(c -> new Money(BigDecimal.valueOf(c, 2), EUR))));
        Arbitrary<List<Money[]>> givers = Combinators.combine(levels, balances).as((l, b) -> new Money[]{Tier.depositFor(l), b})
                .list().ofMinSize(1).ofMaxSize(49);
        return Combinators.combine(levels, givers).as((due, list) -> {
            Map<MemberId, Money> deposits = new HashMap<>();
            Map<MemberId, Money> funds = new HashMap<>();
            list.forEach(pair -> {
                MemberId id = MemberId.random();
                deposits.put(id, pair[0]);
                funds.put(id, pair[1]);
            });
            return new Funding(due, deposits, funds);
        });
    }

    @Property(tries = 500)
    void giftsSumExactlyToThePayoutOrToAllTheAccountsHoldAndNoAccountGoesNegative(@ForAll("fundings") Funding f) {
        Map<MemberId, Money> gifts = Gifts.fund(f.due(), f.deposits(), f.balances());

        Money total = gifts.values().stream().reduce(Money.zero(EUR), Money::plus);
        Money available = f.balances().values().stream().reduce(Money.zero(EUR), Money::plus);
        assertThat(total).isEqualTo(available.compareTo(f.due()) < 0 ? available : f.due());
        gifts.forEach((giver, gift) -> {
            assertThat(gift.isPositive()).isTrue();
            assertThat(gift).isLessThanOrEqualTo(f.balances().get(giver));
        });
    }

    // ---- whole histories of the aggregate ----

    sealed interface Step permits Deposit, File, Approve, Pay, Close, YearEnd, Leave, Story {
    }

    record Deposit(int member, int month) implements Step {
    }

    record File(int member, int month) implements Step {
    }

    record Approve(int claim) implements Step {
    }

    record Pay(int claim, int month) implements Step {
    }

    record Close(int claim, int month) implements Step {
    }

    record YearEnd(int year) implements Step {
    }

    record Leave(int member, int month) implements Step {
    }

    /** A claim filed, approved and paid for some months after its start (some due, some not). */
    record Story(int member, int month, List<Integer> payAfter) implements Step {
    }

    record History(List<Money> tiers, List<Integer> monthsDeposited, List<Step> steps) {
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<List<Money>> tiers = Arbitraries.of(Tier.levels(EUR)).list().ofMinSize(20).ofMaxSize(24);
        Arbitrary<Integer> member = Arbitraries.integers().between(0, 23);
        Arbitrary<Integer> month = Arbitraries.integers().between(0, 30);
        Arbitrary<Integer> claim = Arbitraries.integers().between(0, 3);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Combinators.combine(member, month).as(Deposit::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(member, Arbitraries.integers().between(0, 10)).as(File::new)),
                net.jqwik.api.Tuple.of(3, claim.map(Approve::new)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(member, Arbitraries.integers().between(0, 10),
                        Arbitraries.integers().between(0, 26).list().ofMaxSize(8)).as(Story::new)),
                net.jqwik.api.Tuple.of(10, Combinators.combine(claim, month).as(Pay::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(claim, month).as(Close::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(2025, 2027).map(YearEnd::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(member, month).as(Leave::new)));
        Arbitrary<List<Integer>> deposited = Arbitraries.integers().between(0, 14).list().ofSize(24);
        return Combinators.combine(tiers, deposited, step.list().ofMinSize(10).ofMaxSize(30)).as(History::new);
    }

    @Property(tries = 25)
    void accountsPlusPayoutsEqualDepositsMinusReturnsToTheCent(@ForAll("histories") History h) {
        CooperativeId coop = CooperativeId.random();
        RiskPoolId pool = RiskPoolId.of(coop);
        List<MemberId> members = IntStream.range(0, h.tiers().size()).mapToObj(i -> MemberId.random()).toList();
        List<ClaimId> claims = IntStream.range(0, 4).mapToObj(i -> ClaimId.random()).toList();
        List<Object> history = new ArrayList<>();
        Totals totals = new Totals();

        for (int i = 0; i < members.size(); i++) {
            run(history, totals, new EnrolMember(pool, coop, members.get(i), h.tiers().get(i), 50,
                    FIRST.atDay(1)));
        }
        // Deposits already made: given as events, counted like any other deposit.
        for (int i = 0; i < members.size(); i++) {
            for (int m = 0; m < h.monthsDeposited().get(i); m++) {
                ContributionPaid paid = new ContributionPaid(coop, members.get(i), FIRST.plusMonths(m),
                        Tier.depositFor(h.tiers().get(i)), FIRST.plusMonths(m).atDay(2));
                history.add(paid);
                totals.add(paid);
            }
        }
        int filed = 0;
        List<Step> steps = new ArrayList<>();
        for (Step s : h.steps()) {
            if (s instanceof Story story) {
                steps.add(new File(story.member(), story.month()));
                steps.add(new Approve(-1));
                story.payAfter().forEach(after -> steps.add(new Pay(-1, story.month() + after)));
            } else {
                steps.add(s);
            }
        }
        for (Step s : steps) {
            ClaimId last = claims.get(Math.max(filed - 1, 0) % claims.size());
            Object command = command(s, pool, members, claims.get(filed % claims.size()), claims, last);
            if (s instanceof File && run(history, totals, command)) {
                filed++;
            } else {
                run(history, totals, command);
            }
        }
        Statistics.label("payouts made").collect(totals.paidOut.isPositive());
        Statistics.label("payouts made").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    private static Object command(Step s, RiskPoolId pool, List<MemberId> members, ClaimId next, List<ClaimId> claims,
                                  ClaimId last) {
        if (s instanceof Deposit d) {
            return new RecordContribution(pool, member(members, d.member()), FIRST.plusMonths(d.month()),
                    FIRST.plusMonths(d.month()).atDay(3));
        } else if (s instanceof File f) {
            return new FileClaim(pool, next, member(members, f.member()), FIRST.plusMonths(f.month()).atDay(10),
                    FIRST.plusMonths(f.month()).atDay(10), null);
        } else if (s instanceof Approve a) {
            return new ApproveClaim(pool, a.claim() < 0 ? last : claims.get(a.claim()), LocalDate.of(2027, 6, 1),
                    APPROVER);
        } else if (s instanceof Pay p) {
            return new PayClaimMonth(pool, p.claim() < 0 ? last : claims.get(p.claim()), FIRST.plusMonths(p.month()), 20,
                    FIRST.plusMonths(p.month() + 1).atDay(1));
        } else if (s instanceof Close c) {
            return new CloseClaim(pool, claims.get(c.claim()), FIRST.plusMonths(c.month()).atDay(15));
        } else if (s instanceof YearEnd y) {
            return new ReturnAboveCap(pool, y.year(), LocalDate.of(y.year(), 12, 31));
        }
        Leave l = (Leave) s;
        return new LeaveRiskPool(pool, member(members, l.member()), FIRST.plusMonths(l.month()).atDay(20), 20,
                ANY_DAY, LocalDate.of(2030, 1, 1));
    }

    private static MemberId member(List<MemberId> members, int index) {
        return members.get(index % members.size());
    }

    /** Sends one command; on success checks the invariant against the aggregate's own state. */
    private static boolean run(List<Object> history, Totals totals, Object command) {
        boolean opening = history.isEmpty();
        // A fresh fixture per command: a reused one kept the aggregate of its previous run.
        AggregateTestFixture<RiskPool> fixture = new AggregateTestFixture<>(RiskPool.class);
        ResultValidator<RiskPool> result = opening ? fixture.givenNoPriorActivity().when(command)
                : fixture.given(List.copyOf(history)).when(command);
        List<Object> events = new ArrayList<>();
        result.expectEventsMatching(Matchers.<List<EventMessage<?>>>predicate(list -> {
            list.forEach(m -> events.add(m.getPayload()));
            return true;
        }));
        if (events.isEmpty()) {
            return false;
        }
        // A command that applied events and then failed would roll back: that must never happen.
        result.expectSuccessfulHandlerExecution();
        events.forEach(totals::add);
        history.addAll(events);
        if (opening) {
            return true; // the fixture cannot show the state of an aggregate created by this very command
        }
        result.expectState(pool -> {
            assertThat(pool.totalBalance().plus(totals.paidOut))
                    .isEqualTo(totals.deposited.minus(totals.returned));
            totals.everyone.forEach(m -> pool.balanceOf(m).ifPresent(b -> assertThat(b.isNegative()).isFalse()));
        });
        return true;
    }

    private static final class Totals {
        Money deposited = Money.zero(EUR);
        Money returned = Money.zero(EUR);
        Money paidOut = Money.zero(EUR);
        final List<MemberId> everyone = new ArrayList<>();

        void add(Object event) {
            if (event instanceof ContributionPaid c) {
                deposited = deposited.plus(c.amount());
                everyone.add(c.memberId());
            } else if (event instanceof AccountCapReturned r) {
                returned = returned.plus(r.amount());
            } else if (event instanceof MemberLeftRiskPool l) {
                returned = returned.plus(l.balanceReturned());
            } else if (event instanceof GiftsGivenOnLeaving l) {
                paidOut = l.gifts().stream().map(ClaimGift::amount).reduce(paidOut, Money::plus);
            } else if (event instanceof ClaimMonthPaid p) {
                // What leavers gave for the month was counted when they gave it.
                Money gifts = p.gifts().stream().map(Gift::amount).reduce(Money.zero(EUR), Money::plus);
                assertThat(gifts.plus(p.givenEarlier())).isEqualTo(p.paid());
                assertThat(p.paid().plus(p.shortfall())).isEqualTo(p.due());
                assertThat(p.gifts()).noneMatch(g -> g.from().equals(p.memberId()) || !g.amount().isPositive());
                paidOut = paidOut.plus(gifts);
            }
        }
    }
}
