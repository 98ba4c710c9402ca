package coop.cooperative.app.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Lets a user read their own writes: after a command, waits (briefly, bounded) until the streaming
 * processors that handle the events it produced have handled the events stored so far, so the
 * answer and the next screen show the change; those processors are woken at once. Which processors
 * handle which event types comes from their registered handlers. A view being rebuilt is not waited
 * for: it says so itself. With several nodes, the segments another node holds are read from the
 * token store, so an answer on this node also waits for the work done on the others.
 */
@Component
public class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();
    /**
     * While a processor's segments are held elsewhere (all of them, on an api node) its progress is
     * read from the token store: less often, since another node reads new events only every
     * {@code cooperative.event-store.idle-read-interval} anyway.
     */
    private static final long STORE_POLL_NANOS = Duration.ofMillis(25).toNanos();

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;
    private final TokenStore tokenStore;
    private final StoredTokens storedTokens;
    private final Map<String, SegmentCount> segmentCounts = new ConcurrentHashMap<>();

    ProjectionCatchUp(EventStore eventStore, EventProcessingConfiguration processing,
                      @Value("${cooperative.read-your-writes.timeout:PT15S}") Duration timeout,
                      TokenStore tokenStore, JdbcClient jdbc, Serializer serializer) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.timeout = timeout;
        this.tokenStore = tokenStore;
        this.storedTokens = new StoredTokens(jdbc, serializer);
    }

    /** Returns once every view includes every event stored before the call, or after the timeout. */
    public void await() {
        await(processor -> true);
    }

    /**
     * Returns once the views that handle any of these event types include every event stored before
     * the call, or after the timeout.
     */
    public void await(Set<Class<?>> eventTypes) {
        await(processor -> handlesAny(processor, eventTypes));
    }

    private static boolean handlesAny(StreamingEventProcessor processor, Set<Class<?>> eventTypes) {
        return !(processor instanceof AbstractEventProcessor handling)
                || eventTypes.stream().anyMatch(handling.eventHandlerInvoker()::canHandleType);
    }

    private void await(Predicate<StreamingEventProcessor> concerned) {
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        // A processor stopped here (for a replay, which every node takes part in) is not waited for.
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .filter(concerned)
                .toList();
        awaitAll(processors, target, "answering with what they show");
    }

    /**
     * Returns once this one processor has handled the events up to this position, or after the
     * timeout: for a handler in another processor that reads this one's view.
     */
    public void await(String processorName, long position) {
        processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .filter(StreamingEventProcessor::isRunning)
                .ifPresent(processor -> awaitAll(List.of(processor), position, "going on with what it shows"));
    }

    private void awaitAll(List<StreamingEventProcessor> processors, long target, String otherwise) {
        hurry(processors);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<StreamingEventProcessor> behind = processors;
        while (!(behind = behind.stream().filter(p -> !reached(p, target)).toList()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                log.warn("views did not reach event {} within {}; {}", target, timeout, otherwise);
                return;
            }
            LockSupport.parkNanos(behind.stream().allMatch(this::holdsEverySegment) ? POLL_NANOS : STORE_POLL_NANOS);
            // An event committed after its processor read past it (a gap) is read at the next poll: make that now.
            hurry(behind);
        }
    }

    private boolean holdsEverySegment(StreamingEventProcessor processor) {
        int held = processor.processingStatus().size();
        return held > 0 && held >= segmentCount(processor.getName());
    }

    private void hurry(List<StreamingEventProcessor> processors) {
        if (eventStore instanceof PacedEventStore paced) {
            paced.hurry(processors.stream().map(StreamingEventProcessor::getName).collect(Collectors.toSet()));
        }
    }

    private boolean reached(StreamingEventProcessor processor, long target) {
        if (target < 0) {
            return true;
        }
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        Collection<EventTrackerStatus> segments = local.values();
        if (!segments.stream().allMatch(s -> includes(s.getTrackingToken(), target) || s.isErrorState()
                || behindReset(s))) {
            return false;
        }
        if (!segments.isEmpty() && local.size() >= segmentCount(processor.getName())) {
            return true;
        }
        // Some segments are held by another node (or by none, for a moment; or every one, on an api
        // node, whose processors claim none): ask the token store.
        return storedTokens.tokens(processor.getName()).entrySet().stream()
                .filter(stored -> !local.containsKey(stored.getKey()))
                .allMatch(stored -> includes(stored.getValue(), target) || behindReset(stored.getValue()));
    }

    /** {@link #behindReset(EventTrackerStatus)} for a segment another node holds, judged by its stored token. */
    static boolean behindReset(TrackingToken stored) {
        return stored instanceof ReplayToken replay
                && replay.position().orElse(-1) < positionOf(replay.getTokenAtReset());
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(Long.MAX_VALUE);
    }

    /**
     * Whether a token includes every event stored up to the target. Being past it is not enough:
     * with writers at once, an event may commit after its processor read past its index, which the
     * token keeps as a gap until it reads it. A gap with no event is a write that was rolled back.
     */
    private boolean includes(TrackingToken token, long target) {
        if (token == null || token.position().orElse(-1) < target) {
            return false;
        }
        if (!(WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware)) {
            return true;
        }
        SortedSet<Long> gaps = gapAware.getGaps().headSet(target + 1);
        return gaps.isEmpty() || !storedTokens.anyEventAt(gaps);
    }

    /**
     * Whether a segment being replayed has yet to reach the position its view had when it was
     * reset: such a view says it is rebuilding, so nobody waits for it. (Axon calls a segment
     * "replaying" until it handles the first event after that position, which on a quiet
     * installation may be a while; the view is complete as soon as it reaches it.)
     */
    public static boolean behindReset(EventTrackerStatus segment) {
        return segment.isReplaying()
                && segment.getCurrentPosition().orElse(-1) < segment.getResetPosition().orElse(Long.MAX_VALUE);
    }

    /** Where each of a processor's segments stands in the token store, whichever node holds it (-1: at the start). */
    public Map<Integer, Long> storedPositions(String processorName) {
        Map<Integer, Long> positions = new HashMap<>();
        storedTokens.tokens(processorName).forEach((segment, token) ->
                positions.put(segment, token == null ? -1 : token.position().orElse(-1)));
        return positions;
    }

    /** How many segments the processor has, remembered briefly: it changes only on a split or merge. */
    private int segmentCount(String processorName) {
        SegmentCount known = segmentCounts.get(processorName);
        if (known == null || known.isOlderThan(SEGMENT_COUNT_TTL)) {
            known = new SegmentCount(tokenStore.fetchSegments(processorName).length, System.nanoTime());
            segmentCounts.put(processorName, known);
        }
        return known.count();
    }

    private static final Duration SEGMENT_COUNT_TTL = Duration.ofSeconds(5);

    private record SegmentCount(int count, long readAt) {
        boolean isOlderThan(Duration age) {
            return System.nanoTime() - readAt > age.toNanos();
        }
    }

    /** Reads a processor's segments' tokens as stored, without claiming them, and which events are stored. */
    private record StoredTokens(JdbcClient jdbc, Serializer serializer) {

        /** Each segment's token; null for a segment at the start. */
        Map<Integer, TrackingToken> tokens(String processorName) {
            Map<Integer, TrackingToken> tokens = new HashMap<>();
            jdbc.sql("SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?")
                    .param(processorName)
                    .query(row -> {
                        byte[] token = row.getBytes("token");
                        String type = row.getString("token_type");
                        tokens.put(row.getInt("segment"), token == null || type == null ? null
                                : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null)));
                    });
            return tokens;
        }

        boolean anyEventAt(Collection<Long> globalIndexes) {
            return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE global_index IN (:indexes)")
                    .param("indexes", globalIndexes)
                    .query(Long.class).single() > 0;
        }
    }
}
