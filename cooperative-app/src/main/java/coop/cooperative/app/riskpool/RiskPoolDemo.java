package coop.cooperative.app.riskpool;

import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.app.demo.DemoChapter;
import coop.cooperative.app.demo.DemoContext;
import coop.cooperative.core.riskpool.api.Tier;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.members.MemberQueries.FindMember;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The risk pool of De Gilde: 18 members enrolled at varied tiers about a year ago and 4 more four
 * months later, with their monthly deposits since; Bram Smit's claim, whose first month was
 * withheld (18 members, 20 needed) and whose next two were paid, closed when he recovered; and
 * Lotte Meijer's open claim, whose first month was paid in part (from the day her waiting period
 * ended).
 */
@Component
@Profile("demo")
@Order(40)
class RiskPoolDemo implements DemoChapter {

    private static final Logger log = LoggerFactory.getLogger(RiskPoolDemo.class);
    private static final Currency EUR = Currency.getInstance("EUR");
    /** The last four of {@link #ENROLLED} join the pool later, so it starts below its minimum of 20. */
    private static final int LATER = 4;
    private static final List<String> ENROLLED = List.of("Sanne Jansen", "Pieter de Boer", "Anna de Vries",
            "Daan Bakker", "Fleur Visser", "Bram Smit", "Lotte Meijer", "Jeroen Mulder", "Sophie de Groot", "Thijs Bos",
            "Emma Vos", "Lars Peters", "Iris Hendriks", "Ruben van Dijk", "Noor van Leeuwen", "Sem Dekker",
            "Julia Brouwer", "Milan de Wit", "Eva Dijkstra", "Finn Smits", "Sara de Graaf", "Luuk Kok");

    private final RiskPoolMembership pool;
    private final QueryGateway queries;
    private final RiskPoolClaims claims;
    private final RiskPoolPayouts payouts;
    private final ProjectionCatchUp views;
    private final Clock clock;

    RiskPoolDemo(RiskPoolMembership pool, QueryGateway queries, RiskPoolClaims claims, RiskPoolPayouts payouts,
                 ProjectionCatchUp views, Clock clock) {
        this.pool = pool;
        this.queries = queries;
        this.claims = claims;
        this.payouts = payouts;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public void seed(DemoContext demo) {
        LocalDate today = LocalDate.now(clock);
        YearMonth first = YearMonth.from(today).minusMonths(11);
        List<Money> levels = Tier.levels(EUR);
        Map<MemberId, LocalDate> enrolled = new LinkedHashMap<>();
        Map<MemberId, Money> tiers = new LinkedHashMap<>();
        for (int i = 0; i < ENROLLED.size(); i++) {
            MemberId member = demo.member(ENROLLED.get(i));
            LocalDate joined = queries.query(new FindMember(member), ResponseTypes.optionalInstanceOf(MemberView.class))
                    .join().map(MemberView::joinedOn).orElse(demo.foundedOn());
            LocalDate start = (i < ENROLLED.size() - LATER ? first : first.plusMonths(4)).atDay(1);
            enrolled.put(member, joined.isAfter(start) ? joined : start);
            tiers.put(member, levels.get(i % levels.size()));
        }

        // Bram Smit: ill from the third month; the first month after his waiting period is withheld
        // (the pool had 18 members), the next two are paid, and he recovers.
        MemberId treasurer = demo.member("Pieter de Boer");
        MemberId bram = demo.member("Bram Smit");
        LocalDate bramStart = first.plusMonths(2).atDay(4);
        ClaimId bramsClaim = null;
        List<YearMonth> bramsMonths = List.of(first.plusMonths(3), first.plusMonths(4), first.plusMonths(5));

        // Month by month, as it happened: who enrolled, their deposits, Bram's claim and its payouts.
        for (YearMonth month = first; !month.isAfter(YearMonth.from(today)); month = month.plusMonths(1)) {
            LocalDate paidOn = month.atDay(Math.min(5, today.getDayOfMonth()));
            for (Map.Entry<MemberId, LocalDate> member : enrolled.entrySet()) {
                if (YearMonth.from(member.getValue()).equals(month)) {
                    pool.enrol(demo.cooperativeId(), member.getKey(), tiers.get(member.getKey()), member.getValue());
                }
                if (!month.isBefore(YearMonth.from(member.getValue()))) {
                    pool.recordDeposit(demo.cooperativeId(), member.getKey(), month, paidOn);
                }
            }
            if (month.equals(YearMonth.from(bramStart))) {
                bramsClaim = claims.file(demo.cooperativeId(), bram, bramStart, "Knee surgery and rehabilitation", null,
                        bramStart);
                claims.approve(demo.cooperativeId(), bramsClaim, treasurer, bramStart.plusDays(3));
            }
            if (bramsMonths.contains(month)) {
                payouts.payMonth(demo.cooperativeId(), bramsClaim, month, month.plusMonths(1).atDay(1));
            }
        }
        claims.close(demo.cooperativeId(), bramsClaim, first.plusMonths(5).atEndOfMonth());

        // Lotte Meijer: ill since about two months ago; the payout run pays the months ended so far, the
        // first from the 10th on.
        MemberId lotte = demo.member("Lotte Meijer");
        LocalDate lotteStart = YearMonth.from(today).minusMonths(2).atDay(10);
        ClaimId lottesClaim = claims.file(demo.cooperativeId(), lotte, lotteStart,
                "Burn-out; advised to stop working for some months", null, lotteStart);
        claims.approve(demo.cooperativeId(), lottesClaim, treasurer, lotteStart.plusDays(4));
        views.await();
        payouts.payDue(demo.cooperativeId(), today);
        log.info("Risk pool demo: {} members enrolled, a closed claim with a withheld month and an open claim",
                enrolled.size());
    }
}
