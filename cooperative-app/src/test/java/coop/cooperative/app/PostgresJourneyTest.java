package coop.cooperative.app;

import com.zaxxer.hikari.HikariDataSource;
import coop.cooperative.app.Api.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import coop.cooperative.app.axon.TrackedEventsWithGapsQueryTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The same migrations and the same journey on a real PostgreSQL, started in-process by zonky. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cooperative.admin.password=" + Api.ADMIN_PASSWORD)
@ActiveProfiles("postgres")
@Import(TestClock.class)
class PostgresJourneyTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    TransactionManager transactions;

    /** PostgreSQL as a bean, so Spring stops it after the pool and the processors that use it. */
    @Test
    void theBooksWorkOnPostgres() {
        Api api = new Api(http);
        String base = "/api/cooperatives/" + api.asAdmin(HttpMethod.POST, "/api/cooperatives", "{\"name\": \"Zuiderlicht\"}")
                .text("cooperativeId");
        String member = api.asAdmin(HttpMethod.POST, base + "/members", "{\"name\": \"Bo Books\", "
                + "\"email\": \"bo.books@zuiderlicht.example\", \"skills\": [], \"hourlyRate\": \"80.00\"}").text("memberId");
        String today = TestClock.today().toString();

        Response shared = api.asAdmin(HttpMethod.POST, base + "/costs", """
                {"description": "Accountant", "amount": "100.02", "date": "%s", "category": "accountant",
                 "split": {"method": "EQUAL"}}""".formatted(today));
        Response approved = api.asAdmin(HttpMethod.POST, base + "/costs/" + shared.text("costId") + "/approve", null);
        Response recurring = api.asAdmin(HttpMethod.POST, base + "/recurring-costs", """
                {"description": "Software", "amount": "12.00", "category": "software", "split": {"method": "EQUAL"},
                 "frequency": "MONTHLY", "firstDate": "%s", "endDate": "%s"}""".formatted(today, today));
        Response balances = api.asAdmin(HttpMethod.GET, base + "/balances", null);
        Response ledger = api.asAdmin(HttpMethod.GET, base + "/ledger?memberId=" + member + "&from=" + today, null);
        Response totals = api.asAdmin(HttpMethod.GET, base + "/category-totals", null);
        var journal = http.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD).getForEntity(base + "/ledger.journal", String.class);
        Response approvals = api.asAdmin(HttpMethod.GET, base + "/audit?kind=CostApproved", null);

        assertThat(shared.status()).isEqualTo(201);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(balances.text("total")).isEqualTo("0.00");
        assertThat(balances.text("cooperative")).isEqualTo("100.02");
        assertThat(ledger.body().get("lines").findValuesAsText("memberBalance")).containsExactly("-50.01");
        assertThat(totals.body().get(0).get("total").asText()).isEqualTo("100.02");
        assertThat(recurring.body().get("occurrences").get(0).get("created").asBoolean()).isTrue();
        assertThat(journal.getBody()).contains("liabilities:members:" + member + "    50.01 EUR");
        assertThat(approvals.body().get("total").asLong()).isEqualTo(1);
        assertThat(approvals.body().at("/entries/0/text").asText()).startsWith("Administrator approved the cost ");
    }

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

    @Test
    void aTokenWithAGapReadsTheEventThatFilledItAndThoseAfterItsPosition() {
        TrackedEventsWithGapsQueryTest.readsTheEventsThatFilledGapsAndThoseAfter(storage, transactions);
    }
}
