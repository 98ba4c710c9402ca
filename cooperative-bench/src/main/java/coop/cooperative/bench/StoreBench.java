package coop.cooperative.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.cooperative.bench.Benchmark.Figure;
import coop.cooperative.core.membership.api.MemberJoined;
import coop.cooperative.core.membership.api.MembershipCommands.FoundCooperative;
import coop.cooperative.core.membership.api.MembershipCommands.JoinCooperative;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.books.BookQueries.Balances;
import coop.cooperative.projections.books.BookQueries.FindBalances;
import coop.cooperative.projections.books.BookQueries.FindJournal;
import coop.cooperative.projections.books.BookQueries.JournalPage;
import coop.cooperative.projections.continuity.ContinuityQueries.ContinuityReport;
import coop.cooperative.projections.continuity.ContinuityQueries.FindContinuity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
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

import static coop.cooperative.bench.Benchmark.log;

/**
 * The store's figures: commands go through the command gateway, the raw limit is plain JDBC on a
 * table shaped like the event store, the store is then filled to {@code bench.events} events and
 * every projection is rebuilt from it, and the queries are timed at that size.
 */
final class StoreBench {

    static final Currency EUR = Currency.getInstance("EUR");
    /** Event handlers that send commands (policies): never replayed, so stopped while the bench fills the store. */
    private static final Set<String> POLICIES = Set.of("assignments-on-leaving", "risk-pool-leavers");
    /** The projections to rebuild (-Dbench.projections=ledger,members); all of them when empty. */
    private static final Set<String> ONLY = Arrays.stream(System.getProperty("bench.projections", "").split(","))
            .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toSet());
    /** Cooperatives the commands are spread over: each gains about 25 members in the command runs. */
    private static final int COOPERATIVES_FOR_COMMANDS = 2_000;
    /** Commands (and JDBC rows) sent before each measured rate, so it is the rate of a warm JVM. */
    static final int WARM_UP = 2_000;
    static final int EVENTS_PER_COOPERATIVE = 2_000;
    static final int MEMBERS_PER_COOPERATIVE = 10;
    private static final int QUERY_SAMPLES = 500;
    private static final int QUERY_WARM_UP = 100;

    private final long events;
    private final int commands;
    private final Duration replayLimit;
    private final List<Figure> figures;

    StoreBench(long events, int commands, Duration replayLimit, List<Figure> figures) {
        this.events = events;
        this.commands = commands;
        this.replayLimit = replayLimit;
        this.figures = figures;
    }

    void measure(String db, ConfigurableApplicationContext app) throws Exception {
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
                .map(Map.Entry::getValue)
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::supportsReset)
                .toList();
        long replayed = stored;
        new RebuildBench(db, app, replayLimit, figures).measure(projections, head, filled, select, lines, ONLY);
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

        figures.addAll(Memory.figures(db));
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
    static long awaitCaughtUp(List<StreamingEventProcessor> processors, long head, Duration limit, Duration poll) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!processors.stream().allMatch(p -> caughtUp(p, head))) {
            processors.stream().filter(p -> p.processingStatus().values().stream().anyMatch(s -> s.isErrorState()))
                    .findFirst().ifPresent(p -> {
                        throw new IllegalStateException("projection " + p.getName() + " failed during the replay");
                    });
            if (System.nanoTime() > deadline) {
                processors.forEach(p -> log("  " + p.getName() + " reached event " + reached(p)));
                return processors.stream().mapToLong(StoreBench::reached).min().orElse(-1);
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

}
