package coop.cooperative.app;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** A member makes an API token on the page, uses it with the API, and revokes it there. */
class ApiTokensBrowserTest extends BrowserJourney {

    private static final String EMAIL = "bas.browser.token@gilde.example";
    private static final String PASSWORD = "sailboat copper meadow violin";

    @Test
    void aMemberMakesATokenOnThePageSeesItOnceAndRevokesIt() {
        joinWithLogin("Bas Browser", EMAIL, PASSWORD);
        signIn(EMAIL, PASSWORD);
        open("/tokens?lang=en");

        type("token-name", "spreadsheet");
        submit(By.cssSelector("#token-form button[type=submit]"));

        String token = text(By.id("new-token"));
        assertThat(token).startsWith("coop_");
        assertThat(api.withToken(HttpMethod.GET, "/api/me", null, token).text("email")).isEqualTo(EMAIL);
        assertThat(text(By.id("token-list"))).contains("spreadsheet");

        open("/tokens");
        assertThat(browser.getPageSource()).as("shown only once").doesNotContain(token);
        submit(By.cssSelector("#token-list button[type=submit]"));

        assertThat(browser.findElements(By.id("token-list"))).isEmpty();
        assertThat(api.withToken(HttpMethod.GET, "/api/me", null, token).status()).isEqualTo(401);
    }
}
