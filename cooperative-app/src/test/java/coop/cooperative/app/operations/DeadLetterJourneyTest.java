package coop.cooperative.app.operations;

import com.fasterxml.jackson.databind.JsonNode;
import coop.cooperative.app.Api.Response;
import coop.cooperative.app.HttpJourney;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadLetterJourneyTest extends HttpJourney {

    private static final String LETTERS = "/api/admin/dead-letters";

    @Autowired
    ProbeProjection probe;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void fixTheProbe() {
        probe.failingFor.remove(cooperative);
    }

    @Test
    void aFailingEventIsParkedWithItsSequenceOthersGoOnAndARetryAfterTheFixHandlesIt() {
        String founder = probe.seen(cooperative).get(0);
        double parkedBefore = parked();
        probe.failingFor.add(cooperative);

        String anna = join("Anna de Vries", "anna@letters.example", "80.00").text("memberId");
        String bram = join("Bram Visser", "bram@letters.example", "80.00").text("memberId");
        String other = api.asAdmin(HttpMethod.POST, "/api/cooperatives", "{\"name\": \"De Ander\", \"currency\": \"EUR\"}")
                .text("cooperativeId");

        // Anna's event failed and is parked; Bram's waits behind it (same cooperative, same order).
        List<JsonNode> letters = lettersOf(cooperative);
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).path("eventType").asText()).isEqualTo("MemberJoined");
        assertThat(letters.get(0).path("causeMessage").asText()).contains("fails on purpose");
        assertThat(letters).extracting(l -> l.path("index").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(probe.seen(cooperative)).containsExactly(founder);
        assertThat(parked()).isEqualTo(parkedBefore + 2);
        // Another cooperative's events were handled meanwhile.
        await().until(() -> probe.seen(other).size() == 1);

        probe.failingFor.remove(cooperative);
        Response retried = api.asAdmin(HttpMethod.POST,
                LETTERS + "/" + ProbeProjection.NAME + "/" + letters.get(0).path("id").asText() + "/retry", null);

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().path("sequencesHandled").asInt()).isEqualTo(1);
        assertThat(probe.seen(cooperative)).containsExactly(founder, anna, bram);
        assertThat(lettersOf(cooperative)).isEmpty();
        assertThat(parked()).isEqualTo(parkedBefore);
    }

    @Test
    void anEvictedLetterIsDroppedAndTheSequenceGoesOn() {
        String founder = probe.seen(cooperative).get(0);
        probe.failingFor.add(cooperative);
        join("Carla Smit", "carla@letters.example", "80.00");
        String letter = lettersOf(cooperative).get(0).path("id").asText();

        Response evicted = api.asAdmin(HttpMethod.DELETE, LETTERS + "/" + ProbeProjection.NAME + "/" + letter, null);
        probe.failingFor.remove(cooperative);
        String dirk = join("Dirk Bakker", "dirk@letters.example", "80.00").text("memberId");

        assertThat(evicted.status()).isEqualTo(204);
        assertThat(lettersOf(cooperative)).isEmpty();
        assertThat(probe.seen(cooperative)).containsExactly(founder, dirk);
        assertThat(api.asAdmin(HttpMethod.DELETE, LETTERS + "/" + ProbeProjection.NAME + "/" + letter, null).status())
                .isEqualTo(404);
    }

    @Test
    void aRetryThatFailsAgainKeepsTheLetterParked() {
        probe.failingFor.add(cooperative);
        join("Eva Mulder", "eva@letters.example", "80.00");

        Response retried = api.asAdmin(HttpMethod.POST, LETTERS + "/" + ProbeProjection.NAME + "/retry", null);

        assertThat(retried.status()).isEqualTo(200);
        assertThat(lettersOf(cooperative)).hasSize(1);
    }

    @Test
    void onlyTheInstallationAdministratorSeesDeadLetters() {
        joinWithLogin("Kees Prins", "kees.letters@letters.example", "kees-secret-password");

        assertThat(api.get(LETTERS, "kees.letters@letters.example", "kees-secret-password").status()).isEqualTo(403);
        assertThat(api.get(LETTERS, null, null).status()).isEqualTo(401);
    }

    private List<JsonNode> lettersOf(String sequence) {
        Response all = api.asAdmin(HttpMethod.GET, LETTERS + "?projection=" + ProbeProjection.NAME, null);
        assertThat(all.status()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        all.body().forEach(l -> {
            if (l.path("sequence").asText().equals(sequence)) {
                letters.add(l);
            }
        });
        return letters;
    }

    private double parked() {
        return meters.get("cooperative.dead_letters").tag("processing_group", ProbeProjection.NAME).gauge().value();
    }
}
