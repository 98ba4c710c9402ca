package coop.cooperative.app.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Gives every projection a sequenced dead-letter queue in the database ({@code dead_letter_entry}):
 * an event its handler fails on is parked together with the later events of the same aggregate,
 * and the processor goes on with the other aggregates. Ordered last, so no per-processor
 * {@code axon.eventhandling.processors.*.dlq} default replaces it.
 * <p>
 * Each processor remembers, per segment it holds, which aggregates have no letters parked (Axon's
 * sequence identifier cache), so it asks the table only about those that might: without that,
 * every event cost a query, which made a replay several times slower.
 */
@Component
class ProjectionDeadLetterQueues implements ConfigurerModule {

    private final ConnectionProvider connections;
    private final DeadLetterSchema schema;
    private final ListableBeanFactory beans;

    ProjectionDeadLetterQueues(ConnectionProvider connections, DeadLetterSchema schema, ListableBeanFactory beans) {
        this.connections = connections;
        this.schema = schema;
        this.beans = beans;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDeadLetterQueueProvider(processingGroup -> config ->
                JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(processingGroup)
                        .connectionProvider(connections)
                        .transactionManager(config.getComponent(TransactionManager.class))
                        .schema(schema)
                        .genericSerializer(config.serializer())
                        .eventSerializer(config.eventSerializer())
                        .build())
                .registerDefaultDeadLetterPolicy(config -> (letter, failure) -> Decisions.enqueue(cause(failure)));
        processingGroups().forEach(group -> configurer.eventProcessing()
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (config, invoker) -> invoker.enableSequenceIdentifierCache()));
    }

    /** The processing groups of the event handlers in this application, read off their annotations. */
    private Stream<String> processingGroups() {
        return Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                .map(name -> beans.findAnnotationOnBean(name, ProcessingGroup.class))
                .filter(Objects::nonNull)
                .map(ProcessingGroup::value)
                .distinct();
    }

    /**
     * The cause as stored with the letter: its type and message, cut to what {@code cause_message}
     * holds (Axon's JDBC queue stores the whole message, and a SQL error's can be long).
     */
    static ThrowableCause cause(Throwable failure) {
        String message = failure.getClass().getName() + ": " + failure.getMessage();
        return new ThrowableCause(failure.getClass().getName(),
                message.length() <= ThrowableCause.TRUNCATED_MESSAGE_SIZE ? message
                        : message.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE));
    }

    @Override
    public int order() {
        return Integer.MAX_VALUE;
    }
}
