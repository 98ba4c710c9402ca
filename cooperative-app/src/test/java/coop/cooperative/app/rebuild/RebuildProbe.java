package coop.cooperative.app.rebuild;

import coop.cooperative.core.membership.api.MemberJoined;
import coop.cooperative.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test-only view with a table of its own (made when the bean is), rebuilt like the real ones:
 * it can be told to hold a rebuild at its first event until released, so a test can write, read
 * and cancel while a rebuild is under way; or to fail on one cooperative's events in a rebuild.
 * Only the rebuild's thread is held or fails: the live view goes on.
 */
@Component
@ViewTables("rebuild_probe_members")
@ProcessingGroup(RebuildProbe.NAME)
public class RebuildProbe {

    public static final String NAME = "rebuild-probe";
    private static final String REBUILD_THREAD = "view-rebuild";

    private final JdbcClient jdbc;
    volatile CountDownLatch hold;
    /** Counted down when a rebuild reaches the hold. */
    volatile CountDownLatch holding = new CountDownLatch(1);
    final Set<String> failingInRebuildFor = ConcurrentHashMap.newKeySet();

    RebuildProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS rebuild_probe_members (
                    member_id       UUID         NOT NULL PRIMARY KEY,
                    cooperative_id  UUID         NOT NULL,
                    joined_on       DATE         NOT NULL)""").update();
        jdbc.sql("CREATE INDEX IF NOT EXISTS rebuild_probe_by_cooperative ON rebuild_probe_members (cooperative_id)").update();
    }

    @EventHandler
    void on(MemberJoined event) throws InterruptedException {
        if (Thread.currentThread().getName().equals(REBUILD_THREAD)) {
            CountDownLatch held = hold;
            if (held != null) {
                holding.countDown();
                held.await(60, TimeUnit.SECONDS);
            }
            if (failingInRebuildFor.contains(event.cooperativeId().toString())) {
                throw new IllegalStateException("the probe fails on purpose in a rebuild");
            }
        }
        jdbc.sql("DELETE FROM rebuild_probe_members WHERE member_id = ?").param(event.memberId().value()).update();
        jdbc.sql("INSERT INTO rebuild_probe_members (member_id, cooperative_id, joined_on) VALUES (?, ?, ?)")
                .params(event.memberId().value(), event.cooperativeId().value(), event.joinedOn())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM rebuild_probe_members").update();
    }

    /** Holds the next rebuild at its first event of this view, until {@link #release()}. */
    void holdNextRebuild() {
        holding = new CountDownLatch(1);
        hold = new CountDownLatch(1);
    }

    boolean awaitHolding() throws InterruptedException {
        return holding.await(60, TimeUnit.SECONDS);
    }

    void release() {
        CountDownLatch held = hold;
        hold = null;
        if (held != null) {
            held.countDown();
        }
    }
}
