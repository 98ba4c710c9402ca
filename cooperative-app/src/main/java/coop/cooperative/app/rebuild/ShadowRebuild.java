package coop.cooperative.app.rebuild;

import coop.cooperative.app.rebuild.RebuildRequests.Outcome;
import coop.cooperative.app.rebuild.RebuildRequests.Phase;
import coop.cooperative.app.rebuild.RebuildableViews.View;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * One rebuild of one or more views. One reader streams the store once; each event is parsed once
 * (only when a view in the rebuild handles its type) and handed to every view's handlers, which
 * write the views' shadow tables, many events to a transaction. The shadows get their secondary
 * indexes once loaded. Once caught up with the store, the live processors pause, the last events are
 * read, the processors' tokens are set to where the rebuild stopped, the shadows take the live
 * tables' place and the processors go on from there. The live view answers all along.
 */
final class ShadowRebuild implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ShadowRebuild.class);
    private static final long WAIT_NANOS = 50_000_000L;

    private final List<View> views;
    private final List<String> names;
    private final List<String> tables;
    private final RebuildTools tools;
    private final long startedAt = System.currentTimeMillis();
    private volatile boolean cancelled;
    private volatile boolean giveUp = true;
    /** Set once the live processors' tokens are the rebuild's: from then on only the swap may follow. */
    private volatile boolean swapping;
    private volatile long position = -1;
    private volatile long events;
    private volatile boolean done;
    private TrackingToken token;

    ShadowRebuild(List<View> views, RebuildTools tools) {
        this.views = views;
        this.names = views.stream().map(View::name).toList();
        this.tables = views.stream().flatMap(view -> view.tables().stream()).toList();
        this.tools = tools;
    }

    List<String> views() {
        return names;
    }

    /** The position of the last event written into the shadows; -1 before the first. */
    long position() {
        return position;
    }

    boolean isDone() {
        return done;
    }

    /**
     * Stops the rebuild at its next chunk; its shadows are dropped, the live views stay as they are.
     * Given up, its outcome says so; otherwise (this node stops) its request stays for a node to take up.
     */
    void cancel(boolean giveUp) {
        this.giveUp = giveUp;
        cancelled = true;
    }

    @Override
    public void run() {
        try {
            log.info("rebuild of {}: loading {} new tables beside the live ones", names, tables.size());
            tools.shadow().create(tables);
            List<String> afterLoad = views.stream().flatMap(view -> view.indexedAfterLoad().stream()).toList();
            List<String> lookedUp = tables.stream().filter(table -> !afterLoad.contains(table)).toList();
            if (!lookedUp.isEmpty()) {
                // Their handlers may look rows up by these indexes: loading without them costs a scan per event.
                tools.shadow().buildIndexes(lookedUp);
            }
            catchUp();
            log.info("rebuild of {}: {} events loaded in {} s", names, events, seconds());
            if (!afterLoad.isEmpty()) {
                tools.shadow().buildIndexes(afterLoad);
                log.info("rebuild of {}: the indexes of {} built at {} s", names, afterLoad, seconds());
                catchUp();
            }
            handOver();
        } catch (RuntimeException | Error e) {
            if (swapping) {
                log.error("rebuild of {}: the swap failed after the handover; the views stay paused here until it is completed",
                        names, e);
                return;
            }
            String reason = cancelled ? "cancelled" : describe(e);
            if (cancelled) {
                log.info("rebuild of {} stopped ({}), the live views run on as they were", names, giveUp ? "cancelled" : "node stopping");
            } else {
                log.warn("rebuild of {} given up, the live views run on as they were: {}", names, reason, e);
            }
            try {
                tools.shadow().drop(tables);
            } finally {
                tools.live().resume(names);
                if (giveUp) {
                    tools.transactions().executeWithoutResult(tx -> tools.requests().finish(names,
                            outcome("GIVEN_UP", reason, null)));
                }
            }
        } finally {
            done = true;
        }
    }

    /** Writes every event stored after the rebuild's token into the shadows, chunk by chunk. */
    private void catchUp() {
        try (Stream<? extends TrackedEventMessage<?>> stream = tools.engine().readEvents(token, false)) {
            Iterator<? extends TrackedEventMessage<?>> read = stream.iterator();
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(tools.chunkSize());
            while (read.hasNext()) {
                chunk.add(read.next());
                if (chunk.size() == tools.chunkSize()) {
                    write(chunk);
                    chunk.clear();
                }
            }
            write(chunk);
        }
    }

    private void write(List<TrackedEventMessage<?>> chunk) {
        if (cancelled) {
            throw new IllegalStateException("cancelled");
        }
        if (chunk.isEmpty()) {
            return;
        }
        tools.transactions().executeWithoutResult(tx -> {
            Connection connection = DataSourceUtils.getConnection(tools.dataSource());
            try {
                tools.shadow().route(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("the rebuild's connection could not be pointed at the new tables", e);
            }
            // Pointed back after the commit, not before: a view may write what it kept for the commit then.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    try {
                        tools.shadow().unroute(connection);
                    } catch (SQLException e) {
                        throw new IllegalStateException("the rebuild's connection could not be pointed back", e);
                    }
                }
            });
            chunk.forEach(this::handle);
        });
        if (!tools.chunkPause().isZero()) {
            LockSupport.parkNanos(tools.chunkPause().toNanos());
        }
        TrackedEventMessage<?> last = chunk.get(chunk.size() - 1);
        token = last.trackingToken();
        position = token.position().orElse(position);
        events += chunk.size();
    }

    private void handle(TrackedEventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        for (View view : views) {
            if (view.handles(type)) {
                try {
                    view.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("the view " + view.name() + " failed on event " + event.getIdentifier()
                            + " (" + type.getSimpleName() + ") at position " + event.trackingToken().position().orElse(-1)
                            + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Waits for the other nodes to let go of the views' segments, pauses them here, reads what came
     * meanwhile, hands the rebuild's token to the live processors and swaps the tables. Once the
     * tokens are handed over the swap must happen: if it fails, the request stays in its last phase
     * and the views stay paused here until a check completes it.
     */
    private void handOver() {
        tools.requests().phase(names, tools.node(), Phase.HANDOVER);
        long deadline = System.nanoTime() + tools.handoverTimeout().toNanos();
        while (tools.live().heldElsewhere(names, tools.node()) && System.nanoTime() < deadline) {
            catchUp();
            LockSupport.parkNanos(WAIT_NANOS);
        }
        log.info("rebuild of {}: {} events written by {} s; handing over", names, events, seconds());
        long pauseStart = System.nanoTime();
        tools.live().pause(names);
        try {
            handTokensOver(deadline);
        } catch (RuntimeException e) {
            tools.live().resume(names);
            throw e;
        }
        swapping = true;
        tools.swap(names, tables, outcome("DONE", null, null));
        tools.live().resume(names);
        long pauseMillis = (System.nanoTime() - pauseStart) / 1_000_000;
        tools.requests().recordPause(names, pauseMillis);
        log.info("rebuild of {} done: {} events in {} s, the live views paused {} ms", names, events, seconds(), pauseMillis);
    }

    /** Reads the last events and sets the live processors' tokens to the rebuild's, claiming their segments. */
    private void handTokensOver(long deadline) {
        while (true) {
            catchUp();
            try {
                tools.transactions().executeWithoutResult(tx -> {
                    tools.live().handTo(names, token);
                    tools.requests().phase(names, tools.node(), Phase.SWAPPING);
                });
                return;
            } catch (UnableToClaimTokenException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("another node did not let go of the views' segments within "
                            + tools.handoverTimeout(), e);
                }
                LockSupport.parkNanos(WAIT_NANOS);
            }
        }
    }

    private long seconds() {
        return (System.currentTimeMillis() - startedAt) / 1000;
    }

    private Outcome outcome(String outcome, String reason, Long pauseMillis) {
        long now = System.currentTimeMillis();
        return new Outcome(String.join(",", names), now, outcome, reason, events, now - startedAt, pauseMillis, tools.node());
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
