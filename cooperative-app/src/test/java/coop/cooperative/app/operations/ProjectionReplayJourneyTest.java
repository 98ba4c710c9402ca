package coop.cooperative.app.operations;

import coop.cooperative.app.Api.Response;
import coop.cooperative.app.HttpJourney;
import coop.cooperative.core.membership.api.MembershipCommands.JoinCooperative;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProjectionReplayJourneyTest extends HttpJourney {

    @Autowired
    ProbeProjection probe;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CommandGateway commands;

    @Test
    void aReplayRebuildsTheMembersViewToTheSameContent() {
        join("Anna de Vries", "anna@replay.example", "80.00");
        String bram = join("Bram Visser", "bram@replay.example", "95.00").text("memberId");
        api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members/" + bram + "/roles",
                "{\"role\": \"TREASURER\"}");
        Response before = members();

        Response replay = api.asAdmin(HttpMethod.POST, "/api/admin/projections/members/replay", null);

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.headers().getLocation()).hasToString("/api/admin/projections/members");
        awaitRebuilt("members");
        Response after = members();
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(before.body().size()).isEqualTo(3);
    }

    @Test
    void aStoppedViewFallsBehindByTheEventsStoredMeanwhileAndCatchesUpWhenStarted() {
        EventProcessor processor = processing.eventProcessor(ProbeProjection.NAME).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("cooperative.projection.behind") == 0.0);
        processor.shutDown();
        try {
            // Straight to the command bus: an answer over HTTP would wait for the stopped view.
            for (String email : List.of("carla@replay.example", "dirk@replay.example")) {
                commands.sendAndWait(new JoinCooperative(CooperativeId.of(cooperative), MemberId.random(), email,
                        List.of("ux"), Money.of("70.00", Currency.getInstance("EUR")), LocalDate.of(2026, 2, 1)));
            }

            assertThat(gauge("cooperative.projection.behind")).isGreaterThanOrEqualTo(2.0);
        } finally {
            processor.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("cooperative.projection.behind") == 0.0);
    }

    /** A node that never lets go of a segment (here a made-up one whose claim looks fresh) must not keep a view stopped. */
    @Test
    void aRebuildWhoseSegmentsStayHeldElsewhereIsGivenUpAtTheHandoverAndTheViewRunsOnAsItWas() {
        join("Fenna Bos", "fenna@replay.example", "70.00");
        Response before = members();
        String held = "UPDATE token_entry SET owner = ?, timestamp = ? WHERE processor_name = ? AND segment = 0";
        jdbc.sql(held).params("a-node-that-never-lets-go", "2999-01-01T00:00:00Z", "members").update();
        try {
            assertThat(api.asAdmin(HttpMethod.POST, "/api/admin/projections/members/replay", null).status()).isEqualTo(202);

            awaitRebuilt("members");
            Response status = status("members");
            assertThat(status.body().path("lastRebuild").path("outcome").asText()).isEqualTo("GIVEN_UP");
            assertThat(status.body().path("lastRebuild").path("reason").asText()).contains("did not let go");
            assertThat(processing.eventProcessor("members", EventProcessor.class).orElseThrow().isRunning()).isTrue();
            assertThat(members().body()).isEqualTo(before.body());
        } finally {
            jdbc.sql("UPDATE token_entry SET owner = NULL WHERE processor_name = ? AND owner = ?")
                    .params("members", "a-node-that-never-lets-go").update();
        }
    }

    @Test
    void theAdministratorSeesEveryProjectionWithItsState() {
        Response all = api.asAdmin(HttpMethod.GET, "/api/admin/projections", null);

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().findValuesAsText("name")).contains("members", "ledger", "shared-costs", "risk-pool");
        all.body().forEach(p -> assertThat(p.path("state").asText()).isIn("RUNNING", "STOPPED", "ERROR"));
    }

    @Test
    void anUnknownProjectionIsNotFoundAPolicyIsNeverReplayedAndOnlyTheAdministratorMayReplay() {
        joinWithLogin("Kees Prins", "kees.replay@replay.example", "kees-secret-password");

        assertThat(api.asAdmin(HttpMethod.POST, "/api/admin/projections/nothing/replay", null).status()).isEqualTo(404);
        for (String policy : List.of("assignments-on-leaving", "risk-pool-leavers", "notifications")) {
            assertThat(api.asAdmin(HttpMethod.POST, "/api/admin/projections/" + policy + "/replay", null).status())
                    .as("%s acts on events rather than showing them: never replayed", policy).isEqualTo(409);
        }
        assertThat(api.asAdmin(HttpMethod.POST, "/api/admin/projections/" + ProbeProjection.NAME + "/replay", null).status())
                .as("a view with no tables of its own cannot be rebuilt beside itself").isEqualTo(409);
        assertThat(api.asAdmin(HttpMethod.POST, "/api/admin/projections/replay?views=members&views=notifications", null)
                .status()).as("refused as a whole").isEqualTo(409);
        assertThat(status("members").body().path("replaying").asBoolean()).isFalse();
        assertThat(api.post("/api/admin/projections/members/replay", null, "kees.replay@replay.example", "kees-secret-password")
                .status()).isEqualTo(403);
    }

    private Response members() {
        return api.asAdmin(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/members", null);
    }

    private Response status(String name) {
        return api.asAdmin(HttpMethod.GET, "/api/admin/projections/" + name, null);
    }

    private void awaitRebuilt(String name) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !status(name).body().path("replaying").asBoolean(true));
    }

    private double gauge(String name) {
        return meters.get(name).tag("processing_group", ProbeProjection.NAME).gauge().value();
    }
}
