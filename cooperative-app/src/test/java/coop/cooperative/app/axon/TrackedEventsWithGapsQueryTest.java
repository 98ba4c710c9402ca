package coop.cooperative.app.axon;

import coop.cooperative.app.HttpJourney;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor whose token has a gap gets the event that filled the gap, then the events after its
 * position, in the store's order, and none it has handled already. Also run on PostgreSQL.
 */
public class TrackedEventsWithGapsQueryTest extends HttpJourney {

    @Autowired
    EventStorageEngine storage;
    @Autowired
    TransactionManager transactions;

    @Test
    void aTokenWithAGapReadsTheEventThatFilledItAndThoseAfterItsPosition() {
        readsTheEventsThatFilledGapsAndThoseAfter(storage, transactions);
    }

    public static void readsTheEventsThatFilledGapsAndThoseAfter(EventStorageEngine storage, TransactionManager transactions) {
        TrackingToken before = storage.createHeadToken();
        String aggregate = UUID.randomUUID().toString();
        List<DomainEventMessage<?>> events = IntStream.range(0, 5)
                .<DomainEventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>("Probe", aggregate, i, "event " + i))
                .toList();
        Set<String> mine = events.stream().map(DomainEventMessage::getIdentifier).collect(Collectors.toSet());
        transactions.executeInTransaction(() -> storage.appendEvents(events));
        List<? extends TrackedEventMessage<?>> stored = storage.readEvents(before, false)
                .filter(e -> mine.contains(e.getIdentifier()))
                .toList();
        long[] positions = stored.stream().mapToLong(e -> e.trackingToken().position().orElseThrow()).toArray();
        assertThat(positions).hasSize(5);

        // Handled up to the third event, but the first was not yet committed when it passed by.
        TrackingToken withGap = GapAwareTrackingToken.newInstance(positions[2], Set.of(positions[0]));
        List<String> read = storage.readEvents(withGap, false)
                .map(TrackedEventMessage::getIdentifier)
                .filter(mine::contains)
                .toList();

        assertThat(read).containsExactly(events.get(0).getIdentifier(), events.get(3).getIdentifier(),
                events.get(4).getIdentifier());
    }
}
