package coop.cooperative.app.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * Gives every projection a sequenced dead-letter queue in the database ({@code dead_letter_entry}):
 * an event its handler fails on is parked together with the later events of the same aggregate,
 * and the processor goes on with the other aggregates. Ordered last, so no per-processor
 * {@code axon.eventhandling.processors.*.dlq} default replaces it.
 */
@Component
class ProjectionDeadLetterQueues implements ConfigurerModule {

    private final ConnectionProvider connections;
    private final DeadLetterSchema schema;

    ProjectionDeadLetterQueues(ConnectionProvider connections, DeadLetterSchema schema) {
        this.connections = connections;
        this.schema = schema;
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
                        .build());
    }

    @Override
    public int order() {
        return Integer.MAX_VALUE;
    }
}
