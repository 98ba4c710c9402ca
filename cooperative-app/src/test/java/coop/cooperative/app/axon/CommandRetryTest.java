package coop.cooperative.app.axon;

import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.Refusal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Which failed commands run again: only those that lost the race for the aggregate's next sequence number. */
class CommandRetryTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RetryScheduler retries = new ClusterConfiguration()
            .commandRetryScheduler(2, Duration.ofMillis(1), meters);

    @Test
    void aCommandThatLostTheRaceRunsAgainAtMostTheConfiguredNumberOfTimes() {
        AtomicInteger runs = new AtomicInteger();
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        ConcurrencyException lost = new ConcurrencyException("sequence 4 taken", new SQLException("duplicate", "23505"));

        for (int attempt = 0; attempt < 3; attempt++) {
            failures.add(chain(lost));
            retries.scheduleRetry(GenericCommandMessage.asCommandMessage("join"), lost, failures, runs::incrementAndGet);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
        assertThat(meters.counter("cooperative.commands.retried").count()).isEqualTo(2);
    }

    @Test
    void aRefusalOrAStorageFailureIsTheAnswerAndNeverRetried() {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (RuntimeException failure : List.of(new DomainException.Conflict(Refusal.MEMBER_EMAIL_TAKEN, "already a member"),
                new EventStoreException("disk full", new SQLException("disk full", "53100")),
                new AggregateStreamCreationException("a cooperative with this id exists"))) {
            failures.add(chain(failure));
            assertThat(retries.scheduleRetry(GenericCommandMessage.asCommandMessage("join"), failure, failures, () -> { }))
                    .as(failure.toString()).isFalse();
        }
    }

    @Test
    void aUniqueKeyViolationIsRecognisedOnPostgresqlAndH2BatchesAlike() {
        SQLException violation = new SQLException("duplicate key value violates unique constraint", "23505");
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", "23000", new int[0]);
        batch.setNextException(violation);

        assertThat(new ClusterConfiguration().persistenceExceptionResolver().isDuplicateKeyViolation(batch)).isTrue();
        assertThat(ClusterConfiguration.isUniqueViolation(new RuntimeException(violation))).isTrue();
        assertThat(ClusterConfiguration.isUniqueViolation(new SQLException("deadlock", "40P01"))).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable>[] chain(Throwable failure) {
        List<Class<? extends Throwable>> classes = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            classes.add(t.getClass());
        }
        return classes.toArray(Class[]::new);
    }
}
