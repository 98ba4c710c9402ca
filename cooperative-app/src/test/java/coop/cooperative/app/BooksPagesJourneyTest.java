package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The treasurer's pages over plain HTTP (no browser, no JavaScript): who may open them, the
 * decisions as plain form posts with the refusals in words on the cost's row, and the downloads.
 */
class BooksPagesJourneyTest extends HttpJourney {

    private String books(String rest) {
        return "/cooperatives/" + cooperative + "/books" + rest;
    }

    private ResponseEntity<String> page(String path, String user, String password) {
        return page(path, user, password, "en");
    }

    private ResponseEntity<String> formPost(String formPage, String action, String form) {
        return formPost(formPage, action, form, Api.ADMIN, Api.ADMIN_PASSWORD, "en");
    }

    private String shareCost(String description, String amount, String paidBy, String user, String password) {
        Response shared = api.post("/api/cooperatives/" + cooperative + "/costs", """
                {"description": "%s", "amount": "%s", "date": "%s", "category": "software", %s
                 "split": {"method": "EQUAL"}}""".formatted(description, amount, TestClock.today(),
                paidBy == null ? "" : "\"paidBy\": \"" + paidBy + "\","), user, password);
        assertThat(shared.status()).isEqualTo(201);
        return shared.text("costId");
    }

    @Test
    void aPlainMemberIsRefusedEveryBooksPageAndDownloadWhileTheTreasurerOpensThem() {
        joinWithLogin("Mila Plain", "mila.plain@gilde.example", "mila-secret-password");

        for (String path : List.of("", "/journal", "/balances", "/chart", "/ledger.journal", "/ledger.csv")) {
            assertThat(page(books(path), "mila.plain@gilde.example", "mila-secret-password").getStatusCode().value())
                    .as("a member opening /books" + path).isEqualTo(403);
            assertThat(page(books(path), Api.ADMIN, Api.ADMIN_PASSWORD).getStatusCode().value())
                    .as("the treasurer opening /books" + path).isEqualTo(200);
        }
        assertThat(page(books(""), "mila.plain@gilde.example", "mila-secret-password").getBody())
                .contains("You may not see this page with your roles");
        ResponseEntity<String> unknownCost = formPost(books(""), books("/costs/" + java.util.UUID.randomUUID() + "/approve"), "");
        assertThat(unknownCost.getStatusCode().value()).isEqualTo(404);
        assertThat(unknownCost.getBody()).contains("This page does not exist.");
    }

    @Test
    void theDownloadsOfThePagesAreTheApisExports() {
        String anna = joinWithLogin("Anna Export", "anna.export@gilde.example", "anna-secret-password");
        String cost = shareCost("Design tools", "120.00", anna, "anna.export@gilde.example", "anna-secret-password");
        assertThat(api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/costs/" + cost + "/approve", null)
                .status()).isEqualTo(200);

        for (String export : List.of("ledger.journal", "ledger.csv")) {
            ResponseEntity<String> fromPage = page(books("/" + export), Api.ADMIN, Api.ADMIN_PASSWORD);
            HttpHeaders headers = new HttpHeaders();
            headers.setBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD);
            ResponseEntity<String> fromApi = http.exchange("/api/cooperatives/" + cooperative + "/" + export,
                    HttpMethod.GET, new HttpEntity<>(headers), String.class);
            assertThat(fromPage.getBody()).contains("Design tools", anna).isEqualTo(fromApi.getBody());
            assertThat(fromPage.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                    .isEqualTo("attachment; filename=\"" + export + "\"");
            assertThat(fromPage.getHeaders().getContentType()).isEqualTo(fromApi.getHeaders().getContentType());
        }
    }

    @Test
    void withASecondTreasurerThePlainFormShowsTheFourEyesAndTwoApprovalsRefusalsOnTheRow() {
        String bram = joinWithLogin("Bram Second", "bram.second@gilde.example", "bram-secret-password");
        String anna = joinWithLogin("Anna Big", "anna.big@gilde.example", "anna-secret-password");
        assertThat(api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members/" + bram + "/roles",
                "{\"role\": \"TREASURER\"}").status()).isEqualTo(200);
        String own = shareCost("Accountant", "80.00", null, Api.ADMIN, Api.ADMIN_PASSWORD);
        String big = shareCost("Laptop pool", "3000.00", anna, "anna.big@gilde.example", "anna-secret-password");

        ResponseEntity<String> fourEyes = formPost(books(""), books("/costs/" + own + "/approve"), "");
        ResponseEntity<String> firstOfTwo = formPost(books(""), books("/costs/" + big + "/approve"), "");
        ResponseEntity<String> sameTreasurerAgain = formPost(books(""), books("/costs/" + big + "/approve"), "");

        assertThat(fourEyes.getStatusCode().value()).isEqualTo(200);
        assertThat(row(fourEyes.getBody(), own))
                .contains("Four eyes: nobody approves a cost they submitted themselves.");
        assertThat(firstOfTwo.getBody()).as("a decision goes back to the queue, which says what happened")
                .contains("First approval given for Laptop pool: another treasurer must approve it too.");
        assertThat(sameTreasurerAgain.getStatusCode().value()).isEqualTo(200);
        assertThat(row(sameTreasurerAgain.getBody(), big))
                .contains("Approved once, by Administrator; another treasurer must approve it too.")
                .contains("needs a second approval by another treasurer.");
        assertThat(api.get("/api/cooperatives/" + cooperative + "/costs/" + big, Api.ADMIN, Api.ADMIN_PASSWORD)
                .text("status")).isEqualTo("SUBMITTED");
    }

    @Test
    void theQueueSaysInDutchAndEnglishWhyACostWaitsAndWhoMayApproveIt() {
        String bram = joinWithLogin("Bram Waits", "bram.waits@gilde.example", "bram-secret-password");
        assertThat(api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members/" + bram + "/roles",
                "{\"role\": \"TREASURER\"}").status()).isEqualTo(200);
        String big = shareCost("Server rack", "3000.00", null, Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(row(page(books(""), Api.ADMIN, Api.ADMIN_PASSWORD).getBody(), big))
                .contains("May approve it next: Bram Waits");

        assertThat(api.post("/api/cooperatives/" + cooperative + "/costs/" + big + "/approve", null,
                "bram.waits@gilde.example", "bram-secret-password").status()).isEqualTo(200);

        assertThat(row(page(books(""), Api.ADMIN, Api.ADMIN_PASSWORD).getBody(), big))
                .contains("Waiting: this cost needs a second approval, and nobody else may give it");
        assertThat(row(page(books(""), Api.ADMIN, Api.ADMIN_PASSWORD, "nl").getBody(), big))
                .contains("Wacht: deze kosten hebben een tweede goedkeuring nodig");
    }

    @Test
    void theBalancesPageShowsTheInputVatPerQuarterInDutchAndEnglish() {
        int year = TestClock.today().getYear();
        assertThat(page(books("/balances"), Api.ADMIN, Api.ADMIN_PASSWORD).getBody())
                .contains("Input VAT in " + year).contains("The cooperative is not VAT-registered")
                .contains("id=\"input-vat\"");
        assertThat(page(books("/balances"), Api.ADMIN, Api.ADMIN_PASSWORD, "nl").getBody())
                .contains("Voorbelasting in " + year).contains("K4");
    }

    @Test
    void aPlainRejectionNeedsAReasonAndThenLeavesTheQueue() {
        String anna = joinWithLogin("Anna Reject", "anna.reject@gilde.example", "anna-secret-password");
        String cost = shareCost("Conference <b>tickets</b>", "40.00", anna, "anna.reject@gilde.example", "anna-secret-password");

        ResponseEntity<String> empty = formPost(books(""), books("/costs/" + cost + "/reject"), "reason=+");
        ResponseEntity<String> rejected = formPost(books(""), books("/costs/" + cost + "/reject"),
                "reason=Not+a+shared+cost");

        assertThat(row(empty.getBody(), cost)).contains("Give a reason: the member reads it.")
                .contains("aria-invalid=\"true\"").contains("Conference &lt;b&gt;tickets&lt;/b&gt;");
        assertThat(rejected.getBody()).contains("Rejected: Conference &lt;b&gt;tickets&lt;/b&gt;.");
        Response after = api.get("/api/cooperatives/" + cooperative + "/costs/" + cost, Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(after.text("status")).isEqualTo("REJECTED");
        assertThat(after.body().at("/rejection/reason").asText()).isEqualTo("Not a shared cost");
        assertThat(page(books(""), Api.ADMIN, Api.ADMIN_PASSWORD).getBody()).doesNotContain(cost);
    }

    @Test
    void aTreasurerClosesAPeriodFromTheBalancesPageOnceAndOnlyAfterItEnded() {
        String balances = books("/balances");
        String lastMonth = TestClock.thisMonth().minusMonths(1).toString();
        String thisMonth = TestClock.thisMonth().toString();

        ResponseEntity<String> notAMonth = formPost(balances, books("/periods"), "period=2026-13");
        ResponseEntity<String> notEnded = formPost(balances, books("/periods"), "period=" + thisMonth);
        ResponseEntity<String> closed = formPost(balances, books("/periods"), "period=" + lastMonth);
        ResponseEntity<String> twice = formPost(balances, books("/periods"), "period=" + lastMonth);

        assertThat(notAMonth.getBody()).contains("id=\"close-period-error\"", "Give a month as YYYY-MM, for example 2026-10.")
                .contains("aria-invalid=\"true\"");
        assertThat(notEnded.getBody()).contains("The period " + inWords(TestClock.thisMonth()) + " has not ended yet");
        assertThat(closed.getBody()).contains("The period " + lastMonth + " is closed.")
                .contains("<ul id=\"closed-periods\" class=\"cards\">");
        assertThat(twice.getBody()).contains("The period " + inWords(TestClock.thisMonth().minusMonths(1)) + " is already closed.");
        assertThat(api.get("/api/cooperatives/" + cooperative + "/periods", Api.ADMIN, Api.ADMIN_PASSWORD).body()
                .get("periods").toString()).isEqualTo("[\"" + lastMonth + "\"]");
    }

    @Test
    void theJournalFiltersByPeriodMemberAndCategoryAndNamesABadFilterNextToItsField() {
        String anna = joinWithLogin("Anna Filter", "anna.filter@gilde.example", "anna-secret-password");
        String cost = shareCost("Cloud storage", "30.00", anna, "anna.filter@gilde.example", "anna-secret-password");
        api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/costs/" + cost + "/approve", null);
        String thisMonth = TestClock.thisMonth().toString();

        String filtered = page(books("/journal?period=" + thisMonth + "&member=" + anna + "&category=software"),
                Api.ADMIN, Api.ADMIN_PASSWORD).getBody();
        String otherMonth = page(books("/journal?period=2020-01"), Api.ADMIN, Api.ADMIN_PASSWORD).getBody();
        String bad = page(books("/journal?period=January&category=Software!"), Api.ADMIN, Api.ADMIN_PASSWORD).getBody();

        assertThat(filtered).contains("Lines 1 to 2 of 2", "Anna Filter (current account)", "Cloud storage")
                .doesNotContain(anna + "</td>");
        assertThat(otherMonth).contains("No lines match.");
        assertThat(bad).contains("id=\"period-error\"", "Give a month as YYYY-MM")
                .contains("id=\"category-error\"", "A category is a lowercase word");
    }

    /** The HTML of one cost's row in the queue. */
    private static String row(String html, String costId) {
        int start = html.indexOf("id=\"cost-" + costId + "\"");
        assertThat(start).as("the queue shows cost " + costId).isNotNegative();
        int end = html.indexOf("</article>", start);
        return html.substring(start, end);
    }

    /** A month as the English pages write it, e.g. "November 2026". */
    private static String inWords(YearMonth month) {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
    }
}
