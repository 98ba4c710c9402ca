package coop.cooperative.app;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpMethod;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** A member's own page (hours, costs, their risk-pool account) and the risk pool, in Dutch. */
class MemberPagesBrowserTest extends BrowserJourney {

    private static final String ANNA = "anna.pages@gilde.example";
    private static final String ANNA_POOL = "anna.pool.pages@gilde.example";
    private static final String ANNA_PASSWORD = "anna-secret-password";

    @Test
    void aMemberLogsHoursSeesTheMonthsTotalAndSubmitsACost() throws IOException {
        String anna = joinWithLogin("Anna de Vries", ANNA, ANNA_PASSWORD);
        signIn(ANNA, ANNA_PASSWORD);
        open("/cooperatives/" + cooperative + "/me");
        assertThat(text(By.tagName("h1"))).isEqualTo("Mijn pagina: Anna de Vries");
        assertThat(text(By.id("month-total"))).isEqualTo("0");

        type("hours-hours", "twee");
        browser.findElement(By.cssSelector("#hours-form button")).click();
        WebElement error = await(By.id("hours-hours-error"));
        assertThat(error.getText()).contains("in stappen van een kwartier");
        assertThat(browser.findElement(By.id("hours-hours")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(hoursOf(anna)).as("a refused entry stores nothing").isZero();

        type("hours-hours", "7,5");
        browser.findElement(By.cssSelector("#hours-form button")).click();
        awaitText(By.id("month-total"), "7,5");
        assertThat(text(By.id("month-cooperative"))).isEqualTo("7,5");
        assertThat(browser.findElements(By.id("hours-hours-error"))).isEmpty();

        new Select(browser.findElement(By.id("hours-kind"))).selectByValue("DEVELOPMENT");
        type("hours-subject", "Kubernetes-training");
        type("hours-hours", "2");
        browser.findElement(By.cssSelector("#hours-form button")).click();
        awaitText(By.id("month-total"), "9,5");
        assertThat(text(By.id("month-development"))).isEqualTo("2");
        assertThat(text(By.cssSelector("#hours [role=status]"))).isEqualTo("2 uur geschreven.");
        assertThat(hoursOf(anna)).isEqualTo(2);

        String description = "Laptopstandaard <script>alert('gilde')</script>";
        type("cost-description", description);
        type("cost-amount", "49.95");
        new Select(browser.findElement(By.id("cost-category"))).selectByValue("workspace");
        submit(By.cssSelector("#cost-form button"));
        WebElement cost = browser.findElement(By.cssSelector(".me-costs li"));
        assertThat(browser.findElement(By.cssSelector(".me-cost-description")).getText())
                .as("user text is shown as text, never run").isEqualTo(description);
        assertThat(cost.getText()).contains("€ 49,95", "ingediend", "Werkplek");
        assertThat(text(By.id("development"))).contains("in " + TestClock.today().getYear());
        phoneScreenshot("member-home");

        // A Dutch amount with a comma is refused next to the field, and nothing is shared.
        type("cost-description", "Koffie");
        type("cost-amount", "12,50");
        submit(By.cssSelector("#cost-form button"));
        assertThat(text(By.id("cost-amount-error"))).contains("zoals 49.95");
        assertThat(browser.findElements(By.cssSelector(".me-costs li"))).hasSize(1);

        submit(By.linkText("English"));
        assertThat(text(By.id("month-total"))).isEqualTo("9.5");
        assertThat(text(By.cssSelector(".me-costs li"))).contains("€49.95", "submitted");
        screenshot("member-home-en");
    }

    @Test
    void theRiskPoolShowsBalanceHistoryAndOpenClaimsWithoutNamingTheClaimantToOthers() throws IOException {
        String anna = joinWithLogin("Anna de Vries", ANNA_POOL, ANNA_PASSWORD);
        joinWithLogin("Bram Smit", "bram.pages@gilde.example", "bram-secret-password");
        String pool = "/api/cooperatives/" + cooperative + "/risk-pool";
        LocalDate today = TestClock.today();
        assertThat(api.post(pool + "/enrolments", "{\"memberId\": \"" + anna + "\", \"tier\": \"1000.00\"}",
                ANNA_POOL, ANNA_PASSWORD).status()).isEqualTo(201);
        assertThat(api.asAdmin(HttpMethod.POST, pool + "/contributions",
                "{\"memberId\": \"" + anna + "\", \"month\": \"" + YearMonth.from(today) + "\"}").status()).isEqualTo(201);
        assertThat(api.post(pool + "/claims", "{\"memberId\": \"" + anna + "\", \"startDate\": \"" + today
                + "\", \"reason\": \"burn-out, private\"}", ANNA_POOL, ANNA_PASSWORD).status()).isEqualTo(201);

        signIn("bram.pages@gilde.example", "bram-secret-password");
        open("/cooperatives/" + cooperative + "/risk-pool");
        assertThat(text(By.id("pool-balance"))).isEqualTo("€ 45,00");
        assertThat(text(By.id("pool-enrolled"))).startsWith("1").contains("uitkeren kan vanaf 20");
        assertThat(text(By.id("open-claims"))).contains("Een collega").doesNotContain("Anna", "burn-out");
        assertThat(text(By.id("pool-history"))).contains("€ 45,00");
        await(By.cssSelector("#pool-chart.drawn svg"));
        screenshot("risk-pool");
        phoneScreenshot("risk-pool-phone");

        submit(By.cssSelector(".signout button"));
        signIn(ANNA_POOL, ANNA_PASSWORD);
        open("/cooperatives/" + cooperative + "/risk-pool");
        assertThat(text(By.id("open-claims"))).contains("Mijn aanvraag").doesNotContain("burn-out");
        open("/cooperatives/" + cooperative + "/me");
        assertThat(text(By.id("pool-account"))).isEqualTo("€ 45,00");
        assertThat(text(By.id("risk-pool"))).contains("Mijn aanvraag", "ingediend", "€ 1.000,00");
    }

    private long hoursOf(String memberId) {
        return jdbc.sql("SELECT COUNT(*) FROM hours_entries WHERE member_id = ?")
                .param(java.util.UUID.fromString(memberId)).query(Long.class).single();
    }
}
