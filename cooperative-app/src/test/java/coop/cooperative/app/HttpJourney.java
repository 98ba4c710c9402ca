package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user journey over HTTP against the whole app on in-memory H2. Every test starts with a
 * cooperative of its own, founded by the installation's administrator; the Spring context (and
 * the database) is shared by all journeys, and so is the date they run on ({@link TestClock}).
 */
@AutoConfigureObservability(tracing = false) // metrics export is off in tests unless asked for
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:journeys;DB_CLOSE_DELAY=-1",
        "cooperative.admin.password=" + Api.ADMIN_PASSWORD,
        // a snapshot every 5 events, so every journey also loads long-lived aggregates from snapshots
        "cooperative.snapshots.threshold=5",
        // the first requests of a fresh context on a busy 2-core machine may take the views longer than 5 s
        "cooperative.read-your-writes.timeout=PT30S",
        // a handover waits this long for another node to let go of a view's segments (one node here)
        "cooperative.projections.handover-timeout=PT3S",
        // every journey signs in from 127.0.0.1; SignInThrottleTest checks the limits the app ships with
        "cooperative.sign-in.failures-per-address=100000"})
@Import(TestClock.class) // the app's today is the test's today, never the machine's
public abstract class HttpJourney {

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcClient jdbc;

    protected Api api;
    protected String cooperative;

    @BeforeEach
    void foundACooperative() {
        api = new Api(http);
        Response founded = api.asAdmin(HttpMethod.POST, "/api/cooperatives", "{\"name\": \"De Gilde\", \"currency\": \"EUR\"}");
        assertThat(founded.status()).isEqualTo(201);
        cooperative = founded.text("cooperativeId");
    }

    /** Joins a member through the API as the admin. */
    protected Response join(String name, String email, String hourlyRate) {
        return api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members", """
                {"name": "%s", "email": "%s", "skills": ["ux", "Java"], "hourlyRate": "%s", "joinedOn": "2026-02-01"}
                """.formatted(name, email, hourlyRate));
    }

    /** Joins a member and activates their login with this password. */
    protected String joinWithLogin(String name, String email, String password) {
        return joinWithLogin(name, email, "80.00", password);
    }

    /** Joins a member at their own hourly rate and activates their login with this password. */
    protected String joinWithLogin(String name, String email, String hourlyRate, String password) {
        Response joined = join(name, email, hourlyRate);
        Response accepted = api.post("/api/invitations/" + joined.text("invitationToken"),
                "{\"password\": \"" + password + "\"}", null, null);
        assertThat(accepted.status()).isEqualTo(201);
        return joined.text("memberId");
    }

    /** An insurance cost the member paid and shares equally, waiting in the treasurer's queue; returns its id. */
    protected String shareInsurance(String memberId, String email, String password, String description, String amount) {
        Response shared = api.post("/api/cooperatives/" + cooperative + "/costs", """
                {"description": "%s", "amount": "%s", "date": "%s", "category": "insurance", "paidBy": "%s",
                 "split": {"method": "EQUAL"}}""".formatted(description, amount, TestClock.today(), memberId), email, password);
        assertThat(shared.status()).isEqualTo(201);
        return shared.text("costId");
    }

    /** A member's balance in the books (what the cooperative owes them), as {@code GET .../balances} answers it. */
    protected String balance(String memberId) {
        for (JsonNode line : api.asAdmin(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/balances", null).body()
                .get("members")) {
            if (line.get("memberId").asText().equals(memberId)) {
                return line.get("balance").asText();
            }
        }
        throw new AssertionError("no balance for " + memberId);
    }

    /** A page as a browser asks for it, signed in with basic authentication, in the given language. */
    protected ResponseEntity<String> page(String path, String user, String password, String language) {
        return PageForms.page(http, path, user, password, language);
    }

    /** A plain form post, as a browser without JavaScript sends it: the session and CSRF token of the page it came from. */
    protected ResponseEntity<String> formPost(String formPage, String action, String form, String user, String password,
                                              String language) {
        return PageForms.post(http, formPage, action, form, user, password, language);
    }

    protected long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
