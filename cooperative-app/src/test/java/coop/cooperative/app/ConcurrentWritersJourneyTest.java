package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes with writers at once: events of several requests commit in another order than
 * the store numbered them, so a view may read past a request's event before it commits. Every
 * answer must still show its own write, and so must the writer's next read.
 */
class ConcurrentWritersJourneyTest extends HttpJourney {

    private static final int WRITERS = 8;
    private static final int COSTS_EACH = 20;

    @Test
    void eightWritersAtOnceEachReadEveryCostTheyShared() throws Exception {
        List<String> cooperatives = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            cooperatives.add(api.asAdmin(HttpMethod.POST, "/api/cooperatives",
                    "{\"name\": \"Writers " + i + "\", \"currency\": \"EUR\"}").text("cooperativeId"));
        }
        List<Callable<List<Integer>>> writers = new ArrayList<>();
        for (String cooperative : cooperatives) {
            writers.add(() -> shareAndReadBack(cooperative));
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (Future<List<Integer>> statuses : pool.invokeAll(writers)) {
                assertThat(statuses.get()).hasSize(2 * COSTS_EACH).containsOnly(200, 201);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String cooperative : cooperatives) {
            assertThat(api.asAdmin(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/costs", null).body())
                    .hasSize(COSTS_EACH);
        }
    }

    /** Shares costs one after the other, reading each back at once; the statuses of both. */
    private List<Integer> shareAndReadBack(String cooperative) {
        Api writer = new Api(http);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < COSTS_EACH; i++) {
            Response shared = writer.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/costs", """
                    {"description": "Cost %d", "amount": "12.34", "date": "%s", "category": "software",
                     "split": {"method": "EQUAL"}}""".formatted(i, TestClock.today()));
            statuses.add(shared.status());
            statuses.add(writer.asAdmin(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/costs/"
                    + shared.text("costId"), null).status());
        }
        return statuses;
    }
}
