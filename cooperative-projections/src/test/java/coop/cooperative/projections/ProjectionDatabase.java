package coop.cooperative.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A database of its own for one test: H2 in memory with this module's migrations, as the app runs
 * them on H2 (the shared ones and H2's own), so a projection writes and reads its real tables. The
 * two app tables those migrations read come from the test's {@code db/app-tables}.
 */
public final class ProjectionDatabase {

    private final DataSource dataSource;

    public ProjectionDatabase() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:projections-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/h2", "classpath:db/app-tables")
                .load().migrate();
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public JdbcTemplate template() {
        return new JdbcTemplate(dataSource);
    }

    /** Drops the database, so the next test starts empty. */
    public void close() {
        template().execute("SHUTDOWN");
    }

    /** An event as a processor hands it to a handler: a new id, stored at noon (UTC) of {@code storedOn}. */
    public static <T> EventMessage<T> stored(T event, LocalDate storedOn) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), event, MetaData.emptyInstance(),
                storedOn.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    /** The same, {@code seconds} later on that day: for events stored in one order on one day. */
    public static <T> EventMessage<T> stored(T event, LocalDate storedOn, int seconds) {
        Instant noon = storedOn.atTime(12, 0).toInstant(ZoneOffset.UTC);
        return new GenericEventMessage<>(UUID.randomUUID().toString(), event, MetaData.emptyInstance(),
                noon.plusSeconds(seconds));
    }
}
