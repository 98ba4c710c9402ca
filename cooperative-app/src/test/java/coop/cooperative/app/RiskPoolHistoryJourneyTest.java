package coop.cooperative.app;

import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.core.riskpool.api.PoolChangeDates;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.LeaveRiskPool;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.RecordContribution;
import coop.cooperative.core.riskpool.api.RiskPoolId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindPoolHistory;
import coop.cooperative.projections.riskpool.RiskPoolQueries.PoolMonth;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool's balance per month, as the risk-pool page charts it. Deposits are recorded on past dates
 * through the pool's own command (the API dates them today), as the demo does.
 */
class RiskPoolHistoryJourneyTest extends HttpJourney {

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    ProjectionCatchUp views;

    @Test
    void theHistoryHasEveryMonthFromTheFirstDepositWithWhatCameInWhatWentOutAndTheBalance() {
        LocalDate today = TestClock.today();
        YearMonth thisMonth = YearMonth.from(today);
        String pool = "/api/cooperatives/" + cooperative + "/risk-pool";
        String fenna = join("Fenna Hof", "fenna.history@gilde.example", "80.00").text("memberId");
        String gijs = join("Gijs Veld", "gijs.history@gilde.example", "80.00").text("memberId");
        for (String member : List.of(fenna, gijs)) {
            assertThat(api.asAdmin(HttpMethod.POST, pool + "/enrolments", """
                    {"memberId": "%s", "tier": "1000.00", "enrolledOn": "%s"}"""
                    .formatted(member, today.minusMonths(3))).status()).isEqualTo(201);
        }
        RiskPoolId riskPool = RiskPoolId.of(CooperativeId.of(cooperative));
        YearMonth first = thisMonth.minusMonths(3);
        YearMonth third = thisMonth.minusMonths(1);
        commands.sendAndWait(new RecordContribution(riskPool, MemberId.of(fenna), first, first.atEndOfMonth()));
        commands.sendAndWait(new RecordContribution(riskPool, MemberId.of(gijs), first, first.atEndOfMonth()));
        commands.sendAndWait(new RecordContribution(riskPool, MemberId.of(fenna), third, third.atEndOfMonth()));
        views.await();
        // Gijs leaves the pool today, as when he leaves the cooperative (that very day), and takes his 45.00.
        commands.sendAndWait(new LeaveRiskPool(riskPool, MemberId.of(gijs), today, 20, PoolChangeDates.ANY_DAY, today));
        views.await();

        List<PoolMonth> history = queries.query(new FindPoolHistory(CooperativeId.of(cooperative)),
                ResponseTypes.multipleInstancesOf(PoolMonth.class)).join();

        assertThat(history).extracting(PoolMonth::month).containsExactly(first, first.plusMonths(1), third, thisMonth);
        assertThat(history).extracting(m -> m.paidIn().toString()).containsExactly("90.00", "0.00", "45.00", "0.00");
        assertThat(history).extracting(m -> m.paidOut().toString()).containsExactly("0.00", "0.00", "0.00", "45.00");
        assertThat(history).extracting(m -> m.balance().toString()).containsExactly("90.00", "90.00", "135.00", "90.00");
    }

    @Test
    void aPoolNobodyEnrolledInHasNoHistory() {
        assertThat(queries.query(new FindPoolHistory(CooperativeId.of(cooperative)),
                ResponseTypes.multipleInstancesOf(PoolMonth.class)).join()).isEmpty();
    }
}
