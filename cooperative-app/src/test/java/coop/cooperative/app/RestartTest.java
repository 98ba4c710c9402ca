package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stop the app and start it again on the same H2 file: everything is still there and still works. */
class RestartTest {

    @TempDir
    Path data;

    @Test
    void aRestartedAppKnowsItsCooperativesMembersAndAccounts() {
        String cooperative;
        String firstMember;
        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            cooperative = api.asAdmin(HttpMethod.POST, "/api/cooperatives", "{\"name\": \"Blijvend\"}").text("cooperativeId");
            firstMember = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members",
                    "{\"name\": \"Joost Vermeer\", \"email\": \"joost@blijvend.example\", \"skills\": [\"go\"], "
                            + "\"hourlyRate\": \"77.70\"}").text("memberId");
        }

        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            Response duplicate = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members",
                    "{\"name\": \"J. Vermeer\", \"email\": \"JOOST@blijvend.example\", \"skills\": [], \"hourlyRate\": \"1.00\"}");
            Response second = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members",
                    "{\"name\": \"Ilse Vink\", \"email\": \"ilse@blijvend.example\", \"skills\": [], \"hourlyRate\": \"66.00\"}");
            Response members = api.asAdmin(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/members", null);

            assertThat(duplicate.status()).as("the aggregate was rebuilt from the stored events").isEqualTo(409);
            assertThat(second.status()).isEqualTo(201);
            assertThat(members.body().findValuesAsText("name")).containsExactly("Administrator", "Ilse Vink", "Joost Vermeer");
            assertThat(members.body().findValuesAsText("memberId")).contains(firstMember);
            assertThat(members.body().get(2).get("hourlyRate").asText()).isEqualTo("77.70");
        }
    }

    /** What a migration that changes a view's tables does: it asks for the view's replay, which the app carries out as it starts. */
    @Test
    void aReplayAskedForInTheDatabaseWhileTheAppWasDownIsCarriedOutAsItStarts() {
        String members;
        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            String cooperative = api.asAdmin(HttpMethod.POST, "/api/cooperatives", "{\"name\": \"Herstel\"}").text("cooperativeId");
            api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members",
                    "{\"name\": \"Joost Vermeer\", \"email\": \"joost@herstel.example\", \"skills\": [\"go\"], "
                            + "\"hourlyRate\": \"77.70\"}");
            members = "/api/cooperatives/" + cooperative + "/members";
        }
        JdbcClient database = JdbcClient.create(new DriverManagerDataSource(url(), "sa", ""));
        database.sql("UPDATE members SET hourly_rate = 1").update();
        database.sql("""
                INSERT INTO projection_replay (processing_group, requested_at, replay_until, reset_done)
                SELECT 'members', ?, MAX(global_index), FALSE FROM domain_event_entry""")
                .param(System.currentTimeMillis()).update();

        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Response list = api.asAdmin(HttpMethod.GET, members, null);
                assertThat(list.status()).isEqualTo(200);
                assertThat(list.body().findValuesAsText("hourlyRate")).contains("77.70").doesNotContain("1.00");
            });
            assertThat(database.sql("SELECT COUNT(*) FROM projection_replay").query(Integer.class).single()).isZero();
        }
    }

    private String url() {
        return "jdbc:h2:file:" + data.resolve("cooperative").toAbsolutePath();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CooperativeApplication.class, TestClock.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url(),
                "--cooperative.admin.password=" + Api.ADMIN_PASSWORD);
    }

    private static Api api(ConfigurableApplicationContext app) {
        int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
        return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }
}
