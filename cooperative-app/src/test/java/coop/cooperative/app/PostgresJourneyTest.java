package coop.cooperative.app;

import com.zaxxer.hikari.HikariDataSource;
import coop.cooperative.app.Api.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The same migrations and the same journey on a real PostgreSQL, started in-process by zonky. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cooperative.admin.password=" + Api.ADMIN_PASSWORD)
@ActiveProfiles("postgres")
class PostgresJourneyTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    /** PostgreSQL as a bean, so Spring stops it after the pool and the processors that use it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class EmbeddedDatabase {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(EmbeddedPostgres postgres) {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            pool.setUsername("postgres");
            pool.setPassword("postgres");
            return pool;
        }
    }

    @Test
    void aCooperativeIsFoundedAndJoinedOnPostgres() {
        Api api = new Api(http);
        String cooperative = api.asAdmin(HttpMethod.POST, "/api/cooperatives", "{\"name\": \"Noorderlicht\"}")
                .text("cooperativeId");

        Response joined = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members",
                "{\"name\": \"Sanne Jansen\", \"email\": \"sanne@noorderlicht.example\", \"skills\": [\"devops\"], "
                        + "\"hourlyRate\": \"92.25\"}");
        Response members = api.asAdmin(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/members", null);

        assertThat(joined.status()).isEqualTo(201);
        assertThat(members.body().findValuesAsText("name")).containsExactly("Administrator", "Sanne Jansen");
        assertThat(members.body().get(1).get("hourlyRate").asText()).isEqualTo("92.25");
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns "
                + "WHERE table_name = 'domain_event_entry' AND column_name = 'payload'").query(String.class).single())
                .isEqualTo("bytea");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
    }
}
