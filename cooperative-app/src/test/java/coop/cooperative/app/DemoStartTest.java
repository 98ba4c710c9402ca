package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import coop.cooperative.app.axon.ProjectionCatchUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an outsider sees of a fresh demo, through their own tools: a start-up log without a warning
 * or an error (a user's mistake, a 4xx, is no operator's problem either), books that hledger and
 * ledger accept in strict mode, with every member's name, and metrics that promtool accepts.
 * A context of its own (its own database), so that its start-up is in the captured output.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-start;DB_CLOSE_DELAY=-1",
        "cooperative.admin.password=" + Api.ADMIN_PASSWORD,
        "cooperative.read-your-writes.timeout=PT30S"})
@ActiveProfiles("demo")
@Import(TestClock.class)
class DemoStartTest {

    private static final String SANNE = "sanne.jansen@degilde.example";
    private static final String PASSWORD = "gilde-demo-2026";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProjectionCatchUp views;

    @TempDir
    Path dir;

    @Test
    void theDemoStartsWithoutWarningsAndARefusedRequestAddsNone(CapturedOutput output) {
        String path = "/api/cooperatives/" + cooperative();
        // a settlement dated tomorrow: the user's mistake, refused with 422
        String member = new Api(http).get(path + "/members", SANNE, PASSWORD).body().get(1).get("memberId").asText();
        Response refused = new Api(http).post(path + "/settlements", """
                {"memberId": "%s", "amount": "10.00", "date": "%s", "direction": "PAID_TO_COOPERATIVE"}
                """.formatted(member, TestClock.today().plusDays(1)), SANNE, PASSWORD);
        assertThat(refused.status()).isEqualTo(422);
        // the policies that the demo's events set off (a member's leaving, for one) have run
        views.await();

        assertThat(output.getAll()).contains("Demo cooperative 'Coöperatie De Gilde'");
        // not the app's: Selenium's (a browser test's driver in the same JVM) and the test's own HTTP client's
        List<String> loud = output.getAll().lines().filter(line -> line.matches("\\S+\\s+(WARN|ERROR) .*"))
                .filter(line -> !line.contains("CDP implementation") && !line.contains("'http.client.requests'"))
                .toList();
        assertThat(loud).as("WARN and ERROR lines of a demo start").isEmpty();
    }

    @Test
    void theDemosBooksPassHledgerAndLedgerInStrictModeWithEveryMembersName() throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(SANNE, PASSWORD)
                .getForEntity("/api/cooperatives/" + cooperative() + "/ledger.journal", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        String journal = response.getBody();
        Path file = dir.resolve("demo.journal");
        Files.writeString(file, journal, StandardCharsets.UTF_8);

        StrictBooks.check(file);
        assertThat(journal).contains("name: Tess Jacobs").contains("; member: Tess Jacobs"); // she left
        String byName = ExternalTool.require("hledger", "hledger")
                .run("-f", file.toString(), "balance", "--pivot", "member", "liabilities:members").output();
        assertThat(byName).contains("Sanne Jansen", "Anna de Vries", "Tess Jacobs");
    }

    @Test
    void theMetricsPassPromtool() throws Exception {
        ExternalTool promtool = ExternalTool.require("promtool", "prometheus");
        new Api(http).get("/api/cooperatives/" + cooperative() + "/balances", SANNE, PASSWORD);
        ResponseEntity<String> scrape = http.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        assertThat(scrape.getBody()).contains("command_bus_success_total", "event_processor_success_timer_seconds", "payload_type=",
                "cooperative_projection_behind");

        ExternalTool.Result check = promtool.runWithInput(scrape.getBody(), "check", "metrics");
        System.out.printf("promtool check metrics: %d problems in %d lines%n", check.output().lines().count(),
                scrape.getBody().lines().count());
        assertThat(check.output()).isEmpty();
        assertThat(check.exit()).isZero();
    }

    private String cooperative() {
        return new Api(http).get("/api/cooperatives", SANNE, PASSWORD).body().get(0).get("cooperativeId").asText();
    }
}
