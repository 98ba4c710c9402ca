package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo seeds on whatever day it starts, and the README's tour works on it that day: the demo's
 * dates follow the app's clock (here {@link TestClock}'s, which CI also sets to a 1st).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1",
        "cooperative.admin.password=" + Api.ADMIN_PASSWORD,
        "cooperative.read-your-writes.timeout=PT30S"})
@ActiveProfiles("demo")
@Import(TestClock.class)
class DemoJourneyTest {

    private static final String SANNE = "sanne.jansen@degilde.example";
    private static final String ANNA = "anna.de.vries@degilde.example";
    private static final String PASSWORD = "gilde-demo-2026";

    @Autowired
    TestRestTemplate http;

    @Test
    void theDemoSeedsOnTheClocksDayAndTheToursStepsWorkOnIt() {
        Api api = new Api(http);
        Response mine = api.get("/api/cooperatives", SANNE, PASSWORD);
        assertThat(mine.status()).isEqualTo(200);
        String cooperative = mine.body().get(0).get("cooperativeId").asText();
        String path = "/api/cooperatives/" + cooperative;

        LocalDate founded = LocalDate.parse(api.get(path, SANNE, PASSWORD).text("foundedOn"));
        assertThat(founded).isBetween(TestClock.today().minusMonths(23), TestClock.today().minusMonths(21));

        Response balances = api.get(path + "/balances", SANNE, PASSWORD);
        assertThat(balances.text("total")).isEqualTo("0.00");
        assertThat(balances.body().get("members").size()).isGreaterThan(20);
        assertThat(api.get(path + "/costs/queue", SANNE, PASSWORD).body().size()).isPositive();
        assertThat(api.get(path + "/continuity", SANNE, PASSWORD).body().toString()).contains("AT_RISK");

        Response hours = api.post(path + "/hours", """
                {"date": "%s", "hours": "3", "kind": "DEVELOPMENT", "subject": "WCAG course", "description": ""}
                """.formatted(TestClock.today()), ANNA, PASSWORD);
        assertThat(hours.status()).isEqualTo(201);
    }
}
