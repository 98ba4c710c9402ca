package coop.cooperative.app;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo cooperative's audit trail in the browser: its treasurer reads who did what by name, in
 * Dutch and in English, filters it by person, and a member reads only what concerns them.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:audit-demo;DB_CLOSE_DELAY=-1",
        "cooperative.admin.password=" + Api.ADMIN_PASSWORD,
        "cooperative.read-your-writes.timeout=PT30S",
        "cooperative.sign-in.failures-per-address=100000"})
@ActiveProfiles("demo")
@Import(TestClock.class)
class AuditBrowserTest extends BrowserJourney {

    private static final String SANNE = "sanne.jansen@degilde.example";
    private static final String PIETER = "pieter.de.boer@degilde.example";
    private static final String ANNA = "anna.de.vries@degilde.example";
    private static final String PASSWORD = "gilde-demo-2026";

    @Test
    void theDemosTreasurerReadsItsActionsWithNamesInDutchAndEnglish() throws IOException {
        String gilde = new Api(http).get("/api/cooperatives", SANNE, PASSWORD).body().get(0).get("cooperativeId").asText();
        signIn(PIETER, PASSWORD);

        open("/cooperatives/" + gilde + "/audit?lang=nl");
        screenshot("audit-nl");
        List<String> people = column(2);
        List<String> dutch = column(4);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Audittrail");
        assertThat(dutch).hasSize(50);
        assertThat(people).contains("Sanne Jansen").doesNotContain("");
        assertThat(dutch).anyMatch(text -> text.startsWith("Sanne Jansen ") || text.startsWith("Pieter de Boer "));
        assertThat(browser.findElement(By.cssSelector("#audit caption")).getText()).startsWith("Regels 1–50 van ");

        open("/cooperatives/" + gilde + "/audit?lang=en&kind=CostApproved");
        screenshot("audit-approved-en");
        List<String> approvals = column(4);
        assertThat(approvals).isNotEmpty().allMatch(text -> text.matches(".+ approved the cost '.+' of €[0-9,]+\\.[0-9]{2}"));
        assertThat(column(2)).doesNotContain("the system", "");

        open("/cooperatives/" + gilde + "/audit?lang=en");
        WebElement choice = browser.findElement(By.cssSelector("#member option:not([value=''])"));
        String person = choice.getAttribute("value");
        choice.click();
        submit(By.cssSelector("main form.filters button"));
        assertThat(column(4)).isNotEmpty().isEqualTo(apiTexts(gilde, PIETER, "?memberId=" + person));
    }

    @Test
    void aMemberOfTheDemoReadsOnlyWhatConcernsThem() {
        String gilde = new Api(http).get("/api/cooperatives", SANNE, PASSWORD).body().get(0).get("cooperativeId").asText();
        signIn(ANNA, PASSWORD);

        open("/cooperatives/" + gilde + "/audit?lang=en");

        assertThat(browser.findElements(By.cssSelector("#member option:not([value=''])"))).extracting(WebElement::getText)
                .containsExactly("Anna de Vries");
        String anna = browser.findElement(By.cssSelector("#member option:not([value=''])")).getAttribute("value");
        assertThat(column(4)).isNotEmpty().isEqualTo(apiTexts(gilde, PIETER, "?memberId=" + anna))
                .isEqualTo(apiTexts(gilde, ANNA, ""));
    }

    /** The texts of the first page of the trail as the API answers this reader in English. */
    private List<String> apiTexts(String gilde, String reader, String query) {
        org.springframework.http.HttpHeaders english = new org.springframework.http.HttpHeaders();
        english.set(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, "en");
        Api.Response trail = new Api(http).exchange(org.springframework.http.HttpMethod.GET,
                "/api/cooperatives/" + gilde + "/audit" + query, null, reader, PASSWORD, english);
        assertThat(trail.status()).isEqualTo(200);
        List<String> texts = new java.util.ArrayList<>();
        trail.body().get("entries").forEach(entry -> texts.add(entry.get("text").asText()));
        return texts;
    }

    /** The texts of one column of the audit table, 1 being the time. */
    private List<String> column(int index) {
        return browser.findElements(By.cssSelector("#audit tbody tr td:nth-child(" + index + ")")).stream()
                .map(WebElement::getText).toList();
    }
}
