package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project the cooperative can bill, set up through the API as an admin: "Klantportaal" for the
 * Gemeente Utrecht from last month on, needing ux and java, client rates 100.00 (21% VAT) and 80.00
 * (9%), the client's and the cooperative's invoicing details, and members' hours in last month.
 */
final class BillableProject {

    static final YearMonth LAST_MONTH = TestClock.thisMonth().minusMonths(1);
    private static final LocalDate TODAY = TestClock.today();

    private final Api api;
    private final String cooperative;
    final String id;

    BillableProject(Api api, String cooperative) {
        this.api = api;
        this.cooperative = cooperative;
        Response registered = api.asAdmin(HttpMethod.POST, path("/projects"), """
                {"name": "Klantportaal", "client": "Gemeente Utrecht", "start": "%s", "end": "%s",
                 "requiredSkills": [{"skill": "ux", "hoursPerWeek": 32}, {"skill": "java", "hoursPerWeek": 16}]}
                """.formatted(LAST_MONTH.atDay(1), TODAY.plusDays(120)));
        assertThat(registered.status()).isEqualTo(201);
        this.id = registered.text("projectId");
    }

    String path(String rest) {
        return "/api/cooperatives/" + cooperative + rest;
    }

    void assign(String member, String skill) {
        Response assigned = api.asAdmin(HttpMethod.POST, path("/projects/" + id + "/assignments"), """
                {"memberId": "%s", "role": "CORE", "skill": "%s", "hoursPerWeek": 16, "from": "%s", "to": "%s"}
                """.formatted(member, skill, LAST_MONTH.atDay(1), TODAY.plusDays(90)));
        assertThat(assigned.status()).isEqualTo(201);
    }

    /** Hours of last month's {@code day}, logged by the member themself; returns the entry's id. */
    String logHours(String member, String email, String password, int day, String hours) {
        Response logged = api.post(path("/hours"), """
                {"memberId": "%s", "date": "%s", "hours": %s, "kind": "PROJECT", "projectId": "%s", "description": "portal"}"""
                .formatted(member, LAST_MONTH.atDay(day), hours, id), email, password);
        assertThat(logged.status()).isEqualTo(201);
        return logged.text("entryId");
    }

    void setInvoicingDetails() {
        Response details = api.asAdmin(HttpMethod.PUT, path("/invoicing-details"), """
                {"legalName": "De Gilde U.A.", "address": {"street": "Oudegracht 1", "postalCode": "3511 AA",
                 "city": "Utrecht", "countryCode": "NL"}, "vatNumber": "NL123456789B01", "kvkNumber": "12345678",
                 "iban": "NL91ABNA0417164300", "feePercent": 5, "paymentTermDays": 30}""");
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.text("feePercent")).isEqualTo("5");
    }

    void setClient() {
        Response rates = api.asAdmin(HttpMethod.PUT, path("/projects/" + id + "/rates"), """
                {"rates": [{"skill": "ux", "hourlyRate": "100.00"}, {"skill": "java", "hourlyRate": "80.00", "vatRate": "REDUCED"}]}""");
        assertThat(rates.status()).isEqualTo(200);
        Response client = api.asAdmin(HttpMethod.PUT, path("/projects/" + id + "/client-details"), """
                {"legalName": "Gemeente Utrecht", "address": {"street": "Stadsplateau 1", "postalCode": "3521 AZ",
                 "city": "Utrecht", "countryCode": "NL"}, "countryCode": "NL", "kvkNumber": "87654321"}""");
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.body().get("reverseCharge").asBoolean()).isFalse();
    }

    /** Invites the project's client and activates their login with this password; returns the email. */
    String client(String name, String email, String password) {
        Response invited = api.asAdmin(HttpMethod.POST, path("/projects/" + id + "/clients"),
                "{\"name\": \"" + name + "\", \"email\": \"" + email + "\"}");
        assertThat(invited.status()).isEqualTo(201);
        assertThat(api.post("/api/invitations/" + invited.text("invitationToken"),
                "{\"password\": \"" + password + "\"}", null, null).status()).isEqualTo(201);
        return email;
    }
}
