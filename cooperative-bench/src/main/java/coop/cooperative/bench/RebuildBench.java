package coop.cooperative.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.cooperative.app.rebuild.RebuildRequests.Outcome;
import coop.cooperative.app.rebuild.ShadowRebuilds;
import coop.cooperative.bench.Benchmark.Figure;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static coop.cooperative.bench.Benchmark.log;

/**
 * Rebuilds of the views beside the live ones, as the administrator asks for them: all views in one
 * pass, and the ledger alone, each timed from the request until the handover is done. During a
 * rebuild of all views, two clients read balances and journal pages over HTTP, as members and the
 * treasurer would, from the live views: every answer's status and time is kept.
 */
final class RebuildBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String db;
    private final ConfigurableApplicationContext app;
    private final Duration limit;
    private final List<Figure> figures;

    RebuildBench(String db, ConfigurableApplicationContext app, Duration limit, List<Figure> figures) {
        this.db = db;
        this.app = app;
        this.limit = limit;
        this.figures = figures;
    }

    /** A rebuild's size and time, from the request until the handover. */
    record Rebuilt(long events, double seconds, Long pauseMillis, String outcome) {
        double perSecond() {
            return events / seconds;
        }
    }

    /** Rebuilds these views (all when empty) in one pass and waits for the handover. */
    Rebuilt rebuild(List<String> views) {
        ShadowRebuilds rebuilds = app.getBean(ShadowRebuilds.class);
        List<String> names = views.isEmpty() ? List.copyOf(rebuilds.rebuildable()) : views;
        long head = app.getBean(EventStore.class).createHeadToken().position().orElse(-1);
        long start = System.nanoTime();
        if (!rebuilds.request(names, head)) {
            throw new IllegalStateException("a rebuild of " + names + " is under way already");
        }
        long deadline = start + limit.toNanos();
        while (names.stream().anyMatch(name -> rebuilds.current(name).isPresent())) {
            if (System.nanoTime() > deadline) {
                long reached = rebuilds.current(names.get(0)).map(r -> r.position() == null ? 0 : r.position()).orElse(0L);
                names.forEach(rebuilds::cancel);
                log(db + ": rebuild of " + names + " cancelled at the limit " + limit + ", at event " + reached);
                return new Rebuilt(reached, limit.toSeconds(), null, "CANCELLED AT LIMIT");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Outcome outcome = rebuilds.lastOutcome(names.get(0)).orElseThrow();
        log(db + ": rebuild of " + names.size() + " view(s) " + outcome.outcome() + ": " + outcome.events() + " events in "
                + Math.round(seconds) + " s, live views paused " + outcome.pauseMillis() + " ms"
                + (outcome.reason() == null ? "" : " (" + outcome.reason() + ")"));
        return new Rebuilt(outcome.events(), seconds, outcome.pauseMillis(), outcome.outcome());
    }

    /**
     * Rebuilds every view while two clients read balances and journal pages of these cooperatives
     * over HTTP; records the rebuild and what the readers met.
     */
    Rebuilt rebuildAllWhileReading() throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String bearer = "Bearer " + token(port);
        List<String> cooperatives = booksToRead(port, bearer);
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        List<Future<Reads>> reading = new ArrayList<>();
        for (String path : List.of("/balances", "/ledger?size=50")) {
            reading.add(readers.submit(() -> read(port, bearer, cooperatives, path, rebuilding)));
        }
        Rebuilt rebuilt;
        try {
            rebuilt = rebuild(List.of());
        } finally {
            rebuilding.set(false);
        }
        String[] names = {"balances", "journal page (50 lines)"};
        for (int i = 0; i < names.length; i++) {
            Reads reads = reading.get(i).get();
            figures.add(new Figure(db, "during a rebuild of all views: " + names[i] + " answers", reads.latencies().size(), "answers"));
            figures.add(new Figure(db, "during a rebuild of all views: " + names[i] + " 503 answers", reads.unavailable(), "answers"));
            figures.add(new Figure(db, "during a rebuild of all views: " + names[i] + " other errors", reads.otherErrors(), "answers"));
            figures.add(new Figure(db, "during a rebuild of all views: " + names[i] + " p99, ms", reads.percentile(0.99), "ms"));
            figures.add(new Figure(db, "during a rebuild of all views: " + names[i] + " p50, ms", reads.percentile(0.50), "ms"));
            log(db + ": during the rebuild " + names[i] + ": " + reads.latencies().size() + " answers, " + reads.unavailable()
                    + " x 503, " + reads.otherErrors() + " other errors " + reads.statuses() + ", p99 "
                    + String.format("%.1f", reads.percentile(0.99)) + " ms");
        }
        readers.shutdown();
        return rebuilt;
    }

    private record Reads(List<Long> latencies, long unavailable, long otherErrors, Map<Integer, Integer> statuses) {
        double percentile(double p) {
            return latencies.isEmpty() ? Double.NaN
                    : latencies.get((int) Math.min(latencies.size() - 1, Math.floor(p * latencies.size()))) / 1e6;
        }
    }

    private static Reads read(int port, String bearer, List<String> cooperatives, String path, AtomicBoolean rebuilding)
            throws Exception {
        List<Long> latencies = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        while (rebuilding.get()) {
            String cooperative = cooperatives.get(ThreadLocalRandom.current().nextInt(cooperatives.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cooperatives/"
                    + cooperative + path)).timeout(Duration.ofSeconds(60)).header("Authorization", bearer).GET().build();
            long before = System.nanoTime();
            HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString());
            latencies.add(System.nanoTime() - before);
            statuses.merge(response.statusCode(), 1, Integer::sum);
        }
        Collections.sort(latencies);
        long unavailable = statuses.getOrDefault(503, 0);
        long errors = statuses.entrySet().stream().filter(s -> s.getKey() != 200 && s.getKey() != 503)
                .mapToLong(Map.Entry::getValue).sum();
        return new Reads(latencies, unavailable, errors, statuses);
    }

    /**
     * Two cooperatives founded over HTTP by the administrator (their treasurer, as founder), each with
     * 30 costs shared and approved: books the reader may read, in tables that hold the whole store.
     */
    private static List<String> booksToRead(int port, String bearer) throws Exception {
        List<String> cooperatives = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String cooperative = post(port, "/api/cooperatives", "{\"name\": \"Rebuild bench " + i + "\", \"currency\": \"EUR\"}",
                    bearer, 201).get("cooperativeId").asText();
            for (int c = 0; c < 30; c++) {
                String cost = post(port, "/api/cooperatives/" + cooperative + "/costs", "{\"description\": \"Rent " + c
                        + "\", \"amount\": \"" + (100 + c) + ".00\", \"date\": \"" + java.time.LocalDate.now()
                        + "\", \"category\": \"rent\", \"split\": {\"method\": \"EQUAL\"}}", bearer, 201).get("costId").asText();
                post(port, "/api/cooperatives/" + cooperative + "/costs/" + cost + "/approve", "", bearer, 200);
            }
            cooperatives.add(cooperative);
        }
        return cooperatives;
    }

    private static JsonNode post(int port, String path, String body, String authorization, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String token(int port) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((HttpBench.ADMIN + ":" + HttpBench.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"name\": \"rebuild bench " + System.nanoTime() + "\"}")).build(),
                BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("a token for the bench: " + response.statusCode() + " " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return body.get("token").asText();
    }
}
