package coop.cooperative.app.operations;

import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.Refusal;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The projections (one streaming processor each) and their rebuilds. A replay resets the
 * processor's tokens, which runs the projection's {@code @ResetHandler} (it empties its tables), and
 * lets it read every event again; every node takes part ({@link ClusterReplays}). Until it has
 * caught up, the view counts as rebuilding: its queries refuse with {@link ViewRebuilding} rather
 * than answer from half-built tables.
 */
@Component
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProjectionCatchUp catchUp;
    private final ClusterReplays replays;
    private final MeterRegistry meters;
    private final Duration logInterval;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay-progress");
        thread.setDaemon(true);
        return thread;
    });

    Projections(EventProcessingConfiguration processing, EventStore eventStore, ProjectionCatchUp catchUp,
                ClusterReplays replays, MeterRegistry meters,
                @Value("${cooperative.projections.replay-log-interval:PT5S}") Duration logInterval) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.catchUp = catchUp;
        this.replays = replays;
        this.meters = meters;
        this.logInterval = logInterval;
    }

    /** What an administrator sees of a projection. {@code progress} is 0..1 of the events to replay, 1 when not replaying. */
    public record Status(String name, String state, boolean replaying, double progress, Long position,
                         Long replayUntil, int segments, long deadLetters, String error) {
    }

    public List<Status> all() {
        return processors().values().stream()
                .map(this::status)
                .sorted(Comparator.comparing(Status::name))
                .toList();
    }

    public Status status(String name) {
        return status(processor(name));
    }

    /** Empties the view and rebuilds it from the first event, on every node, while the app keeps serving. */
    public Status replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new DomainException.Conflict(Refusal.REPLAY_NOT_ALLOWED, "The processor " + name + " does not allow a replay", name);
        }
        if (isRebuilding(name)) {
            throw new DomainException.Conflict(Refusal.REPLAY_RUNNING, "The view " + name + " is already being rebuilt", name);
        }
        log.info("replay of {} requested: every node stops it, then it is emptied and reads every event again", name);
        replays.request(name, head());
        replays.current(name).ifPresent(started ->
                ticker.schedule(() -> report(name, started), logInterval.toMillis(), TimeUnit.MILLISECONDS));
        return status(processor);
    }

    /** Whether the view is being rebuilt, on any node: from the request until every segment has caught up with the replay. */
    public boolean isRebuilding(String name) {
        return replays.isRebuilding(name);
    }

    private void report(String name, ClusterReplays.Rebuild started) {
        if (!isRebuilding(name) || !replays.current(name).map(now -> now.at().equals(started.at())).orElse(false)) {
            return;
        }
        Status status = status(name);
        log.info("replay of {}: {}% (event {} of {})", name, Math.round(status.progress() * 100),
                status.position(), status.replayUntil());
        ticker.schedule(() -> report(name, started), logInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Replay progress, how far behind, and parked events per projection, for Prometheus. */
    @EventListener(ApplicationReadyEvent.class)
    void registerMetrics() {
        processors().keySet().forEach(name -> {
            Gauge.builder("cooperative.projection.replay.progress", this, p -> p.status(name).progress())
                    .description("Share of the events a rebuilding view has replayed (1 when not rebuilding)")
                    .tag("processing_group", name)
                    .register(meters);
            Gauge.builder("cooperative.projection.rebuilding", this, p -> p.isRebuilding(name) ? 1 : 0)
                    .description("1 while the view is being rebuilt and its queries answer 503")
                    .tag("processing_group", name)
                    .register(meters);
            Gauge.builder("cooperative.projection.behind", this, p -> p.behind(name))
                    .description("Events stored that the view has yet to handle (its slowest segment, on any node)")
                    .tag("processing_group", name)
                    .register(meters);
            processing.deadLetterQueue(name).ifPresent(queue ->
                    Gauge.builder("cooperative.dead_letters", queue, SequencedDeadLetterQueue::size)
                            .description("Events parked in the projection's dead-letter queue")
                            .tag("processing_group", name)
                            .register(meters));
        });
    }

    /**
     * How many stored events the view has yet to handle, read from the token store: so it counts
     * the segments other nodes hold, and a stopped view too.
     */
    long behind(String name) {
        long slowest = catchUp.storedPositions(name).values().stream().mapToLong(Long::longValue).min().orElse(-1);
        return Math.max(0, head() - slowest);
    }

    /** The position of the last event stored; -1 while there is none. */
    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    @PreDestroy
    void stopTicker() {
        ticker.shutdownNow();
    }

    private Status status(StreamingEventProcessor processor) {
        String name = processor.getName();
        Map<Integer, EventTrackerStatus> held = processor.processingStatus();
        Collection<EventTrackerStatus> segments = held.values();
        boolean replaying = isRebuilding(name);
        List<OptionalLong> positions = new ArrayList<>(segments.stream().map(EventTrackerStatus::getCurrentPosition).toList());
        if (replaying) {
            // The segments other nodes hold (all of them on an api node) count by their stored tokens.
            catchUp.storedPositions(name).forEach((segment, stored) -> {
                if (!held.containsKey(segment)) {
                    positions.add(OptionalLong.of(stored));
                }
            });
        }
        Long position = min(positions);
        Long until = segments.stream().map(EventTrackerStatus::getResetPosition)
                .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).max(Long::compare)
                .or(() -> replaying ? replays.current(name).map(ClusterReplays.Rebuild::until) : Optional.empty())
                .orElse(null);
        double progress = !replaying ? 1.0
                : position == null || until == null || until <= 0 ? 0.0
                : Math.max(0.0, Math.min(1.0, (double) position / until));
        String error = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> String.valueOf(s.getError())).findFirst().orElse(null);
        String state = error != null ? "ERROR" : processor.isRunning() ? "RUNNING" : "STOPPED";
        long parked = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
        return new Status(name, state, replaying, progress, position, until, segments.size(), parked, error);
    }

    private static Long min(List<OptionalLong> positions) {
        return positions.stream().filter(OptionalLong::isPresent).map(OptionalLong::getAsLong)
                .min(Long::compare).orElse(null);
    }

    StreamingEventProcessor processor(String name) {
        StreamingEventProcessor processor = processors().get(name);
        if (processor == null) {
            throw new DomainException.NotFound(Refusal.PROJECTION_NOT_FOUND, "No projection " + name + "; the projections are "
                    + processors().keySet(), name, processors().keySet());
        }
        return processor;
    }

    private Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> found = new java.util.TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                found.put(name, streaming);
            }
        });
        return found;
    }
}
