package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL approve invoices of the same cooperative at once, eight
 * treasurer requests split over both: the numbers are 1 to 8 of the year, none skipped or repeated.
 * Node A runs in a JVM of its own (as in {@link TwoNodesOnPostgresTest}), node B in this one.
 */
class InvoiceNumbersOnTwoNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BRAM = "bram.two.nodes@gilde.example";
    private static final String BRAM_PASSWORD = "tulip harbour violet engine bram";

    private EmbeddedPostgres postgres;
    private AppProcess nodeA;
    private ConfigurableApplicationContext nodeB;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() throws IOException {
        if (nodeA != null) {
            nodeA.kill();
        }
        if (nodeB != null && nodeB.isActive()) {
            nodeB.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private List<String> settings(String nodeId, int port) {
        return List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--cooperative.admin.password=" + Api.ADMIN_PASSWORD,
                "--cooperative.cluster.node-id=" + nodeId,
                "--cooperative.read-your-writes.timeout=PT30S",
                "--server.port=" + port);
    }

    @Test
    void twoNodesApprovingAtOnceGiveNumbersOneToEightWithoutAGapOrARepeat() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        int portA = freePort();
        nodeA = AppProcess.start(settings("node-a", portA), Path.of("."), "invoice-numbers-node-a.log");
        nodeA.awaitUp(Duration.ofSeconds(90));
        nodeB = new SpringApplicationBuilder(CooperativeApplication.class).run(settings("node-b", 0).toArray(String[]::new));
        int portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));

        String cooperative = send(portA, "POST", "/api/cooperatives", "{\"name\": \"De Gilde\"}", null).text("cooperativeId");
        String base = "/api/cooperatives/" + cooperative;
        Reply joined = send(portA, "POST", base + "/members", """
                {"name": "Bram Smit", "email": "%s", "skills": ["java"], "hourlyRate": "60.00"}""".formatted(BRAM), null);
        String bram = joined.text("memberId");
        assertThat(send(portA, "POST", "/api/invitations/" + joined.text("invitationToken"),
                "{\"password\": \"" + BRAM_PASSWORD + "\"}", "").status()).isEqualTo(201);
        assertThat(send(portA, "POST", base + "/members/" + bram + "/roles", "{\"role\": \"TREASURER\"}", null).status())
                .isEqualTo(200);
        YearMonth lastMonth = YearMonth.from(TestClock.today()).minusMonths(1);
        String project = send(portA, "POST", base + "/projects", """
                {"name": "Klantportaal", "client": "Gemeente Utrecht", "start": "%s", "end": "%s",
                 "requiredSkills": [{"skill": "java", "hoursPerWeek": 16}]}""".formatted(lastMonth.atDay(1),
                lastMonth.plusMonths(6).atEndOfMonth()), null).text("projectId");
        assertThat(send(portA, "PUT", base + "/invoicing-details", """
                {"legalName": "De Gilde U.A.", "address": {"street": "Oudegracht 1", "postalCode": "3511 AA",
                 "city": "Utrecht", "countryCode": "NL"}, "vatNumber": "NL123456789B01", "kvkNumber": "12345678",
                 "iban": "NL91ABNA0417164300"}""", null).status()).isEqualTo(200);
        assertThat(send(portA, "PUT", base + "/projects/" + project + "/client-details", """
                {"legalName": "Gemeente Utrecht", "address": {"street": "Stadsplateau 1", "postalCode": "3521 AZ",
                 "city": "Utrecht", "countryCode": "NL"}, "countryCode": "NL", "kvkNumber": "87654321"}""", null).status())
                .isEqualTo(200);
        List<String> drafts = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            Reply draft = send(portA, "POST", base + "/projects/" + project + "/invoices", """
                    {"from": "%s", "to": "%s", "fixedAmount": {"description": "Milestone %d", "amount": "1000.00", "vatRate": "STANDARD"}}"""
                    .formatted(lastMonth.atDay(1), lastMonth.atEndOfMonth(), i), null);
            assertThat(draft.status()).isEqualTo(201);
            drafts.add(draft.text("invoiceId"));
        }

        ExecutorService approvers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reply>> answers = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                int port = i % 2 == 0 ? portA : portB;
                String draft = drafts.get(i);
                answers.add(approvers.submit(() -> send(port, "POST", base + "/invoices/" + draft + "/approve", null, BRAM)));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<Reply> answer : answers) {
                Reply approved = answer.get();
                assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
                numbers.add(approved.text("number"));
            }
            // The nodes run on the machine's clock (node A is a JVM of its own): the year is theirs.
            String year = numbers.get(0).substring(0, 4);
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                expected.add(year + "-%04d".formatted(i));
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            approvers.shutdownNow();
        }
    }

    /** {@code user}: null for the admin, "" for no sign-in, else Bram the treasurer. */
    private Reply send(int port, String method, String path, String body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user == null || !user.isEmpty()) {
            String credentials = user == null ? Api.ADMIN + ":" + Api.ADMIN_PASSWORD : user + ":" + BRAM_PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Reply(int status, JsonNode body) {

        String text(String field) {
            assertThat(body.has(field)).as(body.toString()).isTrue();
            return body.get(field).asText();
        }
    }
}
