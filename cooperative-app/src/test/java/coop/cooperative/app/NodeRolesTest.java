package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An {@code api} node and a {@code views} node on one PostgreSQL (both in this JVM): the api node
 * answers HTTP and takes the commands, the views node alone keeps the views, and the api node's
 * answers still read their own writes, by following the views node's tokens in the store. The views
 * node has no web server. A replay asked of the api node is carried out by the views node. A role
 * that is none of the three stops the start, naming the setting.
 */
class NodeRolesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext apiNode;
    private static ConfigurableApplicationContext viewsNode;
    private static JdbcClient store;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void anApiNodeAndAViewsNodeOnOneDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        store = JdbcClient.create(postgres.getPostgresDatabase());
        apiNode = start("api", "api-node", "--server.port=0");
        viewsNode = start("views", "views-node");
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext node : Stream.of(apiNode, viewsNode).filter(n -> n != null).toList()) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static ConfigurableApplicationContext start(String role, String nodeId, String... more) {
        List<String> settings = Stream.concat(Stream.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--cooperative.admin.password=" + Api.ADMIN_PASSWORD,
                "--cooperative.node.role=" + role,
                "--cooperative.cluster.node-id=" + nodeId,
                "--cooperative.cluster.claim-timeout=PT3S",
                "--cooperative.cluster.claim-interval=PT0.5S",
                "--cooperative.cluster.claim-extension=PT1S",
                "--cooperative.cluster.balance-interval=PT0.5S",
                "--cooperative.projections.replay-check-interval=PT0.5S",
                "--cooperative.read-your-writes.timeout=PT30S"), Stream.of(more)).toList();
        return new SpringApplicationBuilder(CooperativeApplication.class, TestClock.class).run(settings.toArray(String[]::new));
    }

    @Test
    void theApiNodeAnswersWithWhatTheViewsNodeHandledAndHoldsNoSegment() throws Exception {
        String cooperative = post("/api/cooperatives", "{\"name\": \"Twee Rollen\"}").path("cooperativeId").asText();
        String base = "/api/cooperatives/" + cooperative;
        String member = post(base + "/members", """
                {"name": "Rosa Rol", "email": "rosa@rollen.example", "skills": ["ux"], "hourlyRate": "80.00"}""")
                .path("memberId").asText();
        // Right after the write, through the views node's processing: no retry, no wait of the test's own.
        assertThat(get(base + "/members").findValuesAsText("name")).containsExactly("Administrator", "Rosa Rol");

        JsonNode shared = post(base + "/costs", """
                {"description": "Accountant", "amount": "100.02", "date": "%s", "category": "accountant",
                 "split": {"method": "EQUAL"}}""".formatted(TestClock.today()));
        assertThat(get(base + "/costs/queue").findValuesAsText("costId")).containsExactly(shared.path("costId").asText());
        assertThat(post(base + "/costs/" + shared.path("costId").asText() + "/approve", "").path("status").asText())
                .isEqualTo("APPROVED");
        JsonNode balances = get(base + "/balances");
        assertThat(balances.path("cooperative").asText()).isEqualTo("100.02");
        assertThat(balances.path("total").asText()).isEqualTo("0.00");
        assertThat(balances.path("members").findValuesAsText("memberId")).contains(member);

        // Every segment is the views node's; the api node's processors run and hold none.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(store.sql("SELECT DISTINCT owner FROM token_entry").query(String.class).list())
                        .containsExactly("views-node"));
        apiNode.getBean(EventProcessingConfiguration.class).eventProcessors().values().forEach(processor -> {
            assertThat(processor.isRunning()).as(processor.getName()).isTrue();
            assertThat(((PooledStreamingEventProcessor) processor).processingStatus()).as(processor.getName()).isEmpty();
        });
        assertThat(store.sql("SELECT node_id FROM cluster_node").query(String.class).list()).containsExactly("views-node");
        // The views node serves no HTTP at all.
        assertThat(viewsNode).isNotInstanceOf(WebServerApplicationContext.class);
        assertThat(viewsNode.getEnvironment().getProperty("local.server.port")).isNull();
        assertThat(apiNode).isInstanceOf(WebServerApplicationContext.class);
    }

    @Test
    void aReplayAskedOfTheApiNodeIsCarriedOutByTheViewsNode() throws Exception {
        String cooperative = post("/api/cooperatives", "{\"name\": \"Herbouw op afstand\"}").path("cooperativeId").asText();
        post("/api/cooperatives/" + cooperative + "/members", """
                {"name": "Bas Bouw", "email": "bas@herbouw.example", "skills": ["java"], "hourlyRate": "70.00"}""");
        List<Map<String, Object>> truth = membersTable();
        store.sql("UPDATE members SET skills = 'wrong'").update();

        JsonNode replay = post("/api/admin/projections/members/replay", "");
        assertThat(replay.path("replaying").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/api/admin/projections/members").path("replaying").asBoolean()).isFalse());
        assertThat(membersTable()).isEqualTo(truth);
        // The api node let go of the segments its reset (if it was the one) claimed: the views node runs the view.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.sql(
                "SELECT owner FROM token_entry WHERE processor_name = 'members'").query(String.class).list())
                .containsOnly("views-node"));
    }

    @Test
    void aRoleThatIsNoneOfTheThreeStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CooperativeApplication.class)
                .run("--cooperative.node.role=backup", "--server.port=0"))
                .hasMessageContaining("cooperative.node.role");
    }

    private static List<Map<String, Object>> membersTable() {
        return store.sql("SELECT * FROM members ORDER BY member_id").query().listOfRows();
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(asAdmin(path).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isBetween(200, 202);
        return JSON.readTree(response.body());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(asAdmin(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpRequest.Builder asAdmin(String path) {
        int port = ((WebServerApplicationContext) apiNode).getWebServer().getPort();
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
