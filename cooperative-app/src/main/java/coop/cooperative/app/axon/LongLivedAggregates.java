package coop.cooperative.app.axon;

import coop.cooperative.core.membership.Cooperative;
import coop.cooperative.core.riskpool.RiskPool;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The aggregates whose histories keep growing for as long as the cooperative exists (the
 * cooperative itself and its risk pool). They are loaded from their latest snapshot plus the
 * events after it, a snapshot is taken every {@code cooperative.snapshots.threshold} events, and
 * each node keeps the ones it loaded in a cache (weak references, so memory decides how many).
 */
@Component
class LongLivedAggregates {

    /** Also tells the stored-format mapper which classes are written as snapshots. */
    static final List<Class<?>> TYPES = List.of(Cooperative.class, RiskPool.class);

    private final int threshold;
    private final boolean cached;

    LongLivedAggregates(@Value("${cooperative.snapshots.threshold:100}") int threshold,
                        @Value("${cooperative.aggregates.cache:true}") boolean cached) {
        this.threshold = threshold;
        this.cached = cached;
    }

    <A> AggregateConfigurer<A> configuration(Class<A> type) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException(type + " is not listed in LongLivedAggregates.TYPES");
        }
        Cache cache = cached ? new WeakReferenceCache() : NoCache.INSTANCE;
        return AggregateConfigurer.defaultConfiguration(type)
                .configureSnapshotTrigger(config -> new EventCountSnapshotTriggerDefinition(snapshotter(config, type), threshold))
                .configureCache(config -> cache);
    }

    /**
     * A snapshotter of its own: Spring's default one only knows aggregates that are Spring beans,
     * and ours are registered with Axon directly. It runs right after the command's transaction.
     */
    private static <A> Snapshotter snapshotter(Configuration config, Class<A> type) {
        return AggregateSnapshotter.builder()
                .eventStore(config.eventStore())
                .aggregateFactories(new GenericAggregateFactory<>(type))
                .parameterResolverFactory(config.parameterResolverFactory())
                .handlerDefinition(config.handlerDefinition(type))
                .transactionManager(config.getComponent(TransactionManager.class))
                .build();
    }
}
