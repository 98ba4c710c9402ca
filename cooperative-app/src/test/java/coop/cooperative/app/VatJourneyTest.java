package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cost's VAT in every answer about it, in the journal and the CSV: as input VAT for a
 * VAT-registered cooperative (the members share the amount net of it), otherwise only noted.
 */
class VatJourneyTest extends HttpJourney {

    private static final LocalDate DATE = TestClock.thisMonth().minusMonths(1).atDay(10);

    @TempDir
    Path dir;

    private String path(String rest) {
        return "/api/cooperatives/" + cooperative + rest;
    }

    private Response get(String rest) {
        return api.asAdmin(HttpMethod.GET, path(rest), null);
    }

    /** The journeys' cooperative is not VAT-registered (the default); this founds one that is. */
    private void foundAVatRegisteredCooperative() {
        Response founded = api.asAdmin(HttpMethod.POST, "/api/cooperatives",
                "{\"name\": \"De Btw Gilde\", \"vatRegistered\": true}");
        assertThat(founded.status()).isEqualTo(201);
        assertThat(founded.body().at("/policies/vatRegistered").asBoolean()).isTrue();
        cooperative = founded.text("cooperativeId");
        assertThat(adminPage("en")).contains("Registered for VAT").contains("yes: the VAT on shared costs is input VAT");
        assertThat(adminPage("nl")).contains("Btw-plichtig").contains("ja: de btw op gedeelde kosten is voorbelasting");
    }

    private String adminPage(String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = http.exchange("/cooperatives/" + cooperative + "/admin", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        return page.getBody();
    }

    private Response shareLaptop(String anna, String bram) {
        return api.asAdmin(HttpMethod.POST, path("/costs"), """
                {"description": "Laptop", "amount": "121.00", "vat": "21.00", "date": "%s", "category": "hardware",
                 "split": {"method": "EQUAL", "participants": ["%s", "%s"]}}""".formatted(DATE, anna, bram));
    }

    @Test
    void aVatRegisteredCooperativePostsTheVatAsInputVatAndTheMembersShareTheAmountNetOfIt() throws Exception {
        foundAVatRegisteredCooperative();
        String anna = join("Anna Btw", "anna.btw@gilde.example", "80.00").text("memberId");
        String bram = join("Bram Btw", "bram.btw@gilde.example", "80.00").text("memberId");

        Response shared = shareLaptop(anna, bram);
        assertThat(shared.status()).isEqualTo(201);
        assertThat(shared.text("vat")).isEqualTo("21.00");
        assertThat(shared.body().get("inputVat").asBoolean()).isTrue();
        assertThat(shared.text("sharedAmount")).isEqualTo("100.00");
        assertThat(shared.body().get("shares").findValuesAsText("amount")).containsExactly("50.00", "50.00");
        String costId = shared.text("costId");
        assertThat(get("/costs/queue").body().get(0).get("vat").asText()).isEqualTo("21.00");
        assertThat(api.asAdmin(HttpMethod.POST, path("/costs/" + costId + "/approve"), null).status()).isEqualTo(200);
        assertThat(get("/costs/" + costId).text("vat")).isEqualTo("21.00");
        assertThat(get("/costs").body().get(0).get("vat").asText()).isEqualTo("21.00");

        String journal = text("/ledger.journal");
        assertThat(journal).contains("vat:21.00 EUR")
                .contains("    expenses:hardware    100.00 EUR")
                .contains("    assets:vat:input    21.00 EUR")
                .contains("    assets:bank    -121.00 EUR")
                .contains("    income:recharged:hardware    -100.00 EUR");
        assertThat(hledger(journal, "balance", "assets:vat:input")).contains("21.00 EUR");
        assertThat(text("/ledger.csv")).startsWith("date,transaction,account,amount,currency,description,vat\r\n")
                .contains(",expenses:hardware,100.00,EUR,\"Laptop\",21.00\r\n")
                .contains(",assets:vat:input,21.00,EUR,\"Laptop\",\r\n");
        JsonNode lines = get("/ledger").body().get("lines");
        assertThat(lines.get(0).get("account").asText()).isEqualTo("expenses:hardware");
        assertThat(lines.get(0).get("vat").asText()).isEqualTo("21.00");

        JsonNode totals = get("/category-totals").body().get(0);
        assertThat(totals.get("total").asText()).isEqualTo("100.00");
        assertThat(totals.get("vat").asText()).isEqualTo("21.00");

        JsonNode vatReturn = get("/input-vat?year=" + DATE.getYear()).body();
        int quarter = (DATE.getMonthValue() - 1) / 3 + 1;
        assertThat(vatReturn.get("vatRegistered").asBoolean()).isTrue();
        assertThat(vatReturn.get("quarters")).hasSize(4);
        assertThat(vatReturn.get("quarters").get(quarter - 1).get("quarter").asInt()).isEqualTo(quarter);
        assertThat(vatReturn.get("quarters").get(quarter - 1).get("inputVat").asText()).isEqualTo("21.00");
        assertThat(vatReturn.get("total").asText()).isEqualTo("21.00");
        assertThat(get("/balances").body().get("total").asText()).isEqualTo("0.00");

        // a reversal takes the input VAT back on its own date
        api.asAdmin(HttpMethod.POST, path("/costs/" + costId + "/reverse"), "{\"reason\": \"returned to the shop\"}");
        assertThat(text("/ledger.journal")).contains("    assets:vat:input    -21.00 EUR");
        assertThat(hledger(text("/ledger.journal"), "balance", "assets:vat:input", "-N")).isBlank();
    }

    @Test
    void withoutVatRegistrationTheVatStaysInTheSharedAmountAndIsNotedInEveryAnswer() throws Exception {
        String anna = join("Anna Geen Btw", "anna.nobtw@gilde.example", "80.00").text("memberId");
        String bram = join("Bram Geen Btw", "bram.nobtw@gilde.example", "80.00").text("memberId");

        Response shared = shareLaptop(anna, bram);
        assertThat(shared.status()).isEqualTo(201);
        assertThat(shared.text("vat")).isEqualTo("21.00");
        assertThat(shared.body().get("inputVat").asBoolean()).isFalse();
        assertThat(shared.text("sharedAmount")).isEqualTo("121.00");
        assertThat(shared.body().get("shares").findValuesAsText("amount")).containsExactly("60.50", "60.50");
        assertThat(api.asAdmin(HttpMethod.POST, path("/costs/" + shared.text("costId") + "/approve"), null).status())
                .isEqualTo(200);

        String journal = text("/ledger.journal");
        assertThat(journal).contains("vat:21.00 EUR").contains("    expenses:hardware    121.00 EUR")
                .doesNotContain("assets:vat:input");
        assertThat(hledger(journal, "balance")).isNotBlank();
        assertThat(text("/ledger.csv")).contains(",expenses:hardware,121.00,EUR,\"Laptop\",21.00\r\n");
        JsonNode totals = get("/category-totals").body().get(0);
        assertThat(totals.get("total").asText()).isEqualTo("121.00");
        assertThat(totals.get("vat").asText()).isEqualTo("21.00");
        JsonNode vatReturn = get("/input-vat?year=" + DATE.getYear()).body();
        assertThat(vatReturn.get("vatRegistered").asBoolean()).isFalse();
        assertThat(vatReturn.get("total").asText()).isEqualTo("0.00");
    }

    @Test
    void aVatReturnYearOutsideTheBooksWindowIsRefusedNamingTheField() {
        Response refused = get("/input-vat?year=1999");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("year");
        assertThat(get("/input-vat").status()).isEqualTo(200);
    }

    private String text(String rest) {
        ResponseEntity<String> response = http.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity(path(rest), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    /** Runs Debian's hledger on the journal; it refuses a journal whose transactions do not balance. */
    private String hledger(String journal, String... args) throws IOException, InterruptedException {
        Path file = dir.resolve("vat-" + System.nanoTime() + ".journal");
        Files.writeString(file, journal, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("hledger", "-f", file.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
