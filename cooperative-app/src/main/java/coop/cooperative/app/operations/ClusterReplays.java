package coop.cooperative.app.operations;

import coop.cooperative.app.axon.NodeRole;
import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.Refusal;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Replays that every node takes part in. A replay asked for on any node is a row in {@code
 * projection_replay}; every node reads the table every {@code
 * cooperative.projections.replay-check-interval} and stops its part of that projection. Once no
 * node holds a segment, one node resets the tokens (the projection's reset handler empties its
 * tables) in the transaction that marks the row reset, so no two nodes both reset; then every node
 * runs the processor again and they share the rebuild. The row goes when every segment has passed
 * the last event stored when the replay was asked for. Until then the view counts as rebuilding on
 * every node. With one node all of this happens at once, in the request. An {@code api} node
 * ({@link NodeRole}) holds no segment, so it has nothing to stop; it may still be the one that resets
 * (the reset handler empties the shared tables from there), and then lets go of the segments the
 * reset claimed at once, for the nodes that run the view to take up.
 */
@Component
class ClusterReplays implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterReplays.class);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionCatchUp catchUp;
    private final Duration checkInterval;
    private final Duration resetTimeout;
    private final TokenStore tokenStore;
    private final boolean runsProcessors;
    /** The replays in the table, as this node last read or changed them. */
    private final Map<String, Rebuild> asked = new ConcurrentHashMap<>();
    /** The processors this node stopped for a replay: it runs them again once reset, or given up. */
    private final Set<String> stoppedHere = ConcurrentHashMap.newKeySet();
    /** The replays this node has said it waits for other nodes in, so it says so once. */
    private final Set<String> waitingFor = ConcurrentHashMap.newKeySet();
    private final Object lifecycle = new Object();
    private ScheduledExecutorService checker;

    ClusterReplays(EventProcessingConfiguration processing, JdbcClient jdbc, TransactionTemplate transactions,
                   ProjectionCatchUp catchUp,
                   @Value("${cooperative.projections.replay-check-interval:PT1S}") Duration checkInterval,
                   @Value("${cooperative.projections.replay-reset-timeout:PT1M}") Duration resetTimeout,
                   TokenStore tokenStore, NodeRole role) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.catchUp = catchUp;
        this.checkInterval = checkInterval;
        this.resetTimeout = resetTimeout;
        this.tokenStore = tokenStore;
        this.runsProcessors = role.runsProcessors();
    }

    /** A replay: when it was asked for, the last event stored then, and whether the view has been reset. */
    record Rebuild(Instant at, long until, boolean reset) {
    }

    /** Asks every node to rebuild the view with this one; refused while a rebuild of it is under way. */
    synchronized void request(String name, long until) {
        Rebuild rebuild = new Rebuild(Instant.ofEpochMilli(System.currentTimeMillis()), until, false);
        try {
            jdbc.sql("""
                            INSERT INTO projection_replay (processing_group, requested_at, replay_until, reset_done)
                            VALUES (?, ?, ?, FALSE)""")
                    .params(name, rebuild.at().toEpochMilli(), until)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DomainException.Conflict(Refusal.REPLAY_RUNNING, "The view " + name + " is already being rebuilt", name);
        }
        asked.put(name, rebuild);
        String refused = takePart(name, rebuild);
        if (refused != null) {
            throw new DomainException.Conflict(Refusal.REPLAY_RESET_FAILED, "The view " + name + " could not be reset (" + refused + ")",
                    name, refused);
        }
    }

    /** Whether the view is being rebuilt: from the request, on any node, until every segment has caught up. */
    boolean isRebuilding(String name) {
        Rebuild rebuild = asked.get(name);
        if (rebuild == null) {
            return false;
        }
        if (!rebuild.reset() || !caughtUp(name, rebuild)) {
            return true;
        }
        if (asked.remove(name, rebuild) && jdbc.sql("DELETE FROM projection_replay WHERE processing_group = ? AND reset_done = TRUE")
                .param(name).update() == 1) {
            log.info("replay of {} finished in {} s", name, Duration.between(rebuild.at(), Instant.now()).toSeconds());
        }
        return false;
    }

    /** The rebuild under way, if any. */
    Optional<Rebuild> current(String name) {
        return Optional.ofNullable(asked.get(name));
    }

    /**
     * The segments this node holds must have passed the position the view had when it was reset;
     * the others (not claimed again yet, or held by another node) are judged by their token in the
     * store, which must have passed the last event stored when the replay was asked for.
     */
    private boolean caughtUp(String name, Rebuild rebuild) {
        Map<Integer, EventTrackerStatus> held = processor(name).map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        if (held.values().stream().anyMatch(ProjectionCatchUp::behindReset)) {
            return false;
        }
        return catchUp.storedPositions(name).entrySet().stream()
                .filter(stored -> !held.containsKey(stored.getKey()))
                .allMatch(stored -> stored.getValue() >= rebuild.until());
    }

    /** This node's part in a replay. Answers why the reset failed for good, or null. */
    private synchronized String takePart(String name, Rebuild rebuild) {
        StreamingEventProcessor processor = processor(name).orElse(null);
        if (processor == null) {
            return null;
        }
        if (rebuild.reset()) {
            runAgain(name);
            return null;
        }
        if (processor.isRunning()) {
            processor.shutDown();
            stoppedHere.add(name);
        }
        try {
            boolean resetHere = Boolean.TRUE.equals(transactions.execute(tx -> {
                if (jdbc.sql("UPDATE projection_replay SET reset_done = TRUE WHERE processing_group = ? AND reset_done = FALSE")
                        .param(name).update() == 0) {
                    return false;
                }
                processor.resetTokens();
                // A replay rebuilds from scratch: events that still fail are parked again as it passes them.
                processing.deadLetterQueue(name).ifPresent(SequencedDeadLetterQueue::clear);
                if (!runsProcessors) {
                    // The reset claimed every segment for this node, which never works on them.
                    for (int segment : tokenStore.fetchSegments(name)) {
                        tokenStore.releaseClaim(name, segment);
                    }
                }
                return true;
            }));
            if (resetHere) {
                asked.put(name, new Rebuild(rebuild.at(), rebuild.until(), true));
                log.info("replay of {}: view emptied here; every node now reads the events again", name);
                runAgain(name);
            }
            return null;
        } catch (RuntimeException e) {
            if (claimedElsewhere(e) && Instant.now().isBefore(rebuild.at().plus(resetTimeout))) {
                if (waitingFor.add(name)) {
                    log.info("replay of {}: waiting for the other nodes to let go of its segments", name);
                }
                return null;
            }
            String reason = String.valueOf(e.getMessage());
            giveUp(name, reason);
            return reason;
        }
    }

    private void giveUp(String name, String reason) {
        jdbc.sql("DELETE FROM projection_replay WHERE processing_group = ? AND reset_done = FALSE").param(name).update();
        asked.remove(name);
        runAgain(name);
        log.warn("replay of {} given up, the view runs on as it was: {}", name, reason);
    }

    private void runAgain(String name) {
        waitingFor.remove(name);
        if (stoppedHere.remove(name)) {
            processor(name).ifPresent(StreamingEventProcessor::start);
        }
    }

    /** Reads the table and takes part in every replay in it; runs again what was stopped for one given up. */
    synchronized void check() {
        Map<String, Rebuild> inTable = new HashMap<>();
        jdbc.sql("SELECT processing_group, requested_at, replay_until, reset_done FROM projection_replay")
                .query(row -> {
                    inTable.put(row.getString("processing_group"), new Rebuild(Instant.ofEpochMilli(row.getLong("requested_at")),
                            row.getLong("replay_until"), row.getBoolean("reset_done")));
                });
        List.copyOf(stoppedHere).stream().filter(name -> !inTable.containsKey(name)).forEach(this::runAgain);
        asked.keySet().retainAll(inTable.keySet());
        inTable.forEach((name, rebuild) -> {
            asked.put(name, rebuild);
            takePart(name, rebuild);
            isRebuilding(name);
        });
    }

    private static boolean claimedElsewhere(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnableToClaimTokenException) {
                return true;
            }
        }
        return false;
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("checking for projection replays failed; trying again in {}", checkInterval, e);
        }
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "replay-check");
                thread.setDaemon(true);
                return thread;
            });
            checker.scheduleWithFixedDelay(this::checkSafely, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (checker != null) {
                // No interrupt: one in the middle of a write closes an H2 database. A check under way finishes.
                checker.shutdown();
                try {
                    checker.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                checker = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lifecycle) {
            return checker != null;
        }
    }

    /** After Axon's processors have started; stopped before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }
}
