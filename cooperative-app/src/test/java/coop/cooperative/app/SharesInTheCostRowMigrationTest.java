package coop.cooperative.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Upgrading an installation that has events across V75 and V76, which move a cost's shares into
 * the cost's row: the old share tables go, and both views are asked to be rebuilt up to the last
 * event stored (the nodes do it as they start). On H2 and on PostgreSQL, whose SQL differs.
 */
class SharesInTheCostRowMigrationTest {

    @Test
    void onH2() {
        upgrade(new DriverManagerDataSource("jdbc:h2:mem:shares-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""), "h2", "BLOB");
    }

    @Test
    void onPostgres() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            upgrade(postgres.getPostgresDatabase(), "postgresql", "BYTEA");
        }
    }

    private static void upgrade(DataSource database, String vendor, String binary) {
        flyway(database, vendor, binary).target("74").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        for (int sequence = 0; sequence < 3; sequence++) {
            jdbc.sql("""
                            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                time_stamp, payload_type, payload_revision, payload, meta_data)
                            VALUES (?, 'a', ?, 'Cooperative', '2026-11-24T00:00:00Z', 'Event', '1', ?, NULL)""")
                    .params(UUID.randomUUID().toString(), sequence, "{}".getBytes(StandardCharsets.UTF_8))
                    .update();
        }
        long last = jdbc.sql("SELECT MAX(global_index) FROM domain_event_entry").query(Long.class).single();
        long before = System.currentTimeMillis();

        flyway(database, vendor, binary).load().migrate();

        List<Map<String, Object>> asked = jdbc.sql("""
                SELECT processing_group, requested_at, replay_until, reset_done FROM projection_replay
                ORDER BY processing_group""").query().listOfRows();
        assertThat(asked).extracting(row -> row.get("processing_group"))
                // V78 rebuilds the risk pool too, and V127 the audit trail
                .containsExactly("audit", "ledger", "risk-pool", "shared-costs");
        assertThat(asked).allSatisfy(row -> {
            assertThat(((Number) row.get("replay_until")).longValue()).isEqualTo(last);
            assertThat(row.get("reset_done")).isEqualTo(false);
            assertThat(((Number) row.get("requested_at")).longValue()).isBetween(before - 60_000, System.currentTimeMillis() + 60_000);
        });
        assertThatThrownBy(() -> jdbc.sql("SELECT COUNT(*) FROM ledger_cost_shares").query().singleValue())
                .as("the ledger's share table is gone").isInstanceOf(BadSqlGrammarException.class);
        assertThatThrownBy(() -> jdbc.sql("SELECT COUNT(*) FROM shared_cost_shares").query().singleValue())
                .as("the shared costs' share table is gone").isInstanceOf(BadSqlGrammarException.class);
    }

    private static FluentConfiguration flyway(DataSource database, String vendor, String binary) {
        return Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .placeholders(Map.of("binary", binary));
    }
}
