package coop.cooperative.app.axon;

import coop.cooperative.core.membership.Cooperative;
import coop.cooperative.core.riskpool.RiskPool;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The aggregates whose histories keep growing for as long as the cooperative exists (the
 * cooperative itself and its risk pool). They are loaded from their latest snapshot plus the
 * events after it, a snapshot is taken every {@code cooperative.snapshots.threshold} events, and
 * each node keeps the last {@code cooperative.aggregates.cache-size} it used of each type in memory.
 */
@Component
class LongLivedAggregates implements DisposableBean {

    /** Also tells the stored-format mapper which classes are written as snapshots. */
    static final List<Class<?>> TYPES = List.of(Cooperative.class, RiskPool.class);

    private final int threshold;
    private final int cacheSize;
    private final CacheManager caches = CacheManagerBuilder.newCacheManagerBuilder().build(true);

    LongLivedAggregates(@Value("${cooperative.snapshots.threshold:100}") int threshold,
                        @Value("${cooperative.aggregates.cache-size:5000}") int cacheSize) {
        this.threshold = threshold;
        this.cacheSize = cacheSize;
    }

    <A> AggregateConfigurer<A> configuration(Class<A> type) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException(type + " is not listed in LongLivedAggregates.TYPES");
        }
        Cache cache = cache(type);
        return AggregateConfigurer.defaultConfiguration(type)
                .configureSnapshotTrigger(config -> new EventCountSnapshotTriggerDefinition(snapshotter(config, type), threshold))
                .configureCache(config -> cache);
    }

    /**
     * A bounded cache that holds its entries strongly: a cache of weak references is emptied by
     * every garbage collection, which under load means nearly every command sourced its aggregate.
     */
    @SuppressWarnings("unchecked")
    private Cache cache(Class<?> type) {
        if (cacheSize <= 0) {
            return NoCache.INSTANCE;
        }
        // The adapter takes Ehcache's implementation class, which is what the manager creates.
        return new EhCache3Adapter((Ehcache<Object, Object>) caches.createCache(type.getSimpleName(), CacheConfigurationBuilder
                .newCacheConfigurationBuilder(Object.class, Object.class, ResourcePoolsBuilder.heap(cacheSize))));
    }

    /**
     * A snapshotter of its own: Spring's default one only knows aggregates that are Spring beans,
     * and ours are registered with Axon directly. It runs right after the command's transaction.
     */
    private static <A> Snapshotter snapshotter(Configuration config, Class<A> type) {
        return AggregateSnapshotter.builder()
                .eventStore(config.eventStore())
                // inspected with the application's parameter resolvers, so a handler may take a Spring bean
                .aggregateFactories(new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                        type, config.parameterResolverFactory(), config.handlerDefinition(type))))
                .parameterResolverFactory(config.parameterResolverFactory())
                .handlerDefinition(config.handlerDefinition(type))
                .transactionManager(config.getComponent(TransactionManager.class))
                .build();
    }

    @Override
    public void destroy() {
        caches.close();
    }
}
