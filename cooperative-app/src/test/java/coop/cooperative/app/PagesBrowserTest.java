package coop.cooperative.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pages in Debian's headless Chromium: sign in, found a cooperative, let a member join, accept
 * the invitation, and read it all in Dutch and English. Screenshots land in target/screenshots.
 * Skipped only where Chromium is not installed and {@code -Dbrowser.required=true} is not set (CI sets it).
 */
class PagesBrowserTest extends HttpJourney {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        assumeTrue(Boolean.getBoolean("browser.required") || Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed; .ci/run installs it");
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1200,900", "--lang=nl-NL",
                        "--user-data-dir=" + Files.createTempDirectory("chromium"))
                .setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl-NL,nl"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminFoundsACooperativeLetsAMemberJoinAndTheMemberSignsIn() throws IOException {
        signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welkom, Administrator");
        screenshot("home");

        type("name", "De <script>alert('gilde')</script> Gilde");
        browser.findElement(By.cssSelector("form[action='/cooperatives'] button")).click();
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
        screenshot("cooperative-nl");

        browser.findElement(By.cssSelector(".signout button")).click();
        browser.get(invitation);
        type("password", "mila-secret-password");
        type("repeated", "mila-secret-password");
        browser.findElement(By.cssSelector("main form button")).click();
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Je account is actief");

        signIn("mila@gilde.example", "mila-secret-password");
        browser.findElement(By.linkText("De <script>alert('gilde')</script> Gilde")).click();
        browser.findElement(By.linkText("English")).click();
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
        browser.get(url("/cooperatives/" + other));

        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Met jouw rollen mag je deze pagina niet zien");
        screenshot("refused");
    }

    private void signIn(String email, String password) {
        browser.get(url("/login"));
        type("username", email);
        type("password", password);
        browser.findElement(By.cssSelector("main form button")).click();
    }

    private void submitJoin() {
        browser.findElement(By.cssSelector("form[action$='/members'] button")).click();
    }

    private void type(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
