package coop.cooperative.app.riskpool;

import coop.cooperative.app.Api;
import coop.cooperative.app.Api.Response;
import coop.cooperative.app.HttpJourney;
import coop.cooperative.app.TestClock;
import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.core.riskpool.api.PoolChangeDates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing tier and leaving the pool take effect on the fund's fixed dates (by default the first
 * day of a quarter): asked for earlier, they are announced, and the daily run makes them on the day.
 */
class PoolChangeDatesJourneyTest extends HttpJourney {

    @Autowired
    AnnouncedPoolChanges announced;
    @Autowired
    ProjectionCatchUp views;

    private final LocalDate today = TestClock.today();
    private final LocalDate nextQuarter = PoolChangeDates.QUARTER_START.firstFrom(today.plusDays(1));

    private String pool() {
        return "/api/cooperatives/" + cooperative + "/risk-pool";
    }

    private Response member(String memberId) {
        return api.asAdmin(HttpMethod.GET, pool(), null).body().path("members").findParents("memberId").stream()
                .filter(m -> m.path("memberId").asText().equals(memberId)).findFirst()
                .map(m -> new Response(200, null, m)).orElseThrow();
    }

    @Test
    void aTierChangeAndLeavingWaitForTheFirstDayOfTheNextQuarterAndAreMadeOnIt() {
        String ruth = join("Ruth Zwart", "ruth.dates@gilde.example", "80.00").text("memberId");
        String sam = join("Sam Zwart", "sam.dates@gilde.example", "80.00").text("memberId");
        for (String m : new String[]{ruth, sam}) {
            assertThat(api.asAdmin(HttpMethod.POST, pool() + "/enrolments", """
                    {"memberId": "%s", "tier": "1000.00", "enrolledOn": "%s"}""".formatted(m, today.minusMonths(2)))
                    .status()).isEqualTo(201);
        }

        // Asked for the next quarter's first day (without effectiveOn it is that day, or today when today is one).
        Response tier = api.asAdmin(HttpMethod.POST, pool() + "/members/" + ruth + "/tier",
                "{\"tier\": \"1250.00\", \"effectiveOn\": \"" + nextQuarter + "\"}");
        Response leaveMidQuarter = api.asAdmin(HttpMethod.POST, pool() + "/members/" + sam + "/leave",
                "{\"date\": \"" + nextQuarter.plusDays(1) + "\"}");
        Response leave = api.asAdmin(HttpMethod.POST, pool() + "/members/" + sam + "/leave",
                "{\"date\": \"" + nextQuarter + "\"}");

        assertThat(tier.status()).isEqualTo(200);
        assertThat(tier.text("tier")).as("not yet").isEqualTo("1000.00");
        assertThat(tier.text("nextTier")).isEqualTo("1250.00");
        assertThat(tier.text("nextTierOn")).isEqualTo(nextQuarter.toString());
        assertThat(leaveMidQuarter.status()).isEqualTo(422);
        assertThat(leaveMidQuarter.body().path("detail").asText()).startsWith("date:").contains(nextQuarter.plusMonths(3).toString());
        assertThat(leave.status()).isEqualTo(200);
        assertThat(member(sam).text("leavesOn")).isEqualTo(nextQuarter.toString());

        // The day before, nothing is made; on the day, both are.
        assertThat(announced.makeChangesDueOn(nextQuarter.minusDays(1))).isZero();
        assertThat(announced.makeChangesDueOn(nextQuarter)).isEqualTo(2);
        assertThat(announced.makeChangesDueOn(nextQuarter)).as("made once").isZero();
        views.await();
        Response after = api.asAdmin(HttpMethod.GET, pool(), null);
        assertThat(after.body().path("members").findValuesAsText("memberId")).containsExactly(ruth);
        assertThat(after.body().path("members").get(0).path("tier").asText()).isEqualTo("1250.00");
        assertThat(after.body().path("members").get(0).path("nextTier").isNull()).isTrue();
    }

    @Test
    void aCooperativeMayAllowChangesOnAnyDay() {
        Response founded = api.asAdmin(HttpMethod.POST, "/api/cooperatives",
                "{\"name\": \"De Vrije Gilde\", \"riskPoolChangeDates\": \"ANY_DAY\"}");
        String anyDay = founded.text("cooperativeId");
        String founder = api.asAdmin(HttpMethod.GET, "/api/cooperatives/" + anyDay + "/members", null).body()
                .get(0).path("memberId").asText();
        String path = "/api/cooperatives/" + anyDay + "/risk-pool";
        api.asAdmin(HttpMethod.POST, path + "/enrolments", "{\"memberId\": \"" + founder + "\", \"tier\": \"1000.00\"}");

        Response tier = api.asAdmin(HttpMethod.POST, path + "/members/" + founder + "/tier", "{\"tier\": \"1250.00\"}");

        assertThat(founded.body().path("policies").path("riskPoolChangeDates").asText()).isEqualTo("ANY_DAY");
        assertThat(tier.text("tier")).isEqualTo("1250.00");
        assertThat(tier.body().path("nextTier").isNull()).isTrue();
        assertThat(api.asAdmin(HttpMethod.POST, "/api/cooperatives", "{\"name\": \"X\", \"riskPoolChangeDates\": \"WEEKLY\"}")
                .status()).isEqualTo(400);
    }
}
