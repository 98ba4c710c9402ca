package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fund's rules as a treasurer checks them over HTTP: four eyes on a claim, claims filed in
 * time, deposits for this month or the next, and withheld months shown with why.
 */
class RiskPoolRulesJourneyTest extends HttpJourney {

    private static final String TESSA_PASSWORD = "tessa-secret-password";
    /** Accounts outlive a test's cooperative: each test's Tessa has an address of her own. */
    private final String tessaEmail = "tessa." + System.nanoTime() + "@gilde.example";

    private final LocalDate today = TestClock.today();
    private String founder;
    private String tessa;

    private String pool() {
        return "/api/cooperatives/" + cooperative + "/risk-pool";
    }

    @BeforeEach
    void aTreasurerBesidesTheFounder() {
        founder = api.asAdmin(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/members", null).body()
                .get(0).path("memberId").asText();
        tessa = joinWithLogin("Tessa Rijn", tessaEmail, TESSA_PASSWORD);
        assertThat(api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members/" + tessa + "/roles",
                "{\"role\": \"TREASURER\"}").status()).isEqualTo(200);
    }

    /** Enrolled four months ago (the founder, who joined today, from today). */
    private void enrol(String memberId) {
        LocalDate on = memberId.equals(founder) ? today : today.minusMonths(4);
        assertThat(api.asAdmin(HttpMethod.POST, pool() + "/enrolments", """
                {"memberId": "%s", "tier": "1000.00", "enrolledOn": "%s"}""".formatted(memberId, on))
                .status()).isEqualTo(201);
    }

    private String claim(String memberId, LocalDate start, String lateFilingReason, String user, String password) {
        Response filed = file(memberId, start, lateFilingReason, user, password);
        assertThat(filed.status()).isEqualTo(201);
        return pool() + "/claims/" + filed.text("claimId");
    }

    private Response file(String memberId, LocalDate start, String lateFilingReason, String user, String password) {
        String late = lateFilingReason == null ? "" : ", \"lateFilingReason\": \"" + lateFilingReason + "\"";
        return api.post(pool() + "/claims", """
                {"memberId": "%s", "startDate": "%s", "reason": "ill"%s}""".formatted(memberId, start, late), user, password);
    }

    @Test
    void aTreasurerNeverApprovesTheirOwnClaimAnotherTreasurerDoes() {
        enrol(founder);
        String claim = claim(founder, today, null, Api.ADMIN, Api.ADMIN_PASSWORD);

        Response own = api.asAdmin(HttpMethod.POST, claim + "/approve", null);
        Response byTessa = api.post(claim + "/approve", null, tessaEmail, TESSA_PASSWORD);

        assertThat(own.status()).isEqualTo(422);
        assertThat(own.body().path("detail").asText()).contains("never approves their own claim");
        assertThat(byTessa.status()).isEqualTo(200);
        assertThat(byTessa.text("status")).isEqualTo("APPROVED");
        assertThat(byTessa.text("approvedBy")).isEqualTo(tessa);
    }

    @Test
    void aClaimStartsAtMostThirtyDaysBackUnlessAnAdminAcceptsTheLateFilingWithAReason() {
        String ivo = join("Ivo Maas", "ivo.rules@gilde.example", "80.00").text("memberId");
        enrol(ivo);
        long events = count("domain_event_entry");
        long reasons = count("risk_pool_claim_reasons");

        Response late = file(ivo, today.minusDays(31), null, tessaEmail, TESSA_PASSWORD);
        Response acceptedByATreasurer = file(ivo, today.minusDays(31), "was in hospital", tessaEmail, TESSA_PASSWORD);
        Response noReason = file(ivo, today.minusDays(31), " ", Api.ADMIN, Api.ADMIN_PASSWORD);

        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body().path("detail").asText()).contains("startDate");
        assertThat(acceptedByATreasurer.status()).isEqualTo(403);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().at("/errors/0/field").asText()).isEqualTo("lateFilingReason");
        assertThat(count("domain_event_entry")).as("nothing refused is stored").isEqualTo(events);
        assertThat(count("risk_pool_claim_reasons")).isEqualTo(reasons);

        Response accepted = file(ivo, today.minusDays(31), "was in hospital", Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.text("filedOn")).isEqualTo(today.toString());
        assertThat(accepted.text("lateFilingReason")).isEqualTo("was in hospital");
        assertThat(file(ivo, today.minusDays(30), null, tessaEmail, TESSA_PASSWORD).status())
                .as("a second open claim, in time").isEqualTo(409);
    }

    @Test
    void aDepositIsRecordedForThisMonthOrTheNextNotAYearAhead() {
        enrol(tessa);
        long events = count("domain_event_entry");

        Response ahead = api.asAdmin(HttpMethod.POST, pool() + "/contributions", """
                {"memberId": "%s", "month": "%s"}""".formatted(tessa, YearMonth.from(today).plusMonths(13)));
        Response next = api.asAdmin(HttpMethod.POST, pool() + "/contributions", """
                {"memberId": "%s", "month": "%s"}""".formatted(tessa, YearMonth.from(today).plusMonths(1)));

        assertThat(ahead.status()).isEqualTo(422);
        assertThat(ahead.body().path("detail").asText()).startsWith("month:");
        assertThat(next.status()).isEqualTo(201);
        assertThat(count("domain_event_entry")).isEqualTo(events + 1);
    }

    @Test
    void belowTheMinimumDueMonthsAreWithheldAndTheClaimAndThePoolPageSayWhy() {
        String ivo = join("Ivo Maas", "ivo.withheld@gilde.example", "80.00").text("memberId");
        String lena = join("Lena Maas", "lena.withheld@gilde.example", "80.00").text("memberId");
        List.of(lena, tessa, ivo).forEach(this::enrol);
        YearMonth thisMonth = YearMonth.from(today);
        LocalDate start = thisMonth.minusMonths(3).atDay(1);
        String claim = claim(ivo, start, "could not write", Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(api.post(claim + "/approve", null, tessaEmail, TESSA_PASSWORD).status()).isEqualTo(200);

        Response run = api.asAdmin(HttpMethod.POST, pool() + "/payouts", null);
        Response withheld = api.asAdmin(HttpMethod.GET, claim, null);
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        String page = http.exchange("/cooperatives/" + cooperative + "/risk-pool", HttpMethod.GET,
                new HttpEntity<>(headers), String.class).getBody();

        // Two months have ended since the waiting period did; three members of the twenty needed.
        assertThat(run.body().size()).isEqualTo(2);
        assertThat(withheld.text("monthsPaid")).isEqualTo("0");
        assertThat(withheld.body().path("withheldMonths").findValuesAsText("month"))
                .containsExactly(thisMonth.minusMonths(2).toString(), thisMonth.minusMonths(1).toString());
        assertThat(withheld.body().path("withheldMonths").get(0).path("enrolledMembers").asInt()).isEqualTo(3);
        assertThat(withheld.body().path("withheldMonths").get(0).path("minimumMembers").asInt()).isEqualTo(20);
        assertThat(withheld.text("payableUntil")).as("withheld months do not count towards the 24")
                .isEqualTo(start.plusMonths(1 + 24 + 2).minusDays(1).toString());
        assertThat(page).contains("Months withheld").contains("3 members enrolled, 20 needed");
    }
}
