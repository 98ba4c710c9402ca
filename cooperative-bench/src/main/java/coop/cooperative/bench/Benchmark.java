package coop.cooperative.bench;

import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
/**
 * The figures of docs/performance.md, for each database in turn, with the application running in
 * this JVM (as it would on a node): the API over HTTP ({@link HttpBench}) and the store
 * ({@link StoreBench}); {@code bench.sections} chooses which.
 */
public final class Benchmark {

    static final String APPLICATION = "coop.cooperative.app.CooperativeApplication";
    /**
     * What to measure (-Dbench.sections=http,store): the API over HTTP as its users meet it, and the
     * store (commands through the gateway, the raw JDBC limit, filling the store and rebuilding the views).
     */
    private static final Set<String> SECTIONS = Arrays.stream(System.getProperty("bench.sections", "http,store").split(","))
            .map(String::trim).collect(Collectors.toSet());
    private final List<Figure> figures = new ArrayList<>();
    private final StoreBench store;

    private Benchmark(long events, int commands, Duration replayLimit) {
        this.store = new StoreBench(events, commands, replayLimit, figures);
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
        Memory.startSampling();
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
                    store.measure(db.name(), app);
                }
            } finally {
                app.close();
            }
        }
    }

    static void log(String message) {
        System.out.println(Instant.now() + " bench: " + message);
    }

    /** One measured figure of one database. */
    record Figure(String database, String name, double value, String unit) {
    }

}
