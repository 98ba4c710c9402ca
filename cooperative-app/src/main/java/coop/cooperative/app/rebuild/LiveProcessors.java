package coop.cooperative.app.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live processors of the views being rebuilt, as the handover needs them: paused on every
 * node, their tokens set to where the rebuild stopped, and run again.
 */
@Component
class LiveProcessors {

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final JdbcClient jdbc;
    private final int segments;
    /** The processors this node paused for a handover: only those it runs again. */
    private final Set<String> paused = ConcurrentHashMap.newKeySet();

    LiveProcessors(EventProcessingConfiguration processing, TokenStore tokenStore, JdbcClient jdbc,
                   @Value("${cooperative.projections.segments:2}") int segments) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
        this.segments = segments;
    }

    /** Stops the views' processors on this node; shutting down lets go of their segments. */
    void pause(Collection<String> views) {
        views.forEach(view -> processing.eventProcessor(view, StreamingEventProcessor.class).ifPresent(processor -> {
            if (processor.isRunning() && paused.add(view)) {
                processor.shutDown();
            }
        }));
    }

    /** Runs again what {@link #pause} stopped. */
    void resume(Collection<String> views) {
        views.forEach(view -> {
            if (paused.remove(view)) {
                processing.eventProcessor(view, StreamingEventProcessor.class).ifPresent(StreamingEventProcessor::start);
            }
        });
    }

    Set<String> paused() {
        return Set.copyOf(paused);
    }

    /** Whether another node still claims a segment of one of the views (a dead node's claim counts until it expires). */
    boolean heldElsewhere(Collection<String> views, String node) {
        return views.stream().anyMatch(view -> jdbc.sql("""
                        SELECT COUNT(*) FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL AND owner <> ?""")
                .params(view, node).query(Long.class).single() > 0);
    }

    /**
     * Sets every segment of the views' processors to the rebuild's token, claiming them for this node
     * (refused with {@code UnableToClaimTokenException} while another node holds one).
     */
    void handTo(Collection<String> views, TrackingToken token) {
        for (String view : views) {
            int[] held = tokenStore.fetchSegments(view);
            if (held.length == 0) {
                tokenStore.initializeTokenSegments(view, segments, token);
                continue;
            }
            for (int segment : held) {
                tokenStore.storeToken(token, view, segment);
            }
        }
    }

    /**
     * After the swap: the claims the handover made are let go, for any node to take up, and the
     * events parked in the old tables' time are dropped: the rebuild handled every one of them.
     */
    void afterSwap(Collection<String> views) {
        for (String view : views) {
            for (int segment : tokenStore.fetchSegments(view)) {
                tokenStore.releaseClaim(view, segment);
            }
            processing.deadLetterQueue(view).ifPresent(SequencedDeadLetterQueue::clear);
        }
    }
}
