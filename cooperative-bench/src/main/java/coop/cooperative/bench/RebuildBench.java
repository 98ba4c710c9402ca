package coop.cooperative.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.cooperative.bench.Benchmark.Figure;
import coop.cooperative.core.shared.CooperativeId;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import org.axonframework.eventhandling.StreamingEventProcessor;
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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeMap;
import java.util.UUID;
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
    private int lastCount;

    RebuildBench(String db, ConfigurableApplicationContext app, Duration limit, List<Figure> figures) {
        this.db = db;
        this.app = app;
        this.limit = limit;
        this.figures = figures;
    }

    /**
     * The rebuild figures on a filled store: the ledger alone against its JDBC reference, the
     * handover pause of a running view, and every view in one pass while treasurers read their
     * books over HTTP (or only the views named in {@code only}).
     */
    void measure(List<StreamingEventProcessor> projections, long head, List<CooperativeId> filled, double select,
                 double lines, Set<String> only) throws Exception {
        if (!only.isEmpty()) {
            Rebuilt some = rebuild(List.copyOf(only));
            figures.add(new Figure(db, "rebuild " + only + " in one pass, events/s", some.perSecond(), "events/s"));
        } else {
            Map<String, StreamingEventProcessor> byName = projections.stream()
                    .collect(Collectors.toMap(StreamingEventProcessor::getName, p -> p));
            // The ledger alone, its live view stopped as after the fill: against plain JDBC writing its lines.
            Rebuilt ledger = rebuild(List.of("ledger"));
            figures.add(new Figure(db, "ledger rebuilt alone, events/s", ledger.perSecond(), "events/s"));
            figures.add(new Figure(db, "ratio ledger rebuild/JDBC ledger reference", ledger.perSecond() / (lines / 6.5), "x"));
            startCaughtUp(byName.get("ledger"), head);
            // The members (whose roles the sign-in checks) likewise, and again with their live view
            // running from the head the first handed over: how long a handover pauses a live view.
            rebuild(List.of("members"));
            startCaughtUp(byName.get("members"), head);
            Rebuilt membersLive = rebuild(List.of("members"));
            figures.add(new Figure(db, "handover: the running members view paused, ms", millis(membersLive.pauseMillis()), "ms"));
            // Every view in one pass while the treasurers of filled cooperatives read their books from
            // the live views over HTTP.
            Rebuilt allViews = rebuildAllWhileReading(signInAsTreasurer(filled));
            figures.add(new Figure(db, "rebuild of all " + viewCount() + " views in one pass, " + allViews.outcome()
                    + ", seconds", allViews.seconds(), "s"));
            figures.add(new Figure(db, "rebuild of all views, events read", allViews.events(), "events"));
            figures.add(new Figure(db, "rebuild of all views, events/s", allViews.perSecond(), "events/s"));
            figures.add(new Figure(db, "ratio rebuild of all views/plain SELECT", allViews.perSecond() / select, "x"));
            figures.add(new Figure(db, "handover of all views: live views paused, ms", millis(allViews.pauseMillis()), "ms"));
        }
    }

    private static void startCaughtUp(StreamingEventProcessor processor, long head) {
        processor.start();
        StoreBench.awaitCaughtUp(List.of(processor), head, Duration.ofMinutes(1), Duration.ofMillis(20));
    }

    private static double millis(Long millis) {
        return millis == null ? Double.NaN : millis;
    }

    /** A rebuild's size and time, from the request until the handover. */
    record Rebuilt(long events, double seconds, Long pauseMillis, String outcome) {
        double perSecond() {
            return events / seconds;
        }
    }

    /**
     * Rebuilds these views (all when empty) in one pass, asked as the administrator asks over HTTP,
     * and follows it there until the handover; the bench only compiles against the application's
     * API, not its classes (its jar is repackaged).
     */
    Rebuilt rebuild(List<String> views) throws Exception {
        String query = views.stream().map(view -> "views=" + view).reduce((a, b) -> a + "&" + b).map(q -> "?" + q).orElse("");
        long start = System.nanoTime();
        HttpResponse<String> asked = admin("POST", "/api/admin/projections/replay" + query);
        if (asked.statusCode() != 202) {
            throw new IllegalStateException("rebuild of " + views + ": " + asked.statusCode() + " " + asked.body());
        }
        List<String> names = JSON.readTree(asked.body()).findValuesAsText("name");
        lastCount = names.size();
        // One view's request stands for the pass: all of them go in the handover's transaction.
        String first = "/api/admin/projections/" + names.get(0);
        long deadline = start + limit.toNanos();
        JsonNode status = JSON.readTree(admin("GET", first).body());
        while (status.path("replaying").asBoolean()) {
            if (System.nanoTime() > deadline) {
                long reached = status.path("position").asLong(0);
                admin("DELETE", first + "/replay");
                log(db + ": rebuild of " + names + " cancelled at the limit " + limit + ", at event " + reached);
                return new Rebuilt(reached, limit.toSeconds(), null, "CANCELLED AT LIMIT");
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            status = JSON.readTree(admin("GET", first).body());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // The pause is recorded once the views run again, a moment after the request has gone.
        long pauseDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode last = status.path("lastRebuild");
        while ("DONE".equals(last.path("outcome").asText()) && last.path("pauseMillis").isNull() && System.nanoTime() < pauseDeadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            last = JSON.readTree(admin("GET", first).body()).path("lastRebuild");
        }
        Long pause = last.path("pauseMillis").isNumber() ? last.path("pauseMillis").asLong() : null;
        log(db + ": rebuild of " + names.size() + " view(s) " + last.path("outcome").asText() + ": " + last.path("events").asLong()
                + " events in " + Math.round(seconds) + " s, live views paused " + pause + " ms"
                + (last.path("reason").isTextual() ? " (" + last.path("reason").asText() + ")" : ""));
        return new Rebuilt(last.path("events").asLong(), seconds, pause, last.path("outcome").asText());
    }

    private HttpResponse<String> admin(String method, String path) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((HttpBench.ADMIN + ":" + HttpBench.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic).method(method, BodyPublishers.noBody()).build(), BodyHandlers.ofString());
    }

    private int port() {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * Rebuilds every view while two clients read balances and journal pages of these cooperatives
     * over HTTP, signed in as their treasurer; records the rebuild and what the readers met.
     */
    Rebuilt rebuildAllWhileReading(List<String> cooperatives) throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String bearer = "Bearer " + token(port);
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
            figures.add(new Figure(db, "during a rebuild of all views: " + names[i] + " p50, ms", reads.percentile(0.50), "ms"));
            figures.add(new Figure(db, "during a rebuild of all views: " + names[i] + " p99, ms", reads.percentile(0.99), "ms"));
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

    /** How many views the last rebuild asked for covered. */
    int viewCount() {
        return lastCount;
    }

    /**
     * The administrator's account made the treasurer of up to 20 filled cooperatives (their first
     * member, appointed by the filler), as an invitation accepted would: answers those cooperatives.
     */
    List<String> signInAsTreasurer(List<CooperativeId> filled) {
        JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
        UUID admin = jdbc.sql("SELECT account_id FROM accounts WHERE administrator = TRUE").query(UUID.class).list().get(0);
        List<String> cooperatives = new ArrayList<>();
        for (CooperativeId cooperative : filled.subList(0, Math.min(20, filled.size()))) {
            jdbc.sql("SELECT member_id FROM members WHERE cooperative_id = ? AND roles LIKE '%TREASURER%'")
                    .param(cooperative.value()).query(UUID.class).optional().ifPresent(member -> {
                        jdbc.sql("INSERT INTO member_profiles (member_id, cooperative_id, name, email, account_id) "
                                        + "VALUES (?, ?, ?, ?, ?)")
                                .params(member, cooperative.value(), "Treasurer", "treasurer-" + member + "@bench.example", admin)
                                .update();
                        cooperatives.add(cooperative.toString());
                    });
        }
        if (cooperatives.isEmpty()) {
            throw new IllegalStateException("no filled cooperative has a treasurer in the members view");
        }
        return cooperatives;
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
