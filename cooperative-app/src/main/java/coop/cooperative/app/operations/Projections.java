package coop.cooperative.app.operations;

import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.app.rebuild.RebuildRequests;
import coop.cooperative.app.rebuild.ShadowRebuilds;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The projections (one streaming processor each) and their rebuilds. A replay rebuilds the view's
 * tables beside the live ones and swaps them in once caught up ({@link ShadowRebuilds}): the live
 * view answers all along, and pauses for the handover only.
 */
@Component
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProjectionCatchUp catchUp;
    private final ShadowRebuilds replays;
    private final MeterRegistry meters;
    private final Duration logInterval;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay-progress");
        thread.setDaemon(true);
        return thread;
    });

    Projections(EventProcessingConfiguration processing, EventStore eventStore, ProjectionCatchUp catchUp,
                ShadowRebuilds replays, MeterRegistry meters,
                @Value("${cooperative.projections.replay-log-interval:PT5S}") Duration logInterval) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.catchUp = catchUp;
        this.replays = replays;
        this.meters = meters;
        this.logInterval = logInterval;
    }

    /**
     * What an administrator sees of a projection. {@code progress} is 0..1 of the events to replay,
     * 1 when not replaying; {@code position} the rebuild's while one is under way. {@code rebuildPhase}
     * (QUEUED, LOADING, HANDOVER, SWAPPING) and {@code rebuildNode} while rebuilding; {@code lastRebuild}
     * how the last one ended (DONE, or GIVEN_UP with its reason).
     */
    public record Status(String name, String state, boolean replaying, double progress, Long position,
                         Long replayUntil, int segments, long deadLetters, String error, String rebuildPhase,
                         String rebuildNode, LastRebuild lastRebuild) {
    }

    /** How a view's last rebuild ended: when, DONE or GIVEN_UP, why, its size and how long the live view paused. */
    public record LastRebuild(Instant finishedAt, String outcome, String reason, long events, long tookMillis,
                              Long pauseMillis, String node) {

        static LastRebuild of(RebuildRequests.Outcome outcome) {
            return new LastRebuild(Instant.ofEpochMilli(outcome.finishedAt()), outcome.outcome(), outcome.reason(),
                    outcome.events(), outcome.tookMillis(), outcome.pauseMillis(), outcome.node());
        }
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

    /** Rebuilds the view beside the live one, which answers meanwhile; on one node, claimed among them. */
    public Status replay(String name) {
        return replay(List.of(name)).get(0);
    }

    /**
     * Rebuilds these views (every view with tables of its own when none are named) in one pass over
     * the store; refused as a whole when one of them may not be or is being rebuilt.
     */
    public List<Status> replay(List<String> names) {
        List<String> views = names.isEmpty() ? List.copyOf(replays.rebuildable()) : List.copyOf(new LinkedHashSet<>(names));
        for (String name : views) {
            if (!processor(name).supportsReset() || !replays.rebuildable().contains(name)) {
                throw new DomainException.Conflict(Refusal.REPLAY_NOT_ALLOWED, "The processor " + name + " does not allow a replay", name);
            }
        }
        if (!replays.request(views, head())) {
            throw new DomainException.Conflict(Refusal.REPLAY_RUNNING, "The views " + views + " are already being rebuilt",
                    String.join(", ", views));
        }
        log.info("rebuild of {} requested: their tables are built anew beside the live ones, which answer meanwhile", views);
        views.forEach(name -> replays.current(name).ifPresent(started ->
                ticker.schedule(() -> report(name, started), logInterval.toMillis(), TimeUnit.MILLISECONDS)));
        return views.stream().map(this::status).toList();
    }

    /** Withdraws a rebuild before its handover: its new tables are dropped, the live view stays as it is. */
    public void cancelReplay(String name) {
        processor(name);
        if (!replays.cancel(name)) {
            throw new DomainException.NotFound(Refusal.REPLAY_NONE, "No rebuild of " + name + " to cancel", name);
        }
    }

    /** Whether the view is being rebuilt, on any node: from the request until every segment has caught up with the replay. */
    public boolean isRebuilding(String name) {
        return replays.isRebuilding(name);
    }

    private void report(String name, RebuildRequests.Request started) {
        if (!isRebuilding(name) || !replays.current(name).map(now -> now.requestedAt() == started.requestedAt()).orElse(false)) {
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
                    .description("1 while the view is being rebuilt beside the live one (which answers meanwhile)")
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
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        Optional<RebuildRequests.Request> rebuild = replays.current(name);
        Long position = rebuild.map(RebuildRequests.Request::position)
                .orElseGet(() -> min(segments.stream().map(EventTrackerStatus::getCurrentPosition).toList()));
        Long until = rebuild.map(RebuildRequests.Request::until).orElse(null);
        double progress = rebuild.isEmpty() ? 1.0
                : position == null || until == null || until <= 0 ? 0.0
                : Math.max(0.0, Math.min(1.0, (double) position / until));
        String error = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> String.valueOf(s.getError())).findFirst().orElse(null);
        String state = error != null ? "ERROR" : processor.isRunning() ? "RUNNING" : "STOPPED";
        long parked = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
        return new Status(name, state, rebuild.isPresent(), progress, position, until, segments.size(), parked, error,
                rebuild.map(r -> r.phase().name()).orElse(null), rebuild.map(RebuildRequests.Request::owner).orElse(null),
                replays.lastOutcome(name).map(LastRebuild::of).orElse(null));
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
