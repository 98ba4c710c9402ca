package coop.cooperative.app.axon;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import coop.cooperative.core.costs.RecurringCost;
import coop.cooperative.core.costs.SharedCost;
import coop.cooperative.core.hours.Timesheet;
import coop.cooperative.core.invoicing.Invoice;
import coop.cooperative.core.invoicing.InvoiceNumbers;
import coop.cooperative.core.invoicing.InvoicingProfile;
import coop.cooperative.core.invoicing.ProjectBilling;
import coop.cooperative.core.membership.Cooperative;
import coop.cooperative.core.projects.Project;
import coop.cooperative.core.projects.Workload;
import coop.cooperative.core.riskpool.RiskPool;
import coop.cooperative.core.settlements.Settlement;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

@Configuration(proxyBeanMethods = false)
class AxonMessagingConfiguration {

    /**
     * The stored format of events and messages. A mapper of its own, so a change to
     * {@code spring.jackson.*} for the API never changes what is in the event store.
     */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new DomainJsonModule())
                .addModule(new AggregateStateJsonModule(LongLivedAggregates.TYPES))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    /** The API's mapper, built by Spring Boot as usual; primary so the web layer never picks Axon's. */
    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    /** Picked up by Spring Boot's Jackson builder: typed ids read and written as plain UUIDs in the API too. */
    @Bean
    Module domainJsonModule() {
        return new DomainJsonModule();
    }

    /** Aggregates are registered here, because core carries no Spring stereotype such as {@code @Aggregate}. */
    @Bean
    ConfigurerModule aggregates(LongLivedAggregates longLived) {
        return configurer -> configurer.configureAggregate(longLived.configuration(Cooperative.class))
                .configureAggregate(SharedCost.class)
                .configureAggregate(RecurringCost.class)
                .configureAggregate(Settlement.class)
                .configureAggregate(longLived.configuration(RiskPool.class))
                .configureAggregate(Project.class)
                .configureAggregate(Workload.class)
                .configureAggregate(Timesheet.class)
                .configureAggregate(InvoicingProfile.class)
                .configureAggregate(ProjectBilling.class)
                .configureAggregate(Invoice.class)
                .configureAggregate(InvoiceNumbers.class);
    }

    /**
     * Every projection runs in a pooled streaming processor that handles events in batches. One
     * that fails on an event stops and retries rather than skipping it: a view that silently
     * missed an event would be wrong ever after. On an {@code api} node ({@link NodeRole}) the
     * processors are registered and started but claim no segment: the nodes that run them keep the
     * views, and this node follows their tokens in the store ({@link ProjectionCatchUp}).
     */
    @Bean
    ConfigurerModule eventProcessors(@Value("${cooperative.projections.batch-size:100}") int batchSize,
                                     @Value("${cooperative.projections.segments:2}") int segments,
                                     @Value("${cooperative.cluster.claim-interval:PT2S}") Duration claimInterval,
                                     @Value("${cooperative.cluster.claim-extension:PT3S}") Duration claimExtension,
                                     ProcessorThreads processorThreads, NodeRole role) {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((config, builder) -> (role.runsProcessors() ? builder
                        : builder.maxClaimedSegments(0))
                        .batchSize(batchSize)
                        .initialSegmentCount(segments)
                        // Several nodes: how often to look for unclaimed segments, and to renew our claims.
                        .tokenClaimInterval(claimInterval.toMillis())
                        .claimExtensionThreshold(claimExtension.toMillis())
                        .coordinatorExecutor(processorThreads::coordinatorOf))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /**
     * The audit trail handles a cooperative's events in the store's order, in one segment: it puts into
     * words what an event names only by id from what an earlier event of another aggregate said (a
     * project's name for a workload booked on it), which two segments could handle the other way round.
     * An event without a cooperative goes by its aggregate, as everywhere else.
     */
    @Bean
    ConfigurerModule auditInOrderPerCooperative() {
        SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();
        return configurer -> configurer.eventProcessing().registerSequencingPolicy("audit", config -> event -> {
            Object cooperative = COOPERATIVE_OF.get(event.getPayloadType()).apply(event.getPayload());
            return cooperative != null ? cooperative.toString() : perAggregate.getSequenceIdentifierFor(event);
        });
    }

    /** An event's {@code cooperativeId}, looked up once per event type; none for a type without one. */
    private static final ClassValue<Function<Object, Object>> COOPERATIVE_OF = new ClassValue<>() {
        @Override
        protected Function<Object, Object> computeValue(Class<?> type) {
            RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
            for (RecordComponent component : components) {
                if (component.getName().equals("cooperativeId")) {
                    Method accessor = component.getAccessor();
                    return payload -> {
                        try {
                            return accessor.invoke(payload);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException("a record's accessor is public", e);
                        }
                    };
                }
            }
            return payload -> null;
        }
    };

    /** Copies who sent a command and the request's correlation id onto every event it causes. */
    @Bean
    CorrelationDataProvider auditCorrelation() {
        return new SimpleCorrelationDataProvider(AuditMetadata.USER_ID, AuditMetadata.CORRELATION_ID);
    }

    /** Axon's gateway (with the audit metadata and retries), with read-your-writes for requests. */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, RetryScheduler commandRetryScheduler, EventStore eventStore,
                                  ObjectProvider<ProjectionCatchUp> views) {
        eventStore.registerDispatchInterceptor(ReadYourWritesCommandGateway.recorder());
        return new ReadYourWritesCommandGateway(DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(commandRetryScheduler)
                .dispatchInterceptors(new AuditMetadata())
                .build(), views);
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
