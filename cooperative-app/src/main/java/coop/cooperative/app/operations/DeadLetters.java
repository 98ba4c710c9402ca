package coop.cooperative.app.operations;

import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.Refusal;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events projections parked because a handler failed on them, kept per projection and per
 * aggregate (a sequence): while a sequence has dead letters, that aggregate's later events join
 * it, so they are never applied out of order. After the cause is fixed, a retry hands the
 * sequence to the handlers again; an evicted letter is dropped for good.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final EventProcessingConfiguration processing;
    private final Projections projections;

    DeadLetters(EventProcessingConfiguration processing, Projections projections) {
        this.processing = processing;
        this.projections = projections;
    }

    /** One parked event; {@code sequence} is the aggregate whose events wait behind it. */
    public record Letter(String id, String projection, String sequence, long index, String eventId,
                         String eventType, String aggregateId, Long aggregateSequence, Instant enqueuedAt,
                         Instant lastTouched, String causeType, String causeMessage) {
    }

    public record RetryResult(String projection, int sequencesHandled, long remaining) {
    }

    public List<Letter> list(String projection) {
        List<Letter> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(projection).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                letters.add(describe(projection, (JdbcDeadLetter<?>) letter));
            }
        }
        return letters;
    }

    public List<Letter> listAll() {
        return projections.all().stream().flatMap(p -> list(p.name()).stream()).toList();
    }

    /** Retries every sequence of the projection once; a sequence that fails again stays parked with the new cause. */
    public RetryResult retryAll(String projection) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(projection);
        int handled = 0;
        long sequences = queue.amountOfSequences();
        for (long i = 0; i < sequences; i++) {
            if (processor.processAny()) {
                handled++;
            }
        }
        log.info("dead letters of {}: {} of {} sequences handled on retry", projection, handled, sequences);
        return new RetryResult(projection, handled, queue.size());
    }

    /** Retries the sequence this letter is in, from its first letter on. */
    public RetryResult retry(String projection, String letterId) {
        String sequence = find(projection, letterId).getSequenceIdentifier();
        boolean handled = processor(projection).process(letter -> letter instanceof JdbcDeadLetter<?> jdbc
                && jdbc.getSequenceIdentifier().equals(sequence));
        log.info("dead letters of {}: sequence {} {} on retry", projection, sequence, handled ? "handled" : "still failing");
        return new RetryResult(projection, handled ? 1 : 0, queue(projection).size());
    }

    /** Drops one parked event for good (its view will never see it, unless a replay handles it). */
    public void evict(String projection, String letterId) {
        JdbcDeadLetter<?> letter = find(projection, letterId);
        @SuppressWarnings("unchecked")
        DeadLetter<? extends EventMessage<?>> parked = (DeadLetter<? extends EventMessage<?>>) letter;
        queue(projection).evict(parked);
        log.warn("dead letter {} of {} evicted: event {} ({}) dropped", letterId, projection,
                letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName());
    }

    private JdbcDeadLetter<?> find(String projection, String letterId) {
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(projection).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letter instanceof JdbcDeadLetter<?> jdbc && jdbc.getIdentifier().equals(letterId)) {
                    return jdbc;
                }
            }
        }
        throw new DomainException.NotFound(Refusal.DEAD_LETTER_NOT_FOUND, "No dead letter " + letterId + " in " + projection,
                letterId, projection);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String projection) {
        projections.processor(projection);
        return processing.deadLetterQueue(projection)
                .orElseThrow(() -> new DomainException.NotFound(Refusal.DEAD_LETTER_NO_QUEUE,
                        "The projection " + projection + " has no dead-letter queue", projection));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String projection) {
        return processing.sequencedDeadLetterProcessor(projection)
                .orElseThrow(() -> new DomainException.NotFound(Refusal.DEAD_LETTER_NO_QUEUE,
                        "The projection " + projection + " has no dead-letter queue", projection));
    }

    private static Letter describe(String projection, JdbcDeadLetter<?> letter) {
        EventMessage<?> event = letter.message();
        Optional<DomainEventMessage<?>> domain = event instanceof DomainEventMessage<?> d ? Optional.of(d) : Optional.empty();
        return new Letter(letter.getIdentifier(), projection, letter.getSequenceIdentifier(), letter.getSequenceIndex(),
                event.getIdentifier(), event.getPayloadType().getSimpleName(),
                domain.map(DomainEventMessage::getAggregateIdentifier).orElse(null),
                domain.map(DomainEventMessage::getSequenceNumber).orElse(null),
                letter.enqueuedAt(), letter.lastTouched(),
                letter.cause().map(Cause::type).orElse(null), letter.cause().map(Cause::message).orElse(null));
    }
}
