package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A script signs in with a personal API token: shown once, carrying its owner's roles, revocable, expiring. */
@ExtendWith(OutputCaptureExtension.class)
class ApiTokenJourneyTest extends HttpJourney {

    private static final String PASSWORD = "tulip harbour violet engine";

    @Test
    void aTokenIsShownOnceSignsInAsItsOwnerIsListedWithoutItsSecretAndStopsWhenRevoked(CapturedOutput output) {
        String email = "tara.token@gilde.example";
        joinWithLogin("Tara Token", email, PASSWORD);

        Response created = api.post("/api/me/tokens", "{\"name\": \"bank import\"}", email, PASSWORD);
        assertThat(created.status()).isEqualTo(201);
        String token = created.text("token");
        assertThat(token).startsWith("coop_").hasSizeGreaterThan(40);
        assertThat(created.headers().getLocation()).hasToString("/api/me/tokens/" + created.text("id"));

        Response me = api.withToken(HttpMethod.GET, "/api/me", null, token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(email);
        assertThat(api.withToken(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/members", null, token).status())
                .isEqualTo(200);
        assertThat(api.withToken(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members",
                "{\"name\": \"X\", \"email\": \"x.token@gilde.example\", \"skills\": [], \"hourlyRate\": \"10.00\"}", token)
                .status()).as("a member's token may not do what only an admin may").isEqualTo(403);
        String founded = api.withToken(HttpMethod.POST, "/api/cooperatives", "{\"name\": \"Tokens BV\", \"currency\": \"EUR\"}",
                token).text("cooperativeId");

        Response listed = api.get("/api/me/tokens", email, PASSWORD);
        assertThat(listed.body().size()).isEqualTo(1);
        assertThat(listed.body().get(0).get("name").asText()).isEqualTo("bank import");
        assertThat(listed.body().get(0).has("token")).isFalse();
        assertThat(listed.body().get(0).get("lastUsedAt").isNull()).isFalse();
        assertThat(listed.body().toString()).doesNotContain(token);

        assertThat(api.withToken(HttpMethod.DELETE, "/api/me/tokens/" + created.text("id"), null, token).status())
                .isEqualTo(204);
        Response revoked = api.withToken(HttpMethod.GET, "/api/me", null, token);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.headers().getContentType()).hasToString("application/problem+json");

        assertThat(output.getAll()).doesNotContain(token).doesNotContain(token.substring(5));
        assertThat(storedEvents()).contains(founded).doesNotContain(token).doesNotContain(token.substring(5));
    }

    @Test
    void aTokenWorksThroughTheDayItExpiresOnAndNotAfter() {
        String email = "eddie.expiry@gilde.example";
        joinWithLogin("Eddie Expiry", email, PASSWORD);
        assertThat(api.post("/api/me/tokens", "{\"name\": \"old\", \"expiresOn\": \"" + TestClock.today().minusDays(1)
                + "\"}", email, PASSWORD).body().toString()).contains("expiresOn");
        Response endless = api.post("/api/me/tokens", "{\"name\": \"endless\", \"expiresOn\": \"+999999999-12-31\"}",
                email, PASSWORD);
        assertThat(endless.status()).as("no expiry is said by leaving it out").isEqualTo(400);
        assertThat(endless.body().at("/errors/0/field").asText()).isEqualTo("expiresOn");

        Response created = api.post("/api/me/tokens", "{\"name\": \"sync\", \"expiresOn\": \"" + TestClock.today() + "\"}",
                email, PASSWORD);
        assertThat(api.withToken(HttpMethod.GET, "/api/me", null, created.text("token")).status()).isEqualTo(200);

        jdbc.sql("UPDATE api_tokens SET expires_on = ? WHERE token_id = ?")
                .params(TestClock.today().minusDays(1), java.util.UUID.fromString(created.text("id"))).update();
        assertThat(api.withToken(HttpMethod.GET, "/api/me", null, created.text("token")).status()).isEqualTo(401);
        assertThat(api.get("/api/me/tokens", email, PASSWORD).body().get(0).get("expired").asBoolean()).isTrue();
    }

    @Test
    void aMemberWhoLeftLosesTheirTokensAccessAtOnceAndNobodyRevokesAnothersToken() {
        String email = "lena.leaving@gilde.example";
        String memberId = joinWithLogin("Lena Leaving", email, PASSWORD);
        String token = api.post("/api/me/tokens", "{\"name\": \"sheet\"}", email, PASSWORD).text("token");
        String theirs = api.get("/api/me/tokens", email, PASSWORD).body().get(0).get("id").asText();
        String members = "/api/cooperatives/" + cooperative + "/members";
        assertThat(api.withToken(HttpMethod.GET, members, null, token).status()).isEqualTo(200);

        assertThat(api.asAdmin(HttpMethod.DELETE, "/api/me/tokens/" + theirs, null).status()).isEqualTo(404);
        assertThat(api.asAdmin(HttpMethod.POST, members + "/" + memberId + "/leave",
                "{\"date\": \"" + TestClock.today() + "\"}").status()).isEqualTo(200);

        assertThat(api.withToken(HttpMethod.GET, members, null, token).status()).isEqualTo(403);
        assertThat(api.withToken(HttpMethod.GET, "/api/me/tokens", null, "coop_made-up").status()).isEqualTo(401);
    }

    @Test
    void theApiDescriptionNamesBothWaysToSignIn() {
        var schemes = api.asAdmin(HttpMethod.GET, "/v3/api-docs", null).body().at("/components/securitySchemes");
        assertThat(schemes.at("/apiToken/scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.at("/basic/scheme").asText()).isEqualTo("basic");
    }

    private String storedEvents() {
        List<Map<String, Object>> rows = jdbc.sql("SELECT payload, meta_data FROM domain_event_entry").query().listOfRows();
        StringBuilder all = new StringBuilder();
        rows.forEach(row -> all.append(new String((byte[]) row.get("PAYLOAD"))).append(new String((byte[]) row.get("META_DATA"))));
        return all.toString();
    }
}
