package coop.cooperative.app;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in, founding a cooperative, letting a member join, accepting the invitation, in Dutch and English. */
class PagesBrowserTest extends BrowserJourney {

    @Test
    void anAdminFoundsACooperativeLetsAMemberJoinAndTheMemberSignsIn() throws IOException {
        signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welkom, Administrator");
        screenshot("home");

        type("name", "De <script>alert('gilde')</script> Gilde");
        submit(By.cssSelector("form[action='/cooperatives'] button"));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .as("user text is shown as text, never run").isEqualTo("De <script>alert('gilde')</script> Gilde");

        type("name", "Mila Koster");
        type("email", "mila@gilde.example");
        type("skills", "ux, Research");
        type("hourlyRate", "85,50");
        submitJoin();
        assertThat(browser.findElement(By.id("hourlyRate-error")).getText()).contains("decimal");
        assertThat(browser.findElement(By.id("hourlyRate")).getAttribute("aria-invalid")).isEqualTo("true");

        type("hourlyRate", "1234.50");
        submitJoin();
        String invitation = browser.findElement(By.id("invitation-link")).getText();
        assertThat(browser.findElement(By.tagName("table")).getText())
                .contains("Mila Koster", "research, ux", "€ 1.234,50", "Actief", "beheerder");
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof htmx")).as("htmx is served").isEqualTo("object");
        screenshot("cooperative-nl");

        submit(By.cssSelector(".signout button"));
        browser.get(invitation);
        type("password", "kort");
        type("repeated", "anders");
        submit(By.cssSelector("main form button"));
        assertThat(browser.findElement(By.id("password")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("password-error")).getText()).as("a too short password, named at its field")
                .isNotBlank();
        type("password", "mila-secret-password");
        type("repeated", "mila-secret-password");
        submit(By.cssSelector("main form button"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Je account is actief");

        signIn("mila@gilde.example", "mila-secret-password");
        submit(By.linkText("De <script>alert('gilde')</script> Gilde"));
        submit(By.linkText("English"));
        assertThat(browser.findElement(By.tagName("h2")).getText()).startsWith("Members (2)");
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("€1,234.50", "Active");
        assertThat(browser.findElements(By.cssSelector("form[action$='/members']"))).as("no join form for a member").isEmpty();
        screenshot("cooperative-en");
    }

    @Test
    void aMemberOfAnotherCooperativeIsRefusedItsPage() throws IOException {
        joinWithLogin("Otto Kramer", "otto@gilde.example", "otto-secret-password");
        String other = api.post("/api/cooperatives", "{\"name\": \"Elders\"}", Api.ADMIN, Api.ADMIN_PASSWORD)
                .text("cooperativeId");

        signIn("otto@gilde.example", "otto-secret-password");
        open("/cooperatives/" + other);

        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Met jouw rollen mag je deze pagina niet zien");
        screenshot("refused");
    }

    private void submitJoin() {
        submit(By.cssSelector("form[action$='/members'] button"));
    }
}
