package coop.cooperative.app.rebuild;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * What a rebuild works with, and the swap that ends it (also when another node completes it).
 * {@code chunkPause} is a rest after each chunk of {@code chunkSize} events, for an installation that
 * would rather rebuild slowly than load its database (none by default).
 */
record RebuildTools(ShadowTables shadow, EventStorageEngine engine, TransactionTemplate transactions,
                    DataSource dataSource, RebuildRequests requests, ViewSwitch viewSwitch, LiveProcessors live,
                    String node, int chunkSize, Duration chunkPause, Duration handoverTimeout) {

    /**
     * The new tables take the live ones' place, the segments the handover claimed are let go for
     * the processors to take up, and the request gives way to its outcome: one transaction, so on
     * PostgreSQL every node sees the old tables or the new ones. Safe to run again after a crash
     * halfway (on H2, where each rename commits on its own).
     */
    /** Completes the swap of a handover whose node stopped after handing the tokens over, and runs the views here again. */
    void complete(List<RebuildRequests.Request> handover, List<String> tables) {
        List<String> views = handover.stream().map(RebuildRequests.Request::view).toList();
        String stopped = handover.get(0).owner();
        LoggerFactory.getLogger(ShadowRebuilds.class).warn("rebuild of {}: node {} stopped in its handover; completing the swap here",
                views, stopped);
        long now = System.currentTimeMillis();
        swap(views, tables, new RebuildRequests.Outcome(String.join(",", views), now, "DONE",
                "swapped by " + node + " after " + stopped + " stopped", 0, now - handover.get(0).requestedAt(), null, node));
        live.resume(views);
    }

    void swap(List<String> views, List<String> tables, RebuildRequests.Outcome outcome) {
        viewSwitch.swapping(views, () -> transactions.executeWithoutResult(tx -> {
            shadow.swap(tables);
            live.afterSwap(views);
            requests.finish(views, outcome);
        }));
    }
}
