package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

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

        // The risk pool shows a withheld month (Bram Smit's, while the pool had 18 of 20 members) and a
        // first month paid in part (Lotte Meijer's, from the 10th).
        Response pool = api.get(path + "/risk-pool", SANNE, PASSWORD);
        assertThat(pool.body().path("members").size()).isEqualTo(22);
        Response lotte = api.get(path + "/risk-pool/claims/" + pool.body().path("openClaims").get(0).path("claimId").asText(),
                SANNE, PASSWORD);
        assertThat(lotte.text("payableFrom")).endsWith("-10");
        assertThat(new BigDecimal(lotte.text("totalPaid"))).as("the first month in part")
                .isLessThan(new BigDecimal(lotte.text("monthlyPayout")));
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(SANNE, PASSWORD);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        String page = http.exchange("/cooperatives/" + cooperative + "/risk-pool", HttpMethod.GET,
                new HttpEntity<>(headers), String.class).getBody();
        assertThat(page).contains("Bram Smit").contains("18 members enrolled, 20 needed");

        Response hours = api.post(path + "/hours", """
                {"date": "%s", "hours": 3, "kind": "DEVELOPMENT", "subject": "WCAG course", "description": ""}
                """.formatted(TestClock.today()), ANNA, PASSWORD);
        assertThat(hours.status()).isEqualTo(201);
    }
}
