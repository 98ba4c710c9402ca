package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RiskPoolJourneyTest extends HttpJourney {

    private final LocalDate today = TestClock.today();
    private final LocalDate enrolled = today.minusMonths(4);

    private String pool() {
        return "/api/cooperatives/" + cooperative + "/risk-pool";
    }

    private Response enrol(String memberId, String contribution) {
        return api.asAdmin(HttpMethod.POST, pool() + "/enrolments", """
                {"memberId": "%s", "monthlyContribution": "%s", "enrolledOn": "%s"}""".formatted(memberId, contribution, enrolled));
    }

    private Response fileClaim(String memberId, LocalDate start, String reason, String user, String password) {
        return api.post(pool() + "/claims", """
                {"memberId": "%s", "startDate": "%s", "reason": "%s"}""".formatted(memberId, start, reason), user, password);
    }

    @Test
    void aNewUsersMistakesAreRefusedWithProblemDetails() {
        String founder = join("Femke Kuipers", "femke@gilde.example", "80.00").text("memberId");
        Response notATier = enrol(founder, "36.00");
        Response tier800 = api.asAdmin(HttpMethod.POST, pool() + "/enrolments",
                "{\"memberId\": \"" + founder + "\", \"tier\": \"800.00\"}");
        Response enrolled = enrol(founder, "33.75");
        Response stranger = fileClaim(joinWithLogin("Kees Stam", "kees.pool@gilde.example", "kees-secret-password"),
                today, "flu", Api.ADMIN, Api.ADMIN_PASSWORD);
        Response first = fileClaim(founder, today, "burn-out", Api.ADMIN, Api.ADMIN_PASSWORD);
        Response second = fileClaim(founder, today, "burn-out", Api.ADMIN, Api.ADMIN_PASSWORD);
        Response badMonth = api.asAdmin(HttpMethod.POST, pool() + "/contributions",
                "{\"memberId\": \"" + founder + "\", \"month\": \"2026-13\"}");

        assertThat(notATier.status()).isEqualTo(400);
        assertThat(notATier.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(notATier.body().at("/errors/0/field").asText()).isEqualTo("monthlyContribution");
        assertThat(tier800.status()).isEqualTo(422);
        assertThat(tier800.body().path("detail").asText()).contains("750.00, 1000.00");
        assertThat(enrolled.status()).isEqualTo(201);
        assertThat(enrolled.body().path("tier").asText()).isEqualTo("750.00");
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(count("risk_pool_claim_reasons")).isPositive();
    }

    @Test
    void aClaimsReasonIsSeenOnlyByTheClaimantTreasurersAndAdminsAndNeverStoredInAnEvent() {
        String hanna = joinWithLogin("Hanna Post", "hanna.pool@gilde.example", "hanna-secret-password");
        joinWithLogin("Ivo Maas", "ivo.pool@gilde.example", "ivo-secret-password");
        assertThat(enrol(hanna, "45.00").status()).isEqualTo(201);
        String reason = "hernia, surgery on the " + System.nanoTime();
        Response filed = fileClaim(hanna, today, reason, "hanna.pool@gilde.example", "hanna-secret-password");
        String claim = pool() + "/claims/" + filed.text("claimId");

        Response byHanna = api.get(claim, "hanna.pool@gilde.example", "hanna-secret-password");
        Response byIvo = api.get(claim, "ivo.pool@gilde.example", "ivo-secret-password");
        Response byAdmin = api.asAdmin(HttpMethod.GET, claim, null);
        Response poolByIvo = api.get(pool(), "ivo.pool@gilde.example", "ivo-secret-password");
        Response approveByIvo = api.post(claim + "/approve", null, "ivo.pool@gilde.example", "ivo-secret-password");

        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.headers().getLocation()).isNotNull();
        assertThat(byHanna.text("reason")).isEqualTo(reason);
        assertThat(byIvo.status()).isEqualTo(403);
        assertThat(byIvo.body().toString()).doesNotContain("hernia");
        assertThat(byAdmin.text("reason")).isEqualTo(reason);
        assertThat(poolByIvo.body().path("openClaims").get(0).path("status").asText()).isEqualTo("FILED");
        assertThat(poolByIvo.body().toString()).as("a colleague's claim, not Hanna's").doesNotContain(hanna);
        assertThat(poolByIvo.body().toString()).doesNotContain("hernia");
        assertThat(approveByIvo.status()).isEqualTo(403);

        // She recovers, falls ill again the next day: the new claim continues the first.
        assertThat(api.asAdmin(HttpMethod.POST, claim + "/approve", null).text("status")).isEqualTo("APPROVED");
        Response closed = api.post(claim + "/close", "{\"endDate\": \"" + today + "\"}", "hanna.pool@gilde.example",
                "hanna-secret-password");
        Response again = fileClaim(hanna, today.plusDays(1), "the same " + reason, "hanna.pool@gilde.example",
                "hanna-secret-password");
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(again.text("continues")).isEqualTo(filed.text("claimId"));
        assertThat(again.text("payableFrom")).isEqualTo(today.plusMonths(1).toString());

        List<String> payloads = jdbc.sql("SELECT payload FROM domain_event_entry")
                .query((rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).list();
        assertThat(payloads).noneMatch(p -> p.contains("hernia"));
    }

    @Test
    void aMemberWhoLeavesTheCooperativeLeavesThePoolWithTheirBalance() {
        String joost = join("Joost Vink", "joost.pool@gilde.example", "80.00").text("memberId");
        String mira = join("Mira Vink", "mira.pool@gilde.example", "80.00").text("memberId");
        enrol(joost, "56.25");
        enrol(mira, "33.75");
        api.asAdmin(HttpMethod.POST, pool() + "/contributions",
                "{\"memberId\": \"" + joost + "\", \"month\": \"" + YearMonth.from(today) + "\"}");

        Response left = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members/" + joost + "/leave",
                "{\"date\": \"" + today + "\"}");

        assertThat(left.status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response overview = api.asAdmin(HttpMethod.GET, pool(), null);
            assertThat(overview.body().path("members").findValuesAsText("memberId")).containsExactly(mira);
            assertThat(overview.text("balance")).isEqualTo("0.00");
        });
        Response account = api.asAdmin(HttpMethod.GET, pool() + "/members/" + joost + "/account", null);
        assertThat(account.body().path("history").findValuesAsText("kind")).containsExactly("DEPOSIT", "LEFT");
        assertThat(account.body().path("history").get(1).path("amount").asText()).isEqualTo("-56.25");
    }

    @Test
    void aClaimIsPaidFromTheOthersAccountsForEachMonthThatHasEndedTheFirstProRataPerDay() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            members.add(join("Lid " + i, "lid" + i + ".pool@gilde.example", "80.00").text("memberId"));
        }
        String claimant = members.get(7);
        members.forEach(m -> assertThat(enrol(m, m.equals(claimant) ? "33.75" : "112.50").status()).isEqualTo(201));
        YearMonth thisMonth = YearMonth.from(today);
        for (String m : members) {
            assertThat(deposit(m, thisMonth).status()).isEqualTo(201);
        }
        // Ill since the 10th, three months back: filed late, which an admin accepts with a reason.
        LocalDate start = thisMonth.minusMonths(3).atDay(10);
        Response filed = api.asAdmin(HttpMethod.POST, pool() + "/claims", """
                {"memberId": "%s", "startDate": "%s", "reason": "a broken leg", "lateFilingReason": "in hospital until now"}"""
                .formatted(claimant, start));
        String claim = pool() + "/claims/" + filed.text("claimId");
        assertThat(api.asAdmin(HttpMethod.POST, claim + "/approve", null).text("status")).isEqualTo("APPROVED");

        Response run = api.asAdmin(HttpMethod.POST, pool() + "/payouts", null);
        Response again = api.asAdmin(HttpMethod.POST, pool() + "/payouts", null);
        Response paid = api.asAdmin(HttpMethod.GET, claim, null);
        Response overview = api.asAdmin(HttpMethod.GET, pool(), null);
        assertThat(deposit(members.get(0), thisMonth.plusMonths(1)).status()).isEqualTo(201);
        Response giver = api.asAdmin(HttpMethod.GET, pool() + "/members/" + members.get(0) + "/account", null);
        Response projection = api.asAdmin(HttpMethod.GET, pool() + "/projection", null);

        // Paid from the 10th two months back (the waiting period's end) for the days of that month,
        // then last month in full; this month has not ended, so it is not paid.
        YearMonth firstPaid = thisMonth.minusMonths(2);
        BigDecimal firstMonth = new BigDecimal("750.00").multiply(BigDecimal.valueOf(firstPaid.lengthOfMonth() - 9))
                .divide(BigDecimal.valueOf(firstPaid.lengthOfMonth()), 2, RoundingMode.HALF_UP);
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.text("lateFilingReason")).isEqualTo("in hospital until now");
        assertThat(run.body().findValuesAsText("month")).containsExactly(firstPaid.toString(), thisMonth.minusMonths(1).toString());
        assertThat(again.body().size()).isZero();
        assertThat(paid.text("monthsPaid")).isEqualTo("2");
        assertThat(paid.text("totalPaid")).isEqualTo(firstMonth.add(new BigDecimal("750.00")).toPlainString());
        assertThat(paid.text("totalShortfall")).isEqualTo("0.00");
        assertThat(paid.text("payableUntil")).isEqualTo(firstPaid.atDay(10).plusMonths(24).minusDays(1).toString());
        assertThat(paid.text("monthsLeft")).isEqualTo("23"); // this month to the 24th month's part
        assertThat(overview.body().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("balance", "members", "openClaims", "reserveMonths");
        assertThat(overview.body().path("members").size()).isEqualTo(20);
        assertThat(overview.body().path("members").get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("memberId", "tier", "monthlyDeposit", "account", "nextTier", "nextTierOn",
                        "leavesOn");
        // The account's history in the order things happened: the later deposit after the gifts of the same day.
        assertThat(giver.body().path("history").findValuesAsText("kind")).containsExactly("DEPOSIT", "GIFT", "GIFT", "DEPOSIT");
        assertThat(projection.body().size()).isEqualTo(12);
        assertThat(projection.body().get(0).path("deposits").asText()).isEqualTo("2171.25"); // 19 x 112.50 + 33.75
        assertThat(projection.body().get(0).path("payouts").asText()).isEqualTo("750.00");
        assertThat(new BigDecimal(overview.text("balance")).divide(new BigDecimal("750.00"), 1, RoundingMode.DOWN)
                .toPlainString()).as("the reserve counts the payouts the projection counts")
                .isEqualTo(overview.text("reserveMonths"));
    }

    private Response deposit(String memberId, YearMonth month) {
        return api.asAdmin(HttpMethod.POST, pool() + "/contributions", """
                {"memberId": "%s", "month": "%s"}""".formatted(memberId, month));
    }
}
