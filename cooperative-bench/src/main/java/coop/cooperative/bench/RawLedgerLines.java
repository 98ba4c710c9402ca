package coop.cooperative.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static coop.cooperative.bench.StoreBench.MEMBERS_PER_COOPERATIVE;
import static coop.cooperative.bench.StoreBench.WARM_UP;

/**
 * Plain JDBC into a copy of the ledger's postings (its columns, and the indexes it has on this
 * database), 50 approved costs of 13 lines per transaction as a rebuild's batch of 100 events
 * writes them: what one thread can write of a rebuild of the ledger, whatever the code around it.
 */
record RawLedgerLines(DataSource dataSource) {

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
            s.execute(Database.isPostgres(c)
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
