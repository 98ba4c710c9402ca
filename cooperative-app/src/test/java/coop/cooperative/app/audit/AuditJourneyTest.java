package coop.cooperative.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import coop.cooperative.app.Api;
import coop.cooperative.app.Api.Response;
import coop.cooperative.app.HttpJourney;
import coop.cooperative.app.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who did what and when, in words, for admins and treasurers; a member reads what concerns them. */
class AuditJourneyTest extends HttpJourney {

    /** Every journey makes new accounts in the one shared database, so each has emails of its own. */
    private final String annasEmail = "anna.audit-" + UUID.randomUUID() + "@gilde.example";
    private final String bramsEmail = "bram.audit-" + UUID.randomUUID() + "@gilde.example";
    private static final String PASSWORD = "a-long-audit-password";

    private String audit(String query) {
        return "/api/cooperatives/" + cooperative + "/audit" + query;
    }

    @Test
    void theTreasurerReadsWhoApprovedWhatInWordsInTheirLanguageWithTheRequestsCorrelationId() {
        String anna = joinWithLogin("Anna de Vries", annasEmail, PASSWORD);
        String cost = shareInsurance(anna, annasEmail, PASSWORD, "Adobe Creative Cloud", "240.00");
        HttpHeaders correlated = new HttpHeaders();
        correlated.set("X-Correlation-Id", "approve-adobe-1");
        Response approved = api.exchange(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/costs/" + cost + "/approve",
                null, Api.ADMIN, Api.ADMIN_PASSWORD, correlated);
        assertThat(approved.status()).isEqualTo(200);

        Response english = api.asAdmin(HttpMethod.GET, audit("?kind=CostApproved"), null);
        HttpHeaders dutch = new HttpHeaders();
        dutch.set(HttpHeaders.ACCEPT_LANGUAGE, "nl");
        Response inDutch = api.exchange(HttpMethod.GET, audit("?kind=CostApproved"), null, Api.ADMIN, Api.ADMIN_PASSWORD, dutch);

        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body().get("total").asLong()).isEqualTo(1);
        JsonNode entry = english.body().at("/entries/0");
        assertThat(entry.get("text").asText()).isEqualTo("Administrator approved the cost 'Adobe Creative Cloud' of €240.00");
        assertThat(entry.get("person").asText()).isEqualTo("Administrator");
        assertThat(entry.get("kind").asText()).isEqualTo("CostApproved");
        assertThat(entry.get("memberId").asText()).isEqualTo(anna);
        assertThat(entry.get("correlationId").asText()).isEqualTo("approve-adobe-1");
        assertThat(inDutch.body().at("/entries/0/text").asText())
                .isEqualTo("Administrator keurde de kosten 'Adobe Creative Cloud' van €\u00a0240,00 goed");
    }

    @Test
    void theTrailListsEveryActionNewestFirstAndFiltersByPersonKindAndPeriod() {
        String anna = joinWithLogin("Anna de Vries", annasEmail, PASSWORD);
        shareInsurance(anna, annasEmail, PASSWORD, "Printer paper", "12.50");

        Response all = api.asAdmin(HttpMethod.GET, audit(""), null);
        Response annas = api.asAdmin(HttpMethod.GET, audit("?memberId=" + anna), null);
        // an entry's time is when the event was stored, on the machine's clock rather than the test's day
        LocalDate stored = Instant.parse(all.body().at("/entries/0/at").asText()).atZone(TestClock.clock().getZone()).toLocalDate();
        Response thatDay = api.asAdmin(HttpMethod.GET, audit("?from=" + stored + "&to=" + stored), null);
        Response dayBefore = api.asAdmin(HttpMethod.GET, audit("?to=" + stored.minusDays(1)), null);
        Response future = api.asAdmin(HttpMethod.GET, audit("?from=2099-01-01"), null);

        assertThat(texts(all)).containsSubsequence(
                "Anna de Vries submitted the cost 'Printer paper' of €12.50, paid by Anna de Vries, dated " + english(TestClock.today()),
                "Administrator welcomed Anna de Vries as a member from Feb 1, 2026, at €80.00 an hour",
                "Administrator founded the cooperative 'De Gilde' on " + english(TestClock.today()));
        assertThat(texts(annas)).hasSize(2).allMatch(text -> text.contains("Anna de Vries"));
        assertThat(thatDay.body().get("total").asLong()).isEqualTo(all.body().get("total").asLong());
        assertThat(dayBefore.body().get("total").asLong()).isZero();
        assertThat(future.body().get("total").asLong()).isZero();
        assertThat(all.body().at("/entries/0/personId").asText()).isEqualTo(anna);
    }

    @Test
    void aMemberReadsOnlyWhatConcernsThemAndNeverAColleaguesTrail() {
        String anna = joinWithLogin("Anna de Vries", annasEmail, PASSWORD);
        String bram = joinWithLogin("Bram Bakker", bramsEmail, PASSWORD);
        // Anna's own cost, shared with nobody else
        assertThat(api.post("/api/cooperatives/" + cooperative + "/costs", """
                {"description": "Printer paper", "amount": "12.50", "date": "%s", "category": "insurance", "paidBy": "%s",
                 "split": {"method": "EQUAL", "participants": ["%s"]}}""".formatted(TestClock.today(), anna, anna),
                annasEmail, PASSWORD).status()).isEqualTo(201);

        Response bramsOwn = api.get(audit(""), bramsEmail, PASSWORD);
        Response annasAsBram = api.get(audit("?memberId=" + anna), bramsEmail, PASSWORD);
        ResponseEntity<String> bramsCsv = http.withBasicAuth(bramsEmail, PASSWORD).getForEntity(audit(".csv"), String.class);

        assertThat(bramsOwn.status()).isEqualTo(200);
        assertThat(texts(bramsOwn)).singleElement().asString().contains("Bram Bakker").doesNotContain("Anna");
        assertThat(bramsOwn.body().at("/entries/0/memberId").asText()).isEqualTo(bram);
        assertThat(annasAsBram.status()).isEqualTo(403);
        assertThat(bramsCsv.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aMemberWhoSharesInACostReadsWhatHappenedToIt() {
        String anna = joinWithLogin("Anna de Vries", annasEmail, PASSWORD);
        joinWithLogin("Bram Bakker", bramsEmail, PASSWORD);
        String cost = shareInsurance(anna, annasEmail, PASSWORD, "Office rent", "300.00");
        assertThat(api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/costs/" + cost + "/approve", null).status())
                .isEqualTo(200);

        Response bramsOwn = api.get(audit(""), bramsEmail, PASSWORD);

        assertThat(texts(bramsOwn)).contains("Administrator approved the cost 'Office rent' of €300.00",
                "Anna de Vries submitted the cost 'Office rent' of €300.00, paid by Anna de Vries, dated " + english(TestClock.today()));
    }

    @Test
    void theCsvHoldsTheSameEntriesWithAHeaderAndNothingASpreadsheetWouldRun() {
        String anna = joinWithLogin("Anna de Vries", annasEmail, PASSWORD);
        shareInsurance(anna, annasEmail, PASSWORD, "=HYPERLINK(\\\"x\\\")", "12.50");

        ResponseEntity<String> csv = http.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD).getForEntity(audit(".csv?kind=CostShared"), String.class);

        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("time,person,person_id,kind,description,member_id,correlation_id\r\n");
        assertThat(csv.getBody().lines()).hasSize(2);
        assertThat(csv.getBody()).contains(",\"Anna de Vries\"," + anna + ",\"Cost submitted\",\"Anna de Vries submitted the cost '=HYPERLINK(\"\"x\"\")' of €12.50, paid by Anna de Vries");
    }

    @Test
    void filtersThatMeanNothingAreRefusedNamingTheField() {
        Response badKind = api.asAdmin(HttpMethod.GET, audit("?kind=drop%20table"), null);
        Response backwards = api.asAdmin(HttpMethod.GET, audit("?from=2026-12-01&to=2026-11-01"), null);
        Response badPage = api.asAdmin(HttpMethod.GET, audit("?page=-1"), null);
        Response badDate = api.asAdmin(HttpMethod.GET, audit("?from=yesterday"), null);
        Response badMember = api.asAdmin(HttpMethod.GET, audit("?memberId=nobody"), null);

        assertThat(List.of(badKind, backwards, badPage, badDate, badMember)).extracting(Response::status).containsOnly(400);
        assertThat(badKind.body().at("/errors/0/field").asText()).isEqualTo("kind");
        assertThat(backwards.body().at("/errors/0/field").asText()).isEqualTo("to");
        assertThat(badPage.body().at("/errors/0/field").asText()).isEqualTo("page");
        assertThat(badDate.body().at("/errors/0/field").asText()).isEqualTo("from");
        assertThat(badMember.body().at("/errors/0/field").asText()).isEqualTo("memberId");
    }

    private static List<String> texts(Response response) {
        List<String> texts = new ArrayList<>();
        response.body().get("entries").forEach(entry -> texts.add(entry.get("text").asText()));
        return texts;
    }

    private static String english(LocalDate date) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(java.util.Locale.ENGLISH).format(date);
    }
}
