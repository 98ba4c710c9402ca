package coop.cooperative.app.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets a user read their own writes: after a command, waits (briefly, bounded) until every
 * streaming processor on this node has handled the events stored so far, so the answer and the
 * next screen show the change. A view being rebuilt is not waited for: it says so itself.
 */
@Component
public class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;

    ProjectionCatchUp(EventStore eventStore, EventProcessingConfiguration processing,
                      @Value("${cooperative.read-your-writes.timeout:PT5S}") Duration timeout) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.timeout = timeout;
    }

    /** Returns once the views include every event stored before the call, or after the timeout. */
    public void await() {
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!processors.stream().allMatch(p -> reached(p, target))) {
            if (System.nanoTime() > deadline) {
                log.warn("views did not reach event {} within {}; answering with what they show", target, timeout);
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static boolean reached(StreamingEventProcessor processor, long target) {
        if (target < 0) {
            return true;
        }
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        return !segments.isEmpty() && segments.stream()
                .allMatch(s -> s.getCurrentPosition().orElse(-1) >= target || s.isErrorState() || behindReset(s));
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
}
