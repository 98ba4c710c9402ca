package coop.cooperative.app.riskpool;

import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.app.demo.DemoChapter;
import coop.cooperative.app.demo.DemoContext;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.ApproveClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.CloseClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.EnrolMember;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.PayClaimMonth;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.RecordContribution;
import coop.cooperative.core.riskpool.api.RiskPoolId;
import coop.cooperative.core.riskpool.api.Tier;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.members.MemberQueries.FindMember;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
 * The risk pool of De Gilde: 22 members enrolled at varied tiers about a year ago with their
 * monthly deposits since; Bram Smit's claim of three paid months, closed when he recovered; and
 * Lotte Meijer's open claim, in payout.
 */
@Component
@Profile("demo")
@Order(40)
class RiskPoolDemo implements DemoChapter {

    private static final Logger log = LoggerFactory.getLogger(RiskPoolDemo.class);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final List<String> ENROLLED = List.of("Sanne Jansen", "Pieter de Boer", "Anna de Vries",
            "Daan Bakker", "Fleur Visser", "Bram Smit", "Lotte Meijer", "Jeroen Mulder", "Sophie de Groot", "Thijs Bos",
            "Emma Vos", "Lars Peters", "Iris Hendriks", "Ruben van Dijk", "Noor van Leeuwen", "Sem Dekker",
            "Julia Brouwer", "Milan de Wit", "Eva Dijkstra", "Finn Smits", "Sara de Graaf", "Luuk Kok");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RiskPoolClaims claims;
    private final RiskPoolPayouts payouts;
    private final ProjectionCatchUp views;
    private final Clock clock;

    RiskPoolDemo(CommandGateway commands, QueryGateway queries, RiskPoolClaims claims, RiskPoolPayouts payouts,
                 ProjectionCatchUp views, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.claims = claims;
        this.payouts = payouts;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public void seed(DemoContext demo) {
        RiskPoolId pool = RiskPoolId.of(demo.cooperativeId());
        LocalDate today = LocalDate.now(clock);
        YearMonth first = YearMonth.from(today).minusMonths(11);
        List<Money> levels = Tier.levels(EUR);
        Map<MemberId, LocalDate> enrolled = new LinkedHashMap<>();
        for (int i = 0; i < ENROLLED.size(); i++) {
            MemberId member = demo.member(ENROLLED.get(i));
            LocalDate joined = queries.query(new FindMember(member), ResponseTypes.optionalInstanceOf(MemberView.class))
                    .join().map(MemberView::joinedOn).orElse(demo.foundedOn());
            LocalDate on = joined.isAfter(first.atDay(1)) ? joined : first.atDay(1);
            commands.sendAndWait(new EnrolMember(pool, demo.cooperativeId(), member, levels.get(i % levels.size()), 50, on));
            enrolled.put(member, on);
        }

        // Bram Smit: ill from the third month, paid three months, recovered.
        MemberId bram = demo.member("Bram Smit");
        LocalDate bramStart = first.plusMonths(2).atDay(4);
        ClaimId bramsClaim = claims.file(demo.cooperativeId(), bram, bramStart, "Knee surgery and rehabilitation");
        commands.sendAndWait(new ApproveClaim(pool, bramsClaim, bramStart.plusDays(3)));
        List<YearMonth> bramsMonths = List.of(first.plusMonths(3), first.plusMonths(4), first.plusMonths(5));

        for (YearMonth month = first; !month.isAfter(YearMonth.from(today)); month = month.plusMonths(1)) {
            LocalDate paidOn = month.atDay(Math.min(5, today.getDayOfMonth()));
            for (Map.Entry<MemberId, LocalDate> member : enrolled.entrySet()) {
                if (!month.isBefore(YearMonth.from(member.getValue()))) {
                    commands.sendAndWait(new RecordContribution(pool, member.getKey(), month, paidOn));
                }
            }
            if (bramsMonths.contains(month)) {
                commands.sendAndWait(new PayClaimMonth(pool, bramsClaim, month, 20, month.atDay(6)));
            }
        }
        commands.sendAndWait(new CloseClaim(pool, bramsClaim, first.plusMonths(5).atEndOfMonth()));

        // Lotte Meijer: ill since about two months ago; the payout run pays the months due so far.
        MemberId lotte = demo.member("Lotte Meijer");
        ClaimId lottesClaim = claims.file(demo.cooperativeId(), lotte, YearMonth.from(today).minusMonths(2).atDay(10),
                "Burn-out; advised to stop working for some months");
        commands.sendAndWait(new ApproveClaim(pool, lottesClaim, YearMonth.from(today).minusMonths(2).atDay(14)));
        views.await();
        payouts.payDue(demo.cooperativeId(), today);
        log.info("Risk pool demo: {} members enrolled, a closed claim of three months and an open claim",
                enrolled.size());
    }
}
