package coop.cooperative.app.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What lets several nodes share one database: each node claims projection segments in the token
 * store under its own id, a dead node's claims expire after {@code cooperative.cluster.claim-timeout},
 * and a command that lost the race for an aggregate's next sequence number is retried a few times.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    /** This node's name in the token store and the node table; unique per running instance. */
    @Bean
    NodeId nodeId(@Value("${cooperative.cluster.node-id:}") String configured) {
        return new NodeId(configured.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8)
                : configured);
    }

    /**
     * Axon's JDBC token store, with this node's id as the owner of its claims (two nodes in one
     * JVM would otherwise share the JVM's name and both believe they own every segment).
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema schema, NodeId node,
                          @Value("${cooperative.cluster.claim-timeout:PT10S}") Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(schema)
                .nodeId(node.value())
                .claimTimeout(claimTimeout)
                .build();
    }

    /**
     * Tells Axon that the database refused an event because its aggregate already has one at that
     * sequence number (SQL state 23505, unique violation, on PostgreSQL and H2 alike), so that it
     * reports a {@link ConcurrencyException} rather than a storage failure. Axon's default resolver
     * looks at vendor error codes, which PostgreSQL's driver does not set.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return ClusterConfiguration::isUniqueViolation;
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Two nodes that handle a command for the same aggregate at once both try to store its next
     * sequence number; the database refuses the second (unique key), Axon reports a
     * {@link ConcurrencyException}, and the gateway runs that command again on fresh state, at most
     * {@code cooperative.commands.max-retries} times. Any other failure is a real answer and is
     * never retried.
     */
    @Bean
    RetryScheduler commandRetryScheduler(@Value("${cooperative.commands.max-retries:3}") int maxRetries,
                                         @Value("${cooperative.commands.retry-interval:PT0.05S}") Duration interval,
                                         MeterRegistry meters) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        RetryScheduler retries = IntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .maxRetryCount(maxRetries)
                .retryInterval((int) interval.toMillis())
                // The gate below lets only a lost race through; Axon tests its predicate on every cause.
                .nonTransientFailurePredicate(failure -> false)
                .build();
        return new RaceRetryScheduler(retries, Counter.builder("cooperative.commands.retried")
                .description("commands run again after another node stored the aggregate's next event first")
                .register(meters));
    }

    static boolean lostTheRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateStreamCreationException) {
                return false;
            }
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /** Retries only commands that lost the race for an aggregate's sequence number, and counts them. */
    private record RaceRetryScheduler(RetryScheduler delegate, Counter retried) implements RetryScheduler {

        @Override
        public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                     List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
            boolean scheduled = lostTheRace(lastFailure) && delegate.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
            if (scheduled) {
                retried.increment();
            }
            return scheduled;
        }
    }
}
