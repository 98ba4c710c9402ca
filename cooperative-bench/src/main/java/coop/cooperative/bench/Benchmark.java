package coop.cooperative.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.cooperative.core.costs.api.CostApproved;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.CostShared;
import coop.cooperative.core.costs.api.Share;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.membership.api.CooperativeFounded;
import coop.cooperative.core.membership.api.MemberJoined;
import coop.cooperative.core.membership.api.MembershipCommands.FoundCooperative;
import coop.cooperative.core.membership.api.MembershipCommands.JoinCooperative;
import coop.cooperative.core.membership.api.Policies;
import coop.cooperative.core.projects.api.AssignmentId;
import coop.cooperative.core.projects.api.AssignmentRole;
import coop.cooperative.core.projects.api.MemberAssigned;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.projects.api.ProjectRegistered;
import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.books.BookQueries.Balances;
import coop.cooperative.projections.books.BookQueries.FindBalances;
import coop.cooperative.projections.books.BookQueries.FindJournal;
import coop.cooperative.projections.books.BookQueries.JournalPage;
import coop.cooperative.projections.continuity.ContinuityQueries.ContinuityReport;
import coop.cooperative.projections.continuity.ContinuityQueries.FindContinuity;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Revision;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The figures of docs/performance.md, for each database in turn: the application runs in this JVM
 * (as it would on a node), commands go through its command gateway, the raw limit is plain JDBC
 * on a table shaped like the event store, the store is then filled to {@code bench.events} events
 * and every projection is rebuilt from it, and the queries are timed at that size.
 */
public final class Benchmark {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final String APPLICATION = "coop.cooperative.app.CooperativeApplication";
    /** Event handlers that send commands (policies): never replayed, so stopped while the bench fills the store. */
    private static final Set<String> POLICIES = Set.of("assignments-on-leaving", "risk-pool-leavers");
    /** The projections to rebuild (-Dbench.projections=ledger,members); all of them when empty. */
    private static final Set<String> ONLY = Arrays.stream(System.getProperty("bench.projections", "").split(","))
            .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toSet());
    /**
     * What to measure (-Dbench.sections=http,store): the API over HTTP as its users meet it, and the
     * store (commands through the gateway, the raw JDBC limit, filling the store and rebuilding the views).
     */
    private static final Set<String> SECTIONS = Arrays.stream(System.getProperty("bench.sections", "http,store").split(","))
            .map(String::trim).collect(Collectors.toSet());
    /** Cooperatives the commands are spread over: each gains about 25 members in the command runs. */
    private static final int COOPERATIVES_FOR_COMMANDS = 2_000;
    /** Commands (and JDBC rows) sent before each measured rate, so it is the rate of a warm JVM. */
    private static final int WARM_UP = 2_000;
    private static final int EVENTS_PER_COOPERATIVE = 2_000;
    private static final int MEMBERS_PER_COOPERATIVE = 10;
    private static final int QUERY_SAMPLES = 500;
    private static final int QUERY_WARM_UP = 100;

    private final long events;
    private final int commands;
    private final Duration replayLimit;
    private final List<Figure> figures = new ArrayList<>();

    private Benchmark(long events, int commands, Duration replayLimit) {
        this.events = events;
        this.commands = commands;
        this.replayLimit = replayLimit;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        long events = Long.getLong("bench.events", 1_000_000);
        int commands = Integer.getInteger("bench.commands", 20_000);
        List<String> databases = Arrays.asList(System.getProperty("bench.databases", "h2,postgres").split(","));
        Path out = Path.of(System.getProperty("bench.out", "bench")).toAbsolutePath();
        Files.createDirectories(out);

        Duration replayLimit = Duration.parse(System.getProperty("bench.replay-limit", "PT2M"));
        Benchmark bench = new Benchmark(events, commands, replayLimit);
        HeapSampler.start();
        long started = System.nanoTime();
        for (String database : databases) {
            bench.run(database.trim(), out);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        String table = Report.table(bench.figures);
        System.out.println();
        System.out.println("Cooperative benchmark: " + events + " events, " + commands + " commands per run, "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, took " + took.toSeconds() + " s");
        System.out.println(table);
        Report.csv(bench.figures, out.resolve("results.csv"));
        Report.chart(bench.figures, out.resolve("results.png"));
        Files.writeString(out.resolve("results.md"), table);
        System.out.println("Written: " + out.resolve("results.csv") + ", " + out.resolve("results.png"));
        System.exit(0);
    }

    private void run(String database, Path out) throws Exception {
        log(database + ": starting");
        try (Database db = Database.start(database, out)) {
            ConfigurableApplicationContext app = db.application();
            try {
                if (SECTIONS.contains("http")) {
                    new HttpBench(db.name(), Integer.parseInt(app.getEnvironment().getProperty("local.server.port")),
                            Duration.ofSeconds(Long.getLong("bench.http-warm-up-seconds", 5)),
                            Duration.ofSeconds(Long.getLong("bench.http-seconds", 20)), figures).measure();
                }
                if (SECTIONS.contains("store")) {
                    measure(db.name(), app);
                }
            } finally {
                app.close();
            }
        }
    }

    private void measure(String db, ConfigurableApplicationContext app) throws Exception {
        CommandGateway gateway = app.getBean(CommandGateway.class);
        DataSource dataSource = app.getBean(DataSource.class);
        ObjectMapper json = (ObjectMapper) app.getBean("defaultAxonObjectMapper");
        LocalDate today = LocalDate.now();

        // Commands through the gateway: each a member joining one of many cooperatives (one event each).
        List<CooperativeId> cooperatives = Stream.generate(CooperativeId::random).limit(COOPERATIVES_FOR_COMMANDS).toList();
        throughput(8, cooperatives.size(), i -> gateway.sendAndWait(new FoundCooperative(cooperatives.get(i), "Bench " + i,
                EUR, MemberId.random(), "founder" + i + "@bench.example", List.of(), Money.zero(EUR), today)));
        throughput(8, WARM_UP, k -> gateway.sendAndWait(new JoinCooperative(cooperatives.get(k % cooperatives.size()),
                MemberId.random(), "w-" + k + "@bench.example", List.of("devops"), Money.of("80.00", EUR), today)));
        for (int clients : new int[]{1, 8}) {
            int total = clients == 1 ? commands / 2 : commands;
            double rate = throughput(clients, total, k -> gateway.sendAndWait(new JoinCooperative(
                    cooperatives.get(k % cooperatives.size()), MemberId.random(),
                    "m" + clients + "-" + k + "@bench.example", List.of("devops"), Money.of("80.00", EUR), today)));
            figures.add(new Figure(db, "commands/s, " + clients + (clients == 1 ? " client" : " clients"), rate, "cmd/s"));
            log(db + ": " + Math.round(rate) + " commands/s with " + clients + " client(s)");
        }

        // A member's write as the API answers it: the command, then every view showing it (read-your-writes).
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        EventStore eventStore = app.getBean(EventStore.class);
        List<StreamingEventProcessor> all = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        awaitCaughtUp(all, eventStore.createHeadToken().position().orElse(0), Duration.ofMinutes(1), Duration.ofMillis(20));
        Supplier<Long> writeThenRead = () -> {
            gateway.sendAndWait(new JoinCooperative(pick(cooperatives), MemberId.random(),
                    "r-" + UUID.randomUUID() + "@bench.example", List.of("devops"), Money.of("80.00", EUR), today));
            return awaitCaughtUp(all, eventStore.createHeadToken().position().orElse(0), Duration.ofMinutes(1),
                    Duration.ofMillis(1));
        };
        // As a member clicking meets it, after a quiet moment; and as a script meets it, one write after another.
        latency(db, "command after a quiet second, then every view shows it", 2, 30, Duration.ofSeconds(1), writeThenRead);
        latency(db, "command right after the last, then every view shows it", 10, 100, Duration.ZERO, writeThenRead);

        // The same without the projections running beside the commands: what the command path alone costs.
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        double alone = throughput(8, commands, k -> gateway.sendAndWait(new JoinCooperative(
                cooperatives.get(k % cooperatives.size()), MemberId.random(),
                "p8-" + k + "@bench.example", List.of("devops"), Money.of("80.00", EUR), today)));
        figures.add(new Figure(db, "commands/s, 8 clients, projections paused", alone, "cmd/s"));
        log(db + ": " + Math.round(alone) + " commands/s with 8 clients, projections paused");

        // The raw limit: plain JDBC inserting the same rows into a table shaped like the event store.
        byte[] payload = json.writeValueAsBytes(new MemberJoined(cooperatives.get(0), MemberId.random(), "f".repeat(64),
                List.of("devops"), Money.of("80.00", EUR), today));
        RawInserts raw = new RawInserts(dataSource, payload);
        raw.createTable();
        throughput(8, WARM_UP, k -> raw.insert(1));
        for (int threads : new int[]{1, 8}) {
            int total = threads == 1 ? commands / 2 : commands;
            double rate = throughput(threads, total, k -> raw.insert(1));
            figures.add(new Figure(db, "JDBC rows/s, 1 row per tx, " + threads + (threads == 1 ? " thread" : " threads"), rate, "rows/s"));
            log(db + ": JDBC " + Math.round(rate) + " rows/s, one per transaction, " + threads + " thread(s)");
        }
        double batched = throughput(1, commands / 100, k -> raw.insert(100)) * 100;
        figures.add(new Figure(db, "JDBC rows/s, 100 rows per tx, 1 thread", batched, "rows/s"));
        raw.dropTable();
        figures.add(new Figure(db, "ratio commands/JDBC, 1 client", value(db, "commands/s, 1 client")
                / value(db, "JDBC rows/s, 1 row per tx, 1 thread"), "x"));
        figures.add(new Figure(db, "ratio commands/JDBC, 8 clients", value(db, "commands/s, 8 clients")
                / value(db, "JDBC rows/s, 1 row per tx, 8 threads"), "x"));

        // Fill the store to the requested size (projections still paused), then rebuild every projection from it.
        EventFiller filler = new EventFiller(dataSource, json);
        List<CooperativeId> filled = filler.fill(events, today);
        long head = eventStore.createHeadToken().position().orElse(0);
        long stored = head + 1;
        log(db + ": store holds " + stored + " events; replaying all projections");

        double select = new PlainRead(dataSource, json).eventsPerSecond();
        figures.add(new Figure(db, "plain SELECT + JSON parse, events/s", select, "events/s"));
        double lines = new RawLedgerLines(dataSource).linesPerSecond(20_000);
        figures.add(new Figure(db, "JDBC ledger lines/s, 1,300 per tx, 1 thread", lines, "rows/s"));
        // Half the filled events are approvals, which post 13 lines each.
        figures.add(new Figure(db, "ledger rebuild at that speed (6.5 lines per event), events/s", lines / 6.5, "events/s"));

        List<StreamingEventProcessor> projections = processing.eventProcessors().entrySet().stream()
                .filter(e -> !POLICIES.contains(e.getKey()))
                .filter(e -> ONLY.isEmpty() || ONLY.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::supportsReset)
                .toList();
        long replayStart = System.nanoTime();
        for (StreamingEventProcessor processor : projections) {
            processor.resetTokens();
            processor.start();
        }
        long replayed = awaitCaughtUp(projections, head, replayLimit, Duration.ofMillis(20)) + 1;
        double replaySeconds = (System.nanoTime() - replayStart) / 1e9;
        figures.add(new Figure(db, "replay all " + projections.size() + " projections, seconds", replaySeconds, "s"));
        figures.add(new Figure(db, "replay, events rebuilt (all projections)", replayed, "events"));
        figures.add(new Figure(db, "replay, events/s", replayed / replaySeconds, "events/s"));
        figures.add(new Figure(db, "ratio replay/plain SELECT", replayed / replaySeconds / select, "x"));
        log(db + ": replayed " + replayed + " of " + stored + " events in " + Math.round(replaySeconds) + " s"
                + (replayed < stored ? " (stopped at the time limit " + replayLimit + "; the queries below ran on views rebuilt that far)" : ""));
        // The queries are timed on a settled application, as a member meets it, not against a running rebuild.
        projections.forEach(StreamingEventProcessor::shutDown);

        // Queries at that size, on filled cooperatives whose events every view has handled: so each
        // answer reads a cooperative's whole history (2,000 events) even when the rebuild was cut short.
        List<CooperativeId> rebuilt = filler.rebuiltUpTo(filled, replayed - 1);
        log(db + ": timing queries on " + rebuilt.size() + " of " + filled.size() + " filled cooperatives (those rebuilt in full)");
        List<CooperativeId> asked = rebuilt.isEmpty() ? filled : rebuilt;
        QueryGateway queries = app.getBean(QueryGateway.class);
        latency(db, "balances", () -> queries.query(new FindBalances(pick(asked), today, EUR), Balances.class).join());
        latency(db, "journal page (50 lines)", () -> queries.query(new FindJournal(pick(asked), null, null, null, null,
                ThreadLocalRandom.current().nextInt(10), 50), JournalPage.class).join());
        latency(db, "continuity", () -> queries.query(new FindContinuity(pick(asked), Map.of(), 40, null, true),
                ContinuityReport.class).join());
        // What every processor does when a transaction commits out of order: read on past a gap.
        EventStorageEngine storage = app.getBean(EventStorageEngine.class);
        GapAwareTrackingToken gapped = GapAwareTrackingToken.newInstance(head - 1_000, Set.of(head - 5_000));
        latency(db, "events after a token with a gap (100)", () -> storage.readEvents(gapped, false).limit(100).count());

        memory(db);
    }

    private static CooperativeId pick(List<CooperativeId> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    private double value(String db, String name) {
        return figures.stream().filter(f -> f.database().equals(db) && f.name().equals(name))
                .findFirst().orElseThrow().value();
    }

    interface Task {
        void run(int index) throws Exception;
    }

    /** Runs {@code total} tasks on {@code threads} threads; answers tasks per second. */
    private static double throughput(int threads, int total, Task task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int k = next.getAndIncrement(); k < total; k = next.getAndIncrement()) {
                    task.run(k);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return total / seconds;
    }

    /**
     * Waits until every projection has handled the event at {@code head}, or the limit passed;
     * answers the position that all of them reached.
     */
    private static long awaitCaughtUp(List<StreamingEventProcessor> processors, long head, Duration limit, Duration poll) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!processors.stream().allMatch(p -> caughtUp(p, head))) {
            processors.stream().filter(p -> p.processingStatus().values().stream().anyMatch(s -> s.isErrorState()))
                    .findFirst().ifPresent(p -> {
                        throw new IllegalStateException("projection " + p.getName() + " failed during the replay");
                    });
            if (System.nanoTime() > deadline) {
                processors.forEach(p -> log("  " + p.getName() + " reached event " + reached(p)));
                return processors.stream().mapToLong(Benchmark::reached).min().orElse(-1);
            }
            LockSupport.parkNanos(poll.toNanos());
        }
        return head;
    }

    private static long reached(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        var segments = processor.processingStatus().values();
        return !segments.isEmpty() && segments.stream()
                .allMatch(s -> !s.isReplaying() && s.getCurrentPosition().orElse(-1) >= head);
    }

    private void latency(String db, String query, Supplier<?> ask) {
        latency(db, query, QUERY_WARM_UP, QUERY_SAMPLES, Duration.ZERO, ask);
    }

    /** Times each ask after the given pause, which is not timed. */
    private void latency(String db, String query, int warmUp, int samples, Duration pause, Supplier<?> ask) {
        for (int i = 0; i < warmUp; i++) {
            ask.get();
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            LockSupport.parkNanos(pause.toNanos());
            long start = System.nanoTime();
            ask.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        figures.add(new Figure(db, query + " p50, ms", nanos[nanos.length / 2] / 1e6, "ms"));
        figures.add(new Figure(db, query + " p99, ms", nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6, "ms"));
    }

    private void memory(String db) throws IOException {
        System.gc();
        long usedHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        figures.add(new Figure(db, "heap used after GC (live data), MB", usedHeap / 1048576.0, "MB"));
        figures.add(new Figure(db, "heap used, highest sample, MB", HeapSampler.highest() / 1048576.0, "MB"));
        figures.add(new Figure(db, "resident memory now, MB", rss("VmRSS"), "MB"));
        figures.add(new Figure(db, "resident memory peak (VmHWM), MB", rss("VmHWM"), "MB"));
    }

    private static double rss(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return Double.NaN;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(l -> l.startsWith(field + ":"))
                    .map(l -> l.replaceAll("[^0-9]", ""))
                    .mapToDouble(kb -> Long.parseLong(kb) / 1024.0)
                    .findFirst().orElse(Double.NaN);
        }
    }

    /** Samples the heap in use every 100 ms: the most the application needed at any moment of the run. */
    private static final class HeapSampler {
        private static volatile long highest;

        static void start() {
            Thread sampler = new Thread(() -> {
                while (true) {
                    highest = Math.max(highest, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        static long highest() {
            return highest;
        }
    }

    static void log(String message) {
        System.out.println(Instant.now() + " bench: " + message);
    }

    /** One measured figure of one database. */
    record Figure(String database, String name, double value, String unit) {
    }

    /** The database under test and the application started on it. */
    private static final class Database implements AutoCloseable {

        private final String name;
        private final EmbeddedPostgres postgres;
        private final Path h2;

        private Database(String name, EmbeddedPostgres postgres, Path h2) {
            this.name = name;
            this.postgres = postgres;
            this.h2 = h2;
        }

        static Database start(String name, Path out) throws IOException {
            return switch (name) {
                // Durable commits: zonky turns synchronous_commit off by default, a production server has it on.
                case "postgres" -> new Database(name, EmbeddedPostgres.builder()
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on")
                        .setServerConfig("full_page_writes", "on")
                        .start(), null);
                case "h2" -> new Database(name, null, Files.createTempDirectory(out, "h2-"));
                default -> throw new IllegalArgumentException("unknown database " + name + " (h2 or postgres)");
            };
        }

        String name() {
            return name;
        }

        ConfigurableApplicationContext application() throws ClassNotFoundException {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN", "--cooperative.admin.password=" + HttpBench.ADMIN_PASSWORD,
                    "--spring.datasource.hikari.maximum-pool-size=24"));
            // Application settings to try, e.g. -Dbench.app-args="--cooperative.projections.segments=1".
            String extra = System.getProperty("bench.app-args", "").trim();
            if (!extra.isEmpty()) {
                args.addAll(List.of(extra.split("\\s+")));
            }
            // The app as users run it, plus the CRUD reference the HTTP figures are compared with.
            SpringApplicationBuilder builder = new SpringApplicationBuilder(Class.forName(APPLICATION), CrudReference.class);
            if (postgres != null) {
                builder.profiles("postgres");
                args.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
                args.add("--spring.datasource.username=postgres");
                args.add("--spring.datasource.password=postgres");
            } else {
                args.add("--spring.datasource.url=jdbc:h2:file:" + h2.resolve("cooperative") + ";DB_CLOSE_ON_EXIT=FALSE"
                        + System.getProperty("bench.h2-settings", ";WRITE_DELAY=0")); // as shipped: durable commits
            }
            return builder.run(args.toArray(String[]::new));
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
            if (h2 != null) {
                try (Stream<Path> files = Files.walk(h2)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** Plain JDBC into a copy of the event table's shape: the most the database gives, without Axon. */
    private record RawInserts(DataSource dataSource, byte[] payload) {

        void createTable() throws SQLException {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                String binary = isPostgres(c)
                        ? "BYTEA" : "BLOB";
                s.execute("DROP TABLE IF EXISTS bench_raw_event");
                s.execute("""
                        CREATE TABLE bench_raw_event (
                            global_index BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL PRIMARY KEY,
                            event_identifier VARCHAR(255) NOT NULL UNIQUE,
                            aggregate_identifier VARCHAR(255) NOT NULL,
                            sequence_number BIGINT NOT NULL,
                            type VARCHAR(255),
                            time_stamp VARCHAR(255) NOT NULL,
                            payload_type VARCHAR(255) NOT NULL,
                            payload_revision VARCHAR(255),
                            payload %s NOT NULL,
                            meta_data %s,
                            UNIQUE (aggregate_identifier, sequence_number))""".formatted(binary, binary));
            }
        }

        void insert(int rows) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO bench_raw_event (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, 'Cooperative', ?, ?, '1', ?, ?)""")) {
                    for (int i = 0; i < rows; i++) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setString(3, Instant.now().toString());
                        insert.setString(4, MemberJoined.class.getName());
                        insert.setBytes(5, payload);
                        insert.setBytes(6, "{\"userId\":\"system\"}".getBytes());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                c.commit();
            }
        }

        void dropTable() throws SQLException {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_raw_event");
            }
        }
    }

    /**
     * Plain JDBC into a copy of the ledger's postings (its columns, and the indexes it has on this
     * database), 50 approved costs of 13 lines per transaction as a rebuild's batch of 100 events
     * writes them: what one thread can write of a rebuild of the ledger, whatever the code around it.
     */
    private record RawLedgerLines(DataSource dataSource) {

        private static final int LINES = 13;
        private static final int COSTS_PER_TRANSACTION = 50;

        double linesPerSecond(int costs) throws SQLException {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_raw_ledger");
                s.execute("""
                        CREATE TABLE bench_raw_ledger (
                            event_id VARCHAR(100) NOT NULL, line INTEGER NOT NULL, cooperative_id UUID NOT NULL,
                            posted_on DATE NOT NULL, recorded_at BIGINT NOT NULL, description VARCHAR(800) NOT NULL,
                            category VARCHAR(40), source_id UUID NOT NULL, account VARCHAR(100) NOT NULL, member_id UUID,
                            amount NUMERIC(18,4) NOT NULL, currency CHAR(3) NOT NULL, PRIMARY KEY (event_id, line))""");
                s.execute("CREATE INDEX bench_raw_ledger_by_member ON bench_raw_ledger (member_id, posted_on)");
                s.execute(isPostgres(c)
                        ? "CREATE INDEX bench_raw_ledger_by_cooperative ON bench_raw_ledger (cooperative_id, posted_on)"
                        : "CREATE INDEX bench_raw_ledger_in_order ON bench_raw_ledger "
                        + "(cooperative_id, posted_on, recorded_at, event_id, line, member_id, amount)");
                c.setAutoCommit(false);
                insert(c, WARM_UP);
                long start = System.nanoTime();
                insert(c, costs);
                double seconds = (System.nanoTime() - start) / 1e9;
                c.setAutoCommit(true);
                s.execute("DROP TABLE bench_raw_ledger");
                return costs * LINES / seconds;
            }
        }

        private static void insert(Connection c, int costs) throws SQLException {
            List<UUID> cooperatives = Stream.generate(UUID::randomUUID).limit(500).toList();
            List<UUID> members = Stream.generate(UUID::randomUUID).limit(MEMBERS_PER_COOPERATIVE).toList();
            LocalDate first = LocalDate.now().minusYears(2);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO bench_raw_ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int k = 0; k < costs; k++) {
                    String event = UUID.randomUUID().toString();
                    UUID cost = UUID.randomUUID();
                    for (int line = 0; line < LINES; line++) {
                        boolean member = line >= LINES - MEMBERS_PER_COOPERATIVE;
                        insert.setString(1, event);
                        insert.setInt(2, line);
                        insert.setObject(3, cooperatives.get(k % cooperatives.size()));
                        insert.setObject(4, first.plusDays(k % 700));
                        insert.setLong(5, System.currentTimeMillis());
                        insert.setString(6, "Cost " + k);
                        insert.setString(7, "office");
                        insert.setObject(8, cost);
                        insert.setString(9, member ? "liabilities:members" : "expenses:office");
                        insert.setObject(10, member ? members.get(line % members.size()) : null);
                        insert.setBigDecimal(11, new java.math.BigDecimal(member ? "-10.0000" : "100.0000"));
                        insert.setString(12, "EUR");
                        insert.addBatch();
                    }
                    if (k % COSTS_PER_TRANSACTION == COSTS_PER_TRANSACTION - 1 || k == costs - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }

    /** Reads the whole store with one plain SELECT and parses every payload: the reference for a replay. */
    private record PlainRead(DataSource dataSource, ObjectMapper json) {

        double eventsPerSecond() throws SQLException, IOException {
            long start = System.nanoTime();
            long count = 0;
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT global_index, payload_type, payload FROM domain_event_entry ORDER BY global_index")) {
                    select.setFetchSize(1000);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            rows.getLong(1);
                            rows.getString(2);
                            json.readTree(rows.getBytes(3));
                            count++;
                        }
                    }
                }
                c.commit();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Writes events straight into the event store, serialized as the application stores them: many
     * cooperatives, each with members, two projects with a core and a backup member per skill, and
     * shared costs (shared, then approved) spread over two years, until the store holds the asked number.
     */
    private record EventFiller(DataSource dataSource, ObjectMapper json, Map<CooperativeId, String> lastAggregates) {

        EventFiller(DataSource dataSource, ObjectMapper json) {
            this(dataSource, json, new HashMap<>());
        }

        private static final int BATCH = 1_000;

        List<CooperativeId> fill(long target, LocalDate today) throws SQLException, IOException {
            long existing;
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
                r.next();
                existing = r.getLong(1);
            }
            long toWrite = Math.max(0, target - existing);
            int cooperatives = (int) Math.max(1, toWrite / EVENTS_PER_COOPERATIVE);
            List<CooperativeId> ids = new ArrayList<>();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    Writer writer = new Writer(c, insert, json);
                    long written = 0;
                    for (int i = 0; i < cooperatives; i++) {
                        long budget = (toWrite - written) / (cooperatives - i);
                        CooperativeId id = CooperativeId.random();
                        ids.add(id);
                        written += cooperative(writer, id, i, budget, today);
                        if (i % 50 == 0) {
                            log("filled " + written + " of " + toWrite + " events");
                        }
                    }
                    writer.flush();
                }
            }
            return ids;
        }

        /**
         * The cooperatives whose every event is at or below {@code position}: a cooperative's last
         * event is the approval of its last cost, the highest-numbered cost aggregate it wrote.
         */
        List<CooperativeId> rebuiltUpTo(List<CooperativeId> cooperatives, long position) throws SQLException {
            List<CooperativeId> rebuilt = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement last = c.prepareStatement(
                    "SELECT MAX(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
                for (CooperativeId id : cooperatives) {
                    last.setString(1, lastAggregates.get(id));
                    try (ResultSet r = last.executeQuery()) {
                        if (r.next() && r.getLong(1) <= position) {
                            rebuilt.add(id);
                        }
                    }
                }
            }
            return rebuilt;
        }

        private long cooperative(Writer w, CooperativeId id, int n, long budget, LocalDate today) throws SQLException, IOException {
            LocalDate founded = today.minusYears(2);
            long written = 0;
            int seq = 0;
            w.add(id.toString(), seq++, "Cooperative", new CooperativeFounded(id, "Filled " + n, EUR,
                    Policies.defaults(EUR), founded));
            written++;
            List<MemberId> members = new ArrayList<>();
            for (int m = 0; m < MEMBERS_PER_COOPERATIVE; m++) {
                MemberId member = MemberId.random();
                members.add(member);
                w.add(id.toString(), seq++, "Cooperative", new MemberJoined(id, member, "%064x".formatted(m + n * 100L),
                        List.of(m % 2 == 0 ? "devops" : "design"), Money.of("80.00", EUR), founded));
                written++;
            }
            for (int p = 0; p < 2; p++) {
                ProjectId project = ProjectId.random();
                int pseq = 0;
                w.add(project.toString(), pseq++, "Project", new ProjectRegistered(id, project, "Project " + p, "Client " + p,
                        founded, today.plusYears(1), List.of(new RequiredSkill("devops", 20), new RequiredSkill("design", 16))));
                written++;
                String[] skills = {"devops", "design"};
                for (int s = 0; s < skills.length; s++) {
                    for (AssignmentRole role : new AssignmentRole[]{AssignmentRole.CORE, AssignmentRole.BACKUP}) {
                        MemberId member = members.get((p * 4 + s + (role == AssignmentRole.CORE ? 0 : 2)) % members.size());
                        w.add(project.toString(), pseq++, "Project", new MemberAssigned(id, project, AssignmentId.random(),
                                member, role, skills[s], 10, founded, today.plusYears(1)));
                        written++;
                    }
                }
            }
            Split split = Split.equal(members);
            Money amount = Money.of("100.00", EUR);
            List<Share> shares = members.stream().map(m -> new Share(m, Money.of("10.00", EUR))).toList();
            for (int k = 0; written + 2 <= budget; k++) {
                CostId cost = CostId.random();
                LocalDate date = founded.plusDays(k % 700);
                MemberId paidBy = members.get(k % members.size());
                w.add(cost.toString(), 0, "SharedCost", new CostShared(id, cost, "Cost " + k, amount, Money.zero(EUR), date,
                        k % 3 == 0 ? "software" : "office", paidBy, split, shares, paidBy, date, null, false, List.of()));
                w.add(cost.toString(), 1, "SharedCost", new CostApproved(id, cost, members.get(0), date));
                lastAggregates.put(id, cost.toString());
                written += 2;
            }
            return written;
        }

        private static final class Writer {
            private final Connection connection;
            private final PreparedStatement insert;
            private final ObjectMapper json;
            private final byte[] metaData = "{\"userId\":\"system\",\"correlationId\":\"bench\"}".getBytes();
            private int pending;

            Writer(Connection connection, PreparedStatement insert, ObjectMapper json) {
                this.connection = connection;
                this.insert = insert;
                this.json = json;
            }

            void add(String aggregate, int sequence, String type, Object event) throws SQLException, IOException {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, aggregate);
                insert.setLong(3, sequence);
                insert.setString(4, type);
                insert.setString(5, Instant.now().toString());
                insert.setString(6, event.getClass().getName());
                // The revision the event class declares, as Axon writes it (CostShared is at 3).
                insert.setString(7, event.getClass().getAnnotation(Revision.class).value());
                insert.setBytes(8, json.writeValueAsBytes(event));
                insert.setBytes(9, metaData);
                insert.addBatch();
                if (++pending == BATCH) {
                    flush();
                }
            }

            void flush() throws SQLException {
                if (pending > 0) {
                    insert.executeBatch();
                    connection.commit();
                    pending = 0;
                }
            }
        }
    }

}
