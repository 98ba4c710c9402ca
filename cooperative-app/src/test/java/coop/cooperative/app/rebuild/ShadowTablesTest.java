package coop.cooperative.app.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The same scenario on H2 and on PostgreSQL: a view's tables rebuilt beside the live ones, then swapped in. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadowTablesTest {

    static final List<String> VIEW = List.of("ledger_postings", "ledger_costs");

    EmbeddedPostgres server;

    @BeforeAll
    void start() throws Exception {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    ShadowDatabase database(String kind) throws Exception {
        ShadowDatabase db = kind.equals("postgres") ? ShadowDatabase.postgres(server) : ShadowDatabase.h2();
        Stream.of("""
                CREATE TABLE ledger_postings (
                    event_id VARCHAR(100) NOT NULL, line INTEGER NOT NULL, cooperative_id UUID NOT NULL,
                    posted_on DATE NOT NULL, recorded_at BIGINT NOT NULL, amount NUMERIC(18,4) NOT NULL,
                    vat NUMERIC(18,4) DEFAULT 0 NOT NULL, member_id UUID, at TIMESTAMP, PRIMARY KEY (event_id, line))""",
                "CREATE INDEX ledger_postings_by_member ON ledger_postings (member_id, posted_on)",
                """
                CREATE TABLE ledger_costs (
                    cost_id UUID NOT NULL PRIMARY KEY, cooperative_id UUID NOT NULL, code VARCHAR(20) NOT NULL,
                    input_vat BOOLEAN DEFAULT FALSE NOT NULL, CONSTRAINT ledger_costs_code UNIQUE (cooperative_id, code))""",
                "CREATE INDEX ledger_costs_by_cooperative ON ledger_costs (cooperative_id, input_vat)",
                "CREATE TABLE other (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL)",
                "INSERT INTO other VALUES (1, 'live other')",
                "INSERT INTO ledger_postings (event_id, line, cooperative_id, posted_on, recorded_at, amount) "
                        + "VALUES ('old', 1, RANDOM_UUID(), DATE '2025-01-01', 1, 10), ('old', 2, RANDOM_UUID(), DATE '2025-01-01', 1, -10)")
                .map(sql -> db.postgres ? sql.replace("RANDOM_UUID()", "gen_random_uuid()") : sql)
                .forEach(sql -> db.jdbc.sql(sql).update());
        return db;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aViewIsRebuiltBesideTheLiveOneAndSwappedInAgainAndAgain(String kind) throws Exception {
        try (ShadowDatabase db = database(kind)) {
            List<String> catalog = db.catalog(VIEW);
            List<String> tables = db.tables();
            for (int round = 1; round <= 3; round++) {
                db.shadows.create(VIEW);
                assertThat(db.shadows.hasShadow(VIEW)).isTrue();
                assertThat(db.indexes(db.postgres ? "view_rebuild" : "PUBLIC", db.postgres ? "ledger_postings" : "ledger_postings__rebuild"))
                        .noneMatch(i -> i.startsWith("ledger_postings_by_member"));
                long live = db.count("ledger_postings");

                String event = "round" + round;
                try (Connection c = db.pool.getConnection()) {
                    c.setAutoCommit(false);
                    // prepared often enough for PostgreSQL's driver to keep a server-side statement
                    for (int i = 0; i < 6; i++) {
                        assertThat(count(c, "SELECT COUNT(*) FROM ledger_postings")).isEqualTo(live);
                    }
                    db.shadows.route(c);
                    assertThat(count(c, "SELECT COUNT(*) FROM ledger_postings")).isZero();
                    update(c, "INSERT INTO ledger_postings (event_id, line, cooperative_id, posted_on, recorded_at, amount) "
                            + "SELECT '" + event + "', id, ?, DATE '2025-02-01', 2, 5 FROM other WHERE id = 1");
                    update(c, "INSERT INTO ledger_postings (event_id, line, cooperative_id, posted_on, recorded_at, amount) "
                            + "VALUES ('" + event + "', 2, ?, DATE '2025-02-01', 2, -5), ('gone', 1, ?, DATE '2025-02-01', 2, 0)");
                    update(c, "UPDATE ledger_postings SET amount = -6 WHERE event_id = '" + event + "' AND line = 2");
                    update(c, "DELETE FROM ledger_postings WHERE event_id = 'gone'");
                    update(c, "INSERT INTO ledger_costs (cost_id, cooperative_id, code) VALUES (?, ?, 'c1')");
                    assertThat(count(c, "SELECT COUNT(*) FROM ledger_postings p JOIN other o ON o.id = p.line "
                            + "WHERE o.name = 'live other' AND p.amount = 5")).isEqualTo(1);
                    assertThat(count(c, "SELECT SUM(amount) FROM ledger_postings")).isEqualTo(-1);
                    db.shadows.unroute(c);
                    assertThat(count(c, "SELECT COUNT(*) FROM ledger_postings")).isEqualTo(live);
                    update(c, "INSERT INTO other VALUES (" + (round + 1) + ", 'written live')");
                    c.commit();
                    assertThat(c.getSchema()).isEqualToIgnoringCase("public");
                }
                assertThat(db.count("other")).isEqualTo(round + 1);
                assertThat(db.count("ledger_postings")).isEqualTo(live);
                assertThat(db.count(db.shadow("ledger_postings"))).isEqualTo(2);
                assertThatThrownBy(() -> db.jdbc.sql("INSERT INTO " + db.shadow("ledger_costs")
                                + " (cost_id, cooperative_id, code) SELECT ?, cooperative_id, code FROM " + db.shadow("ledger_costs"))
                        .param(UUID.randomUUID()).update())
                        .as("the unique constraint holds during the load").isInstanceOf(DataIntegrityViolationException.class);

                db.shadows.buildIndexes(VIEW);
                db.shadows.buildIndexes(VIEW);
                assertThat(db.indexes(db.postgres ? "view_rebuild" : "PUBLIC", db.postgres ? "ledger_postings" : "ledger_postings__rebuild"))
                        .contains(db.postgres ? "ledger_postings_by_member" : "ledger_postings_by_member__rebuild");

                db.transactions.executeWithoutResult(status -> db.shadows.swap(VIEW));

                assertThat(db.jdbc.sql("SELECT event_id || ':' || line || ':' || CAST(vat AS INTEGER) FROM ledger_postings ORDER BY line")
                        .query(String.class).list()).containsExactly(event + ":1:0", event + ":2:0");
                assertThat(db.jdbc.sql("SELECT input_vat FROM ledger_costs").query(Boolean.class).single()).isFalse();
                assertThatThrownBy(() -> db.jdbc.sql("INSERT INTO ledger_postings (event_id, line, cooperative_id, posted_on, "
                        + "recorded_at, amount) VALUES (?, 1, ?, DATE '2025-02-01', 2, 5)").params(event, UUID.randomUUID()).update())
                        .isInstanceOf(DataIntegrityViolationException.class);
                assertThat(db.catalog(VIEW)).isEqualTo(catalog);
                assertThat(db.shadows.hasShadow(VIEW)).isFalse();
                assertThat(db.tables()).isEqualTo(tables);
            }

            db.shadows.create(VIEW);
            db.shadows.drop(VIEW);
            db.shadows.drop(VIEW);
            assertThat(db.count("ledger_postings")).isEqualTo(2);
            assertThat(db.shadows.hasShadow(VIEW)).isFalse();
            assertThat(db.tables()).isEqualTo(tables);
            assertThat(db.catalog(VIEW)).isEqualTo(catalog);
        }
    }

    @Test
    void onPostgresAReaderSeesTheOldRowsUntilTheSwapCommitsAndTheNewOnesAfter() throws Exception {
        try (ShadowDatabase db = database("postgres"); HikariDataSource others = db.otherPool()) {
            db.shadows.create(VIEW);
            db.jdbc.sql("INSERT INTO view_rebuild.ledger_postings (event_id, line, cooperative_id, posted_on, recorded_at, amount) "
                    + "VALUES ('new', 1, gen_random_uuid(), DATE '2025-02-01', 2, 0)").update();
            db.shadows.buildIndexes(VIEW);
            JdbcClient reader = JdbcClient.create(others);
            String read = "SELECT string_agg(event_id, ',' ORDER BY line) FROM ledger_postings";

            CompletableFuture<String> during = db.transactions.execute(status -> {
                assertThat(reader.sql(read).query(String.class).single()).isEqualTo("old,old");
                db.shadows.swap(VIEW);
                CompletableFuture<String> blocked = CompletableFuture.supplyAsync(() -> reader.sql(read).query(String.class).single());
                await().atMost(Duration.ofSeconds(10)).until(() -> reader.sql("SELECT COUNT(*) FROM pg_stat_activity "
                        + "WHERE wait_event_type = 'Lock' AND query LIKE 'SELECT string_agg%'").query(Long.class).single() == 1);
                assertThat(blocked).isNotDone();
                return blocked;
            });

            assertThat(during.get(10, TimeUnit.SECONDS)).isEqualTo("new");
            assertThat(reader.sql(read).query(String.class).single()).isEqualTo("new");
            assertThat(db.tables()).doesNotContain("view_retired.ledger_postings", "view_rebuild.ledger_postings");
        }
    }

    /** On H2 a swap is a sequence of commits: run again after a crash at any step, it ends where a whole one does. */
    @Test
    void onH2ASwapCutShortEndsTheSameWhenRunAgain() throws Exception {
        try (ShadowDatabase db = database("h2")) {
            List<String> catalog = db.catalog(VIEW);
            List<String> tables = db.tables();
            List<String> crashes = List.of("",
                    "ALTER TABLE ledger_postings RENAME TO ledger_postings__retired",
                    "ALTER TABLE ledger_postings RENAME TO ledger_postings__retired;"
                            + "ALTER TABLE ledger_postings__rebuild RENAME TO ledger_postings",
                    "ALTER TABLE ledger_postings RENAME TO ledger_postings__retired;"
                            + "ALTER TABLE ledger_postings__rebuild RENAME TO ledger_postings;DROP TABLE ledger_postings__retired");
            for (String crash : crashes) {
                db.shadows.create(VIEW);
                db.jdbc.sql("INSERT INTO " + db.shadow("ledger_postings") + " (event_id, line, cooperative_id, posted_on, recorded_at, "
                        + "amount) VALUES ('new', 1, RANDOM_UUID(), DATE '2025-02-01', 2, 0)").update();
                db.shadows.buildIndexes(VIEW);
                db.jdbc.sql("DROP SYNONYM VIEW_REBUILD.LEDGER_POSTINGS").update();
                for (String step : crash.split(";")) {
                    if (!step.isEmpty()) {
                        db.jdbc.sql(step).update();
                    }
                }
                if (crash.equals(crashes.get(1))) {
                    assertThatThrownBy(() -> db.shadows.drop(VIEW)).isInstanceOf(IllegalStateException.class);
                }
                db.shadows.swap(VIEW);
                db.shadows.swap(VIEW);

                assertThat(db.jdbc.sql("SELECT event_id FROM ledger_postings").query(String.class).list()).containsExactly("new");
                assertThat(db.catalog(VIEW)).as("after " + crash).isEqualTo(catalog);
                assertThat(db.tables()).isEqualTo(tables);
                db.jdbc.sql("DELETE FROM ledger_postings").update();
                db.jdbc.sql("INSERT INTO ledger_postings (event_id, line, cooperative_id, posted_on, recorded_at, amount) "
                        + "VALUES ('old', 1, RANDOM_UUID(), DATE '2025-01-01', 1, 10)").update();
            }
        }
    }

    /** Every table of the real views, as the migrations make it, copied and swapped without a change. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theRealViewsTablesSurviveARebuild(String kind) throws Exception {
        try (ShadowDatabase db = kind.equals("postgres") ? ShadowDatabase.postgres(server) : ShadowDatabase.h2()) {
            Flyway.configure().dataSource(db.pool)
                    .locations("classpath:db/migration", "classpath:db/vendor/" + (db.postgres ? "postgresql" : "h2"))
                    .placeholders(Map.of("binary", db.postgres ? "BYTEA" : "BLOB")).load().migrate();
            List<String> views = viewTables(db);
            assertThat(views).contains("ledger_postings", "members", "invoices", "audit_entries", "risk_pool_payouts");
            List<String> catalog = db.catalog(views);

            db.shadows.create(views);
            try (Connection c = db.pool.getConnection()) {
                db.shadows.route(c);
                for (String table : views) {
                    assertThat(count(c, "SELECT COUNT(*) FROM " + table)).isZero();
                }
                db.shadows.unroute(c);
            }
            db.shadows.buildIndexes(views);
            db.transactions.executeWithoutResult(status -> db.shadows.swap(views));

            assertThat(db.catalog(views)).isEqualTo(catalog);
            assertThat(db.shadows.hasShadow(views)).isFalse();
        }
    }

    /** The tables the projections' migrations create and that are still there. */
    static List<String> viewTables(ShadowDatabase db) throws Exception {
        Path migrations = Path.of("../cooperative-projections/src/main/resources/db/migration");
        Pattern create = Pattern.compile("CREATE TABLE (\\w+)");
        try (Stream<Path> files = Files.list(migrations)) {
            return files.flatMap(file -> {
                        try {
                            Matcher m = create.matcher(Files.readString(file));
                            return m.results().map(r -> r.group(1)).toList().stream();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .distinct().sorted()
                    .filter(table -> db.count("INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = '" + table
                            + "' AND LOWER(TABLE_SCHEMA) = 'public'") == 1)
                    .toList();
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (var statement = c.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A statement with a fresh id for every ? (the cooperative's, the cost's). */
    static void update(Connection c, String sql) throws SQLException {
        try (var statement = c.prepareStatement(sql)) {
            for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
                statement.setObject(i, UUID.randomUUID());
            }
            statement.executeUpdate();
        }
    }
}
