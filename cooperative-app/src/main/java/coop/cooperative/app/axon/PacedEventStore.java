package coop.cooperative.app.axon;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Axon's embedded event store, whose streams wake their processor when this node stores events.
 * <p>
 * Axon's own streams cannot tell a pooled streaming processor that events have arrived, so a
 * processor that has read everything looks again only after half a second. A write answered with
 * read-your-writes waits for every processor that handles its events: without a wake-up, on a quiet
 * node, it waited for the last of their naps, half a second per click.
 * <p>
 * So a stream that has read everything is woken when this node stores events. Not at once after it
 * was busy, though: then it waits out the {@code pace} since it caught up, and reads the events
 * stored meanwhile together. Under a steady flow of commands it thus reads in batches as it did
 * with Axon's nap; a read per commit would cost a query and a transaction per event in each
 * processor. Events stored by other nodes are looked for every {@code idle}.
 * <p>
 * A request that waits to read its own write ({@link ProjectionCatchUp}) hurries the processors it
 * waits for: they are woken at once, pace or not. The pace is for writes nobody waits for.
 */
final class PacedEventStore extends EmbeddedEventStore {

    private final long paceNanos;
    private final long idleNanos;
    private final Set<PacedStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicLong commits = new AtomicLong();
    private final ScheduledExecutorService wakeUps =
            Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("EventStreamWakeUps"));
    private final ProcessorThreads processorThreads;

    PacedEventStore(EmbeddedEventStore.Builder builder, Duration pace, Duration idle, ProcessorThreads processorThreads) {
        super(builder);
        this.paceNanos = pace.toNanos();
        this.idleNanos = idle.toNanos();
        this.processorThreads = processorThreads;
    }

    /** Wakes these processors' streams now, without waiting out the pace. */
    void hurry(Set<String> processorNames) {
        streams.stream().filter(stream -> processorNames.contains(stream.processor)).forEach(PacedStream::hurry);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        commits.incrementAndGet();
        streams.forEach(PacedStream::eventsStored);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        PacedStream stream = new PacedStream(super.openStream(trackingToken), processorThreads.processorOfCurrentThread());
        streams.add(stream);
        return stream;
    }

    @Override
    public void shutDown() {
        wakeUps.shutdownNow();
        super.shutDown();
    }

    private final class PacedStream implements TrackingEventStream {

        private static final long NONE = Long.MIN_VALUE;

        private final TrackingEventStream events;
        /** The processor reading it; null when it is not a processor's coordinator (a replay's reader, a test). */
        private final String processor;
        private volatile Runnable onAvailable;
        /** Whether its processor has read everything and waits to be woken. */
        private volatile boolean waiting;
        /** When a read found nothing new after reads that did: the pace runs from there. */
        private volatile long caughtUpAt = System.nanoTime() - paceNanos;
        /** Read and written by the processor's coordinator thread only. */
        private boolean foundEvents;
        private ScheduledFuture<?> wakeUp;
        /** When the wake-up is due, if one is: read without the lock, so that commands do not queue for it. */
        private volatile long wakeUpAt = NONE;

        private PacedStream(TrackingEventStream events, String processor) {
            this.events = events;
            this.processor = processor;
        }

        /** The pace is over: the next read happens now, and a stream that waits is woken. */
        private void hurry() {
            caughtUpAt = System.nanoTime() - paceNanos;
            if (waiting) {
                wakeAfter(0);
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (System.nanoTime() - caughtUpAt < paceNanos) {
                return false;
            }
            waiting = false;
            long commitsBefore = commits.get();
            boolean available = events.hasNextAvailable(timeout, unit);
            if (!available) {
                if (foundEvents) {
                    caughtUpAt = System.nanoTime();
                    foundEvents = false;
                }
                waiting = true;
                // Events stored while that read ran may be missing from it, and their wake-up was not sent.
                wakeAfter(commits.get() == commitsBefore ? idleNanos : untilPaced());
            }
            return available;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> next = events.nextAvailable();
            foundEvents = true;
            return next;
        }

        private void eventsStored() {
            if (waiting) {
                long delay = untilPaced();
                long due = wakeUpAt;
                if (due == NONE || due - System.nanoTime() > delay) {
                    wakeAfter(delay);
                }
            }
        }

        private long untilPaced() {
            return Math.max(0, caughtUpAt + paceNanos - System.nanoTime());
        }

        /** Wakes the processor after the delay, unless it is to be woken sooner already. */
        private synchronized void wakeAfter(long delayNanos) {
            if (onAvailable == null) {
                return;
            }
            if (wakeUp != null) {
                if (wakeUp.getDelay(TimeUnit.NANOSECONDS) <= delayNanos) {
                    return;
                }
                wakeUp.cancel(false);
            }
            try {
                wakeUp = wakeUps.schedule(this::wake, delayNanos, TimeUnit.NANOSECONDS);
                wakeUpAt = System.nanoTime() + delayNanos;
            } catch (RejectedExecutionException shuttingDown) {
                // The store is shutting down, and its processors with it.
            }
        }

        /** A wake-up that falls within the pace (it was asked for before the stream caught up) is put off to its end. */
        private void wake() {
            Runnable callback;
            synchronized (this) {
                wakeUp = null;
                wakeUpAt = NONE;
                long wait = untilPaced();
                if (wait > 0) {
                    wakeAfter(wait);
                    return;
                }
                callback = onAvailable;
            }
            if (callback != null) {
                callback.run();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            streams.remove(this);
            synchronized (this) {
                onAvailable = null;
                if (wakeUp != null) {
                    wakeUp.cancel(false);
                }
            }
            events.close();
        }
    }
}
