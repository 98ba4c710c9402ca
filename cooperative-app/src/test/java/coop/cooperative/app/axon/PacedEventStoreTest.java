package coop.cooperative.app.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a processor reading the store is woken: at once when this node stores events while it is
 * idle, at the end of the pace when it has just caught up after reading events, and every idle
 * interval for the events that other nodes store.
 * The waits below are upper bounds for a wake-up that must come; where a setting is an hour, only
 * the other way of waking can have done it.
 */
class PacedEventStoreTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private final EventStorageEngine storage = new InMemoryEventStorageEngine();
    private final List<PacedEventStore> stores = new ArrayList<>();
    private final ProcessorThreads threads = new ProcessorThreads();

    @AfterEach
    void shutDown() {
        stores.forEach(PacedEventStore::shutDown);
    }

    @Test
    void anIdleProcessorIsWokenAtOnceWhenThisNodeStoresAnEvent() throws InterruptedException {
        PacedEventStore store = store(HOUR, HOUR);
        TrackingEventStream stream = store.openStream(null);
        CountDownLatch woken = wakeUpsOf(stream);
        assertThat(stream.hasNextAvailable()).isFalse();

        store.publish(GenericEventMessage.asEventMessage("member joined"));

        assertThat(woken.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("member joined");
    }

    @Test
    void aBusyStreamThatCaughtUpDoesNotAskTheStoreAgainWithinThePace() throws InterruptedException {
        PacedEventStore store = store(HOUR, HOUR);
        TrackingEventStream stream = store.openStream(null);
        wakeUpsOf(stream);
        store.publish(GenericEventMessage.asEventMessage("member joined"));
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("member joined");
        assertThat(stream.hasNextAvailable()).isFalse();

        store.publish(GenericEventMessage.asEventMessage("member left"));

        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(store.openStream(null).hasNextAvailable()).as("a stream that has read nothing yet").isTrue();
    }

    @Test
    void anEventStoredWithinThePaceWakesTheProcessorWhenThePaceIsOver() throws InterruptedException {
        PacedEventStore store = store(Duration.ofMillis(300), HOUR);
        TrackingEventStream stream = store.openStream(null);
        store.publish(GenericEventMessage.asEventMessage("member joined"));
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("member joined");
        CountDownLatch woken = wakeUpsOf(stream);
        assertThat(stream.hasNextAvailable()).isFalse();

        store.publish(GenericEventMessage.asEventMessage("member left"));

        assertThat(woken.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("member left");
    }

    @Test
    void eventsThatAnotherNodeStoresAreLookedForEveryIdleInterval() throws InterruptedException {
        PacedEventStore here = store(Duration.ZERO, Duration.ofMillis(100));
        PacedEventStore otherNode = store(Duration.ZERO, HOUR);
        TrackingEventStream stream = here.openStream(null);
        CountDownLatch woken = wakeUpsOf(stream);
        assertThat(stream.hasNextAvailable()).isFalse();

        otherNode.publish(GenericEventMessage.asEventMessage("member joined"));

        assertThat(woken.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable()).isTrue();
    }

    @Test
    void aProcessorThatARequestWaitsForIsWokenAtOnceWithinThePaceAndTheOthersAreNot() throws Exception {
        PacedEventStore store = store(HOUR, HOUR);
        TrackingEventStream ledger = openedBy("ledger", store);
        TrackingEventStream hours = openedBy("hours", store);
        store.publish(GenericEventMessage.asEventMessage("cost shared"));
        for (TrackingEventStream stream : List.of(ledger, hours)) {
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("cost shared");
        }
        CountDownLatch ledgerWoken = wakeUpsOf(ledger);
        CountDownLatch hoursWoken = wakeUpsOf(hours);
        assertThat(ledger.hasNextAvailable()).isFalse();
        assertThat(hours.hasNextAvailable()).isFalse();
        store.publish(GenericEventMessage.asEventMessage("cost approved"));

        store.hurry(Set.of("ledger"));

        assertThat(ledgerWoken.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ledger.hasNextAvailable()).isTrue();
        assertThat(hoursWoken.await(200, TimeUnit.MILLISECONDS)).as("paced for an hour").isFalse();
        assertThat(hours.hasNextAvailable()).isFalse();
    }

    /** A stream opened as a processor opens it: on that processor's coordinator thread. */
    private TrackingEventStream openedBy(String processor, PacedEventStore store) throws Exception {
        ScheduledExecutorService coordinator = threads.coordinatorOf(processor);
        try {
            return coordinator.submit(() -> store.openStream(null)).get();
        } finally {
            coordinator.shutdown();
        }
    }

    private PacedEventStore store(Duration pace, Duration idle) {
        PacedEventStore store = new PacedEventStore(EmbeddedEventStore.builder()
                .storageEngine(storage)
                .optimizeEventConsumption(false), pace, idle, threads);
        stores.add(store);
        return store;
    }

    private static CountDownLatch wakeUpsOf(TrackingEventStream stream) {
        CountDownLatch woken = new CountDownLatch(1);
        assertThat(stream.setOnAvailableCallback(woken::countDown)).isTrue();
        return woken;
    }
}
