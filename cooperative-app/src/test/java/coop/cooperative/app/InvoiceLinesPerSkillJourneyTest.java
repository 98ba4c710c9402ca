package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import coop.cooperative.app.Api.Response;
import coop.cooperative.app.invoicing.UblValidationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Dutch client who wants one line per skill: the team's hours of a skill on one line, in Dutch,
 * while each member still earns their own hours at their own rate, and a credit note of the line
 * takes back every member's part exactly once.
 */
class InvoiceLinesPerSkillJourneyTest extends HttpJourney {

    private static final String PASSWORD = "lantern meadow copper sail";
    private static final YearMonth LAST_MONTH = BillableProject.LAST_MONTH;

    @TempDir
    Path dir;

    private static String password(String email) {
        return PASSWORD + " " + email.substring(0, email.indexOf('@'));
    }

    private String path(String rest) {
        return "/api/cooperatives/" + cooperative + rest;
    }

    private String member(String name, String email, String rate) {
        return joinWithLogin(name, email, rate, password(email));
    }

    private static JsonNode line(Response invoice, String skill) {
        for (JsonNode line : invoice.body().get("lines")) {
            if (skill.equals(line.get("skill").asText())) {
                return line;
            }
        }
        throw new AssertionError("no line for " + skill);
    }

    @Test
    void aClientWantingALinePerSkillGetsOneInDutchAndEachMemberEarnsAndGivesBackTheirOwnPart() throws Exception {
        String anna = member("Anna de Vries", "anna@skill.example", "70.00");
        String bram = member("Bram Smit", "bram@skill.example", "60.00");
        String carla = member("Carla Jansen", "carla@skill.example", "65.00");
        assertThat(api.asAdmin(HttpMethod.POST, path("/members/" + bram + "/roles"), "{\"role\": \"TREASURER\"}").status())
                .isEqualTo(200);
        BillableProject billable = new BillableProject(api, cooperative);
        billable.assign(anna, "ux");
        billable.assign(bram, "java");
        billable.assign(carla, "ux");
        billable.setInvoicingDetails();
        billable.setClient();
        String clientDetails = """
                {"legalName": "Gemeente Utrecht", "address": {"street": "Stadsplateau 1", "postalCode": "3521 AZ",
                 "city": "Utrecht", "countryCode": "NL"}, "countryCode": "NL", "kvkNumber": "87654321", "lineGrouping": "%s"}""";
        Response unknown = api.asAdmin(HttpMethod.PUT, path("/projects/" + billable.id + "/client-details"),
                clientDetails.formatted("TEAM"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().toString()).contains("lineGrouping");
        Response perSkill = api.asAdmin(HttpMethod.PUT, path("/projects/" + billable.id + "/client-details"),
                clientDetails.formatted("SKILL"));
        assertThat(perSkill.status()).isEqualTo(200);
        assertThat(perSkill.text("lineGrouping")).isEqualTo("SKILL");
        billable.logHours(anna, "anna@skill.example", password("anna@skill.example"), 3, "8");
        billable.logHours(anna, "anna@skill.example", password("anna@skill.example"), 4, "2.25");
        billable.logHours(bram, "bram@skill.example", password("bram@skill.example"), 4, "4");
        billable.logHours(carla, "carla@skill.example", password("carla@skill.example"), 5, "6");

        Response draft = api.asAdmin(HttpMethod.POST, path("/projects/" + billable.id + "/invoices"),
                "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(LAST_MONTH.atDay(1), LAST_MONTH.atEndOfMonth()));
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.body().get("lines")).hasSize(2);
        JsonNode ux = line(draft, "ux");
        assertThat(ux.get("description").asText()).isEqualTo("Uren ux");
        assertThat(ux.path("memberId").isNull() || ux.path("memberId").isMissingNode()).isTrue();
        assertThat(ux.get("quantity").asText()).isEqualTo("16.25"); // Anna 10.25 and Carla 6
        assertThat(ux.get("amount").asText()).isEqualTo("1625.00");
        assertThat(line(draft, "java").get("amount").asText()).isEqualTo("320.00");

        String invoice = draft.text("invoiceId");
        Response approved = api.post(path("/invoices/" + invoice + "/approve"), null, "bram@skill.example",
                password("bram@skill.example"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("total")).isEqualTo("2315.05");
        // each member: their own hours × their own rate, less the 5% fee
        assertThat(balance(anna)).isEqualTo("681.62");  // 10.25 × 70.00 = 717.50, fee 35.88
        assertThat(balance(carla)).isEqualTo("370.50"); // 6 × 65.00 = 390.00, fee 19.50
        assertThat(balance(bram)).isEqualTo("228.00");  // 4 × 60.00 = 240.00, fee 12.00
        assertThat(api.get(path("/members/" + carla + "/earnings"), "carla@skill.example", password("carla@skill.example"))
                .body().get(0).get("owed").asText()).isEqualTo("370.50");

        String ubl = http.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity(path("/invoices/" + invoice + "/ubl"), String.class).getBody();
        assertThat(ubl).contains("<cbc:InvoicedQuantity unitCode=\"HUR\">16.25</cbc:InvoicedQuantity>")
                .contains("<cbc:Name>Uren ux</cbc:Name>");
        assertThat(UblValidationTest.invoiceErrors(ubl)).isEmpty();

        // the ux line credited in two pieces: part of an amount over both lines, then what is left of it
        int uxLine = line(approved, "ux").get("number").asInt();
        Response part = api.asAdmin(HttpMethod.POST, path("/invoices/" + invoice + "/credit-notes"),
                "{\"amount\": \"333.33\", \"reason\": \"Fewer screens\"}");
        assertThat(part.status()).isEqualTo(201);
        Response rest = api.asAdmin(HttpMethod.POST, path("/invoices/" + invoice + "/credit-notes"),
                "{\"lines\": [%d], \"reason\": \"Design dropped\"}".formatted(uxLine));
        assertThat(rest.status()).isEqualTo(201);
        assertThat(balance(anna)).isEqualTo("0.00");
        assertThat(balance(carla)).isEqualTo("0.00");
        assertThat(api.asAdmin(HttpMethod.GET, path("/balances"), null).text("total")).isEqualTo("0.00");

        Path file = dir.resolve("per-skill.journal");
        Files.writeString(file, http.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity(path("/ledger.journal"), String.class).getBody(), StandardCharsets.UTF_8);
        StrictBooks.check(file);
    }
}
