package coop.cooperative.app.rebuild;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rebuilds asked for (a row of {@code projection_replay} per view, written by the administrator's
 * request or by a migration that changes a view) and how each view's last one ended
 * ({@code projection_rebuild_outcome}). Every node reads them; the one that claims a row does the work.
 */
@Component
public class RebuildRequests {

    public enum Phase { QUEUED, LOADING, HANDOVER, SWAPPING }

    /** A rebuild asked for: up to which event at least, and who works on it how far. */
    public record Request(String view, long requestedAt, long until, Phase phase, String owner, Long heartbeatAt,
                   Long position, int attempts) {

        boolean staleAt(long now, long timeoutMillis) {
            return owner == null || heartbeatAt == null || heartbeatAt < now - timeoutMillis;
        }
    }

    /** How a view's last rebuild ended. */
    public record Outcome(String view, long finishedAt, String outcome, String reason, long events, long tookMillis,
                   Long pauseMillis, String node) {
    }

    private final JdbcClient jdbc;

    RebuildRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * False when a rebuild of the view is asked for already. With an owner, the node asked takes it
     * up at once; without, it waits for a node's next check.
     */
    boolean ask(String view, long now, long until, String owner) {
        try {
            jdbc.sql("""
                            INSERT INTO projection_replay (processing_group, requested_at, replay_until, reset_done, phase,
                                owner, heartbeat_at, attempts)
                            VALUES (?, ?, ?, FALSE, ?, ?, ?, ?)""")
                    .params(view, now, until, owner == null ? "QUEUED" : "LOADING", owner, owner == null ? null : now,
                            owner == null ? 0 : 1)
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Map<String, Request> all() {
        return jdbc.sql("""
                        SELECT processing_group, requested_at, replay_until, phase, owner, heartbeat_at, replay_position, attempts
                        FROM projection_replay""")
                .query((rs, n) -> new Request(rs.getString(1), rs.getLong(2), rs.getLong(3), Phase.valueOf(rs.getString(4)),
                        rs.getString(5), (Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class), rs.getInt(8)))
                .list().stream().collect(Collectors.toMap(Request::view, Function.identity()));
    }

    Optional<Request> of(String view) {
        return Optional.ofNullable(all().get(view));
    }

    /**
     * Takes the rebuild up on this node unless another node holds it and beats its heart: answers
     * whether this node has it now. The row's own condition decides, so two nodes never both win.
     */
    boolean claim(Request request, String node, long now, long timeoutMillis) {
        return jdbc.sql("""
                        UPDATE projection_replay SET owner = ?, heartbeat_at = ?, phase = 'LOADING', replay_position = NULL,
                            attempts = attempts + 1
                        WHERE processing_group = ? AND phase <> 'SWAPPING'
                          AND (owner IS NULL OR heartbeat_at IS NULL OR heartbeat_at < ?)""")
                .params(node, now, request.view(), now - timeoutMillis).update() == 1;
    }

    /** This node still works on the rebuilds: answers how many of the rows are still there and its own. */
    int heartbeat(Collection<String> views, String node, long now, Long position) {
        int beating = 0;
        for (String view : views) {
            beating += jdbc.sql("""
                            UPDATE projection_replay SET heartbeat_at = ?, replay_position = COALESCE(?, replay_position)
                            WHERE processing_group = ? AND owner = ?""")
                    .params(now, position, view, node).update();
        }
        return beating;
    }

    void phase(Collection<String> views, String node, Phase phase) {
        views.forEach(view -> jdbc.sql("UPDATE projection_replay SET phase = ? WHERE processing_group = ? AND owner = ?")
                .params(phase.name(), view, node).update());
    }

    /** The rebuild is over: the row goes and its outcome is kept for the administrator's list. */
    void finish(Collection<String> views, Outcome outcome) {
        for (String view : views) {
            jdbc.sql("DELETE FROM projection_replay WHERE processing_group = ?").param(view).update();
            jdbc.sql("DELETE FROM projection_rebuild_outcome WHERE processing_group = ?").param(view).update();
            jdbc.sql("""
                            INSERT INTO projection_rebuild_outcome (processing_group, finished_at, outcome, reason, events,
                                took_millis, pause_millis, node) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(view, outcome.finishedAt(), outcome.outcome(), truncate(outcome.reason()), outcome.events(),
                            outcome.tookMillis(), outcome.pauseMillis(), outcome.node())
                    .update();
        }
    }

    /** How long the live views stopped following events at the handover, measured once they run again. */
    void recordPause(Collection<String> views, long pauseMillis) {
        views.forEach(view -> jdbc.sql("UPDATE projection_rebuild_outcome SET pause_millis = ? WHERE processing_group = ?")
                .params(pauseMillis, view).update());
    }

    /**
     * After a restart on a database only this node uses (H2): no other node can hold a rebuild, so
     * those this node held before it stopped are queued again at once rather than after the timeout.
     */
    void releaseAll() {
        jdbc.sql("UPDATE projection_replay SET owner = NULL, heartbeat_at = NULL, phase = 'QUEUED' WHERE phase <> 'SWAPPING'")
                .update();
    }

    /** Withdraws a rebuild that has not reached its swap; answers whether there was one to withdraw. */
    boolean cancel(String view) {
        return jdbc.sql("DELETE FROM projection_replay WHERE processing_group = ? AND phase <> 'SWAPPING'")
                .param(view).update() == 1;
    }

    Optional<Outcome> lastOutcome(String view) {
        return jdbc.sql("""
                        SELECT processing_group, finished_at, outcome, reason, events, took_millis, pause_millis, node
                        FROM projection_rebuild_outcome WHERE processing_group = ?""")
                .param(view)
                .query((rs, n) -> new Outcome(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), (Long) rs.getObject(7, Long.class), rs.getString(8)))
                .optional();
    }

    List<String> owned(String node) {
        return jdbc.sql("SELECT processing_group FROM projection_replay WHERE owner = ?").param(node).query(String.class).list();
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 1997) + "...";
    }
}
