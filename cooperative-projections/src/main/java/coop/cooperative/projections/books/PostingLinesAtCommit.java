package coop.cooperative.projections.books;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The posting lines of the events handled in one transaction, written in one JDBC batch as it
 * commits rather than one round trip per event: the ledger writes six to seven lines per event on
 * average, and nothing in the ledger's handlers reads them back. An event handled twice in the
 * transaction keeps its last lines; its earlier lines in the table are replaced, so a redelivery
 * never doubles them. Without a transaction (a test calling a handler) the lines are written at once.
 */
final class PostingLinesAtCommit {

    private static final String DELETE = "DELETE FROM ledger_postings WHERE event_id = ?";
    private static final String INSERT = """
            INSERT INTO ledger_postings (event_id, line, cooperative_id, posted_on, recorded_at, description,
                category, source_id, account, member_id, amount, currency, vat)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final Map<String, List<Object[]>> byEvent = new LinkedHashMap<>();

    private PostingLinesAtCommit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the event's lines with this transaction's, or at once when there is no transaction. */
    static void write(JdbcTemplate jdbc, String eventId, List<Object[]> lines) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            PostingLinesAtCommit now = new PostingLinesAtCommit(jdbc);
            now.byEvent.put(eventId, lines);
            now.flush();
            return;
        }
        PostingLinesAtCommit pending = (PostingLinesAtCommit) TransactionSynchronizationManager.getResource(PostingLinesAtCommit.class);
        if (pending == null) {
            PostingLinesAtCommit created = new PostingLinesAtCommit(jdbc);
            TransactionSynchronizationManager.bindResource(PostingLinesAtCommit.class, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    created.flush();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PostingLinesAtCommit.class);
                }
            });
            pending = created;
        }
        pending.byEvent.put(eventId, lines);
    }

    private void flush() {
        if (byEvent.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(DELETE, byEvent.keySet().stream().map(id -> new Object[]{id}).toList());
        List<Object[]> rows = new ArrayList<>();
        byEvent.values().forEach(rows::addAll);
        jdbc.batchUpdate(INSERT, rows);
        byEvent.clear();
    }
}
