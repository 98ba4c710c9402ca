package coop.cooperative.app.axon;

import org.axonframework.messaging.deadletter.ThrowableCause;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterCauseTest {

    @Test
    void aLongFailureMessageIsCutToWhatTheDeadLetterTableHolds() {
        ThrowableCause cause = ProjectionDeadLetterQueues.cause(new IllegalStateException("x".repeat(5000)));

        assertThat(cause.message()).hasSize(ThrowableCause.TRUNCATED_MESSAGE_SIZE)
                .startsWith("java.lang.IllegalStateException: xxx");
        assertThat(cause.type()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void aShortOrMissingMessageIsKeptWithTheType() {
        assertThat(ProjectionDeadLetterQueues.cause(new IllegalStateException("view broke")).message())
                .isEqualTo("java.lang.IllegalStateException: view broke");
        assertThat(ProjectionDeadLetterQueues.cause(new NullPointerException()).message())
                .isEqualTo("java.lang.NullPointerException: null");
    }
}
