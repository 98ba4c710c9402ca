package coop.cooperative.app.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import coop.cooperative.app.Api.Response;
import coop.cooperative.app.HttpJourney;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Views rebuilt beside the live ones, over HTTP as the administrator and the members' clients see
 * it: the live views answer all along and follow every write, and what the rebuild hands over
 * equals a rebuild from scratch; a rebuild given up leaves the live view as it was.
 */
class ShadowRebuildJourneyTest extends HttpJourney {

    private static final int CLIENTS = 8;
    private static final int JOINS_PER_CLIENT = 5;

    @Autowired
    RebuildProbe probe;
    @Autowired
    RebuildableViews views;
    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void noRebuildUnderWay() {
        awaitRebuilt(views.names());
    }

    @Test
    void aRebuildOfAllViewsWhileEightClientsWriteHoldsEveryWriteAndEqualsARebuildFromScratch() throws Exception {
        join("Anna de Vries", "anna@shadow.example", "80.00");
        probe.holdNextRebuild();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> failures = new ArrayList<>();
        try {
            Response replay = api.asAdmin(HttpMethod.POST, "/api/admin/projections/replay", null);
            assertThat(replay.status()).isEqualTo(202);
            assertThat(replay.body().findValuesAsText("name")).containsAll(views.names());
            assertThat(probe.awaitHolding()).isTrue();
            assertThat(status("members").path("replaying").asBoolean()).isTrue();
            assertThat(status("members").path("rebuildPhase").asText()).isEqualTo("LOADING");

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = IntStream.range(0, CLIENTS).mapToObj(client -> clients.submit(() -> {
                for (int j = 0; j < JOINS_PER_CLIENT; j++) {
                    Response joined = join("Lid " + client + "-" + j, "m" + client + "-" + j + "@shadow.example", "70.00");
                    record(failures, "join", joined);
                    if (joined.status() == 201) {
                        acknowledged.add(joined.text("memberId"));
                    }
                    // Read-your-writes from the live view, which the rebuild does not hold up.
                    Response members = members();
                    record(failures, "members", members);
                    assertThat(members.body().findValuesAsText("memberId")).contains(joined.text("memberId"));
                    record(failures, "balances", api.asAdmin(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/balances", null));
                    record(failures, "ledger", api.asAdmin(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/ledger", null));
                }
                return null;
            })).collect(Collectors.toList());
            for (Future<?> client : running) {
                client.get(2, TimeUnit.MINUTES);
            }
            clients.shutdown();
        } finally {
            probe.release();
        }
        awaitRebuilt(views.names());

        assertThat(failures).isEmpty();
        assertThat(acknowledged).hasSize(CLIENTS * JOINS_PER_CLIENT);
        assertThat(members().body().findValuesAsText("memberId")).containsAll(acknowledged);
        for (String view : views.names()) {
            JsonNode last = status(view).path("lastRebuild");
            assertThat(last.path("outcome").asText()).as(view).isEqualTo("DONE");
            assertThat(last.path("events").asLong()).as(view).isPositive();
        }
        assertThat(noShadowsLeft()).isTrue();
        Map<String, List<Map<String, Object>>> handedOver = viewTables();

        // The same views rebuilt from scratch, with nobody writing: the same rows, table for table.
        assertThat(api.asAdmin(HttpMethod.POST, "/api/admin/projections/replay", null).status()).isEqualTo(202);
        awaitRebuilt(views.names());
        assertThat(viewTables()).isEqualTo(handedOver);
        assertThat(noShadowsLeft()).isTrue();
    }

    @Test
    void aRebuildCancelledMidwayLeavesTheLiveViewAnsweringAndUnchanged() throws Exception {
        join("Bram Visser", "bram@shadow.example", "95.00");
        Response before = members();
        Map<String, List<Map<String, Object>>> tablesBefore = viewTables();
        probe.holdNextRebuild();
        try {
            Response replay = api.asAdmin(HttpMethod.POST,
                    "/api/admin/projections/replay?views=members&views=" + RebuildProbe.NAME, null);
            assertThat(replay.status()).isEqualTo(202);
            assertThat(probe.awaitHolding()).isTrue();
            assertThat(members().body()).isEqualTo(before.body());

            assertThat(api.asAdmin(HttpMethod.DELETE, "/api/admin/projections/members/replay", null).status()).isEqualTo(204);
        } finally {
            probe.release();
        }
        awaitRebuilt(List.of("members", RebuildProbe.NAME));

        JsonNode last = status("members").path("lastRebuild");
        assertThat(last.path("outcome").asText()).isEqualTo("GIVEN_UP");
        assertThat(last.path("reason").asText()).isEqualTo("cancelled");
        assertThat(members().status()).isEqualTo(200);
        assertThat(members().body()).isEqualTo(before.body());
        assertThat(viewTables()).isEqualTo(tablesBefore);
        assertThat(noShadowsLeft()).isTrue();
        assertThat(processing.eventProcessor("members", EventProcessor.class).orElseThrow().isRunning()).isTrue();
        assertThat(api.asAdmin(HttpMethod.DELETE, "/api/admin/projections/members/replay", null).status()).isEqualTo(404);
    }

    @Test
    void aRebuildThatFailsOnAnEventIsGivenUpNamingItAndTheLiveViewRunsOn() {
        join("Carla Smit", "carla@shadow.example", "75.00");
        Map<String, List<Map<String, Object>>> tablesBefore = viewTables();
        probe.failingInRebuildFor.add(cooperative);
        try {
            assertThat(api.asAdmin(HttpMethod.POST, "/api/admin/projections/" + RebuildProbe.NAME + "/replay", null).status())
                    .isEqualTo(202);
            awaitRebuilt(List.of(RebuildProbe.NAME));
        } finally {
            probe.failingInRebuildFor.clear();
        }

        JsonNode last = status(RebuildProbe.NAME).path("lastRebuild");
        assertThat(last.path("outcome").asText()).isEqualTo("GIVEN_UP");
        assertThat(last.path("reason").asText()).contains("the view " + RebuildProbe.NAME + " failed on event", "MemberJoined",
                "fails on purpose");
        assertThat(viewTables()).isEqualTo(tablesBefore);
        assertThat(noShadowsLeft()).isTrue();
        assertThat(join("Dirk Bos", "dirk@shadow.example", "75.00").status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rebuild_probe_members WHERE cooperative_id = CAST(? AS UUID)")
                .param(cooperative).query(Long.class).single()).as("the founder, Carla and Dirk").isEqualTo(3);
    }

    private static void record(List<String> failures, String what, Response response) {
        if (response.status() >= 400) {
            synchronized (failures) {
                failures.add(what + " " + response.status() + " " + response.body());
            }
        }
    }

    private Response members() {
        return api.asAdmin(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/members", null);
    }

    private JsonNode status(String view) {
        return api.asAdmin(HttpMethod.GET, "/api/admin/projections/" + view, null).body();
    }

    private void awaitRebuilt(java.util.Collection<String> names) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                names.stream().noneMatch(view -> status(view).path("replaying").asBoolean(true)));
    }

    /** Every row of every view's tables, in a fixed order. */
    private Map<String, List<Map<String, Object>>> viewTables() {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        views.of(views.names()).forEach(view -> view.tables().forEach(table -> {
            int columns = jdbc.sql("SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) = ? "
                    + "AND table_schema = 'PUBLIC'").param(table).query(Integer.class).single();
            String order = IntStream.rangeClosed(1, columns).mapToObj(String::valueOf).collect(Collectors.joining(", "));
            all.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY " + order).query().listOfRows());
        }));
        return all;
    }

    private boolean noShadowsLeft() {
        return jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) LIKE '%\\_\\_%' ESCAPE '\\' "
                + "OR LOWER(table_schema) LIKE 'view\\_%' ESCAPE '\\'").query(Long.class).single() == 0;
    }
}
