package coop.cooperative.app.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Shares the projection work between the nodes on one database. A pooled streaming processor
 * claims every segment it can, so the first node to start would keep them all. Every few seconds
 * each node records a heartbeat, counts the live nodes and, holding more than its fair share
 * (segments / live nodes, rounded up) of a processor, releases one segment for another node to
 * claim. When a node dies, its heartbeat and its claims expire and the others take its segments.
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final String node;
    private final Duration interval;
    private final Duration liveFor;
    private final boolean takesPart;
    private ScheduledExecutorService scheduler;

    SegmentBalancer(JdbcClient jdbc, EventProcessingConfiguration processing, TokenStore tokens, NodeId node,
                    @Value("${cooperative.cluster.balance-interval:PT2S}") Duration interval,
                    @Value("${cooperative.cluster.claim-timeout:PT10S}") Duration liveFor, NodeRole role) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.tokens = tokens;
        this.node = node.value();
        this.interval = interval;
        this.liveFor = liveFor;
        this.takesPart = role.runsProcessors();
    }

    @Override
    public synchronized void start() {
        if (!takesPart) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::balanceSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Leaves the node table on the way down, so the others rebalance at once rather than after the
     * claim timeout. Best effort and bounded: a database that is already gone must not hold up the
     * shutdown (the row then simply expires).
     */
    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            ScheduledExecutorService running = scheduler;
            scheduler = null;
            Future<?> leaving = running.submit(() -> jdbc.sql("DELETE FROM cluster_node WHERE node_id = ?").param(node).update());
            try {
                leaving.get(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.debug("could not remove node {} from the node table on the way down", node, e);
            }
            running.shutdownNow();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** After Axon's processors have started; stopped before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }

    private void balanceSafely() {
        try {
            balance();
        } catch (RuntimeException e) {
            log.warn("balancing projection segments failed; trying again in {}", interval, e);
        }
    }

    void balance() {
        int liveNodes = heartbeat();
        processing.eventProcessors().values().stream()
                .filter(PooledStreamingEventProcessor.class::isInstance)
                .map(PooledStreamingEventProcessor.class::cast)
                .filter(PooledStreamingEventProcessor::isRunning)
                .forEach(processor -> shareOf(processor, liveNodes));
    }

    /** Records this node as alive and answers how many nodes are (by the database's clock). */
    private int heartbeat() {
        LocalDateTime now = jdbc.sql("SELECT LOCALTIMESTAMP").query(LocalDateTime.class).single();
        if (jdbc.sql("UPDATE cluster_node SET last_seen = ? WHERE node_id = ?").params(now, node).update() == 0) {
            jdbc.sql("INSERT INTO cluster_node (node_id, last_seen) VALUES (?, ?)").params(node, now).update();
        }
        LocalDateTime cutoff = now.minus(liveFor);
        jdbc.sql("DELETE FROM cluster_node WHERE last_seen < ?").param(cutoff.minusHours(1)).update();
        return Math.max(1, jdbc.sql("SELECT COUNT(*) FROM cluster_node WHERE last_seen >= ?").param(cutoff)
                .query(Integer.class).single());
    }

    private void shareOf(PooledStreamingEventProcessor processor, int liveNodes) {
        int segments = tokens.fetchSegments(processor.getName()).length;
        int fairShare = (segments + liveNodes - 1) / liveNodes;
        var claimed = processor.processingStatus().keySet();
        if (claimed.size() > fairShare) {
            int segment = claimed.stream().max(Comparator.naturalOrder()).orElseThrow();
            log.info("{}: holding {} of {} segments with {} nodes alive; releasing segment {}",
                    processor.getName(), claimed.size(), segments, liveNodes, segment);
            processor.releaseSegment(segment);
        }
    }
}
