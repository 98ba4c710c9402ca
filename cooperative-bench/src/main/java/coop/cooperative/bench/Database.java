package coop.cooperative.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The database under test and the application started on it. */
final class Database implements AutoCloseable {

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
                "--logging.level.root=WARN", "--logging.level.coop.cooperative.app.rebuild=INFO", "--cooperative.admin.password=" + HttpBench.ADMIN_PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=24"));
        // Application settings to try, e.g. -Dbench.app-args="--cooperative.projections.segments=1".
        String extra = System.getProperty("bench.app-args", "").trim();
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\s+")));
        }
        // The app as users run it, plus the CRUD reference the HTTP figures are compared with.
        SpringApplicationBuilder builder = new SpringApplicationBuilder(Class.forName(Benchmark.APPLICATION), CrudReference.class);
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

    static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
