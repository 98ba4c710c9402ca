package coop.cooperative.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A journey through the pages in Debian's headless Chromium, in Dutch unless a test switches.
 * Skipped only where Chromium is not installed and {@code -Dbrowser.required=true} is not set (CI
 * sets it). Screenshots land in target/screenshots.
 *
 * <p>Every click that leaves the page goes through {@link #submit}: it waits until the old page is
 * gone, so the next lookup never reads the page the browser is leaving.
 *
 * <p>Every page a journey reaches ({@link #open}, {@link #submit}) and every htmx swap it waits for
 * ({@link #await}, {@link #awaitText}) is checked against WCAG 2.1 A/AA with axe-core, at desktop
 * width and at phone width ({@link AccessibilityCheck}): a violation fails the journey.
 */
public abstract class BrowserJourney extends HttpJourney {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    protected WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        assumeTrue(Boolean.getBoolean("browser.required") || Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed; .ci/run installs it");
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=" + AccessibilityCheck.DESKTOP.getWidth() + "," + AccessibilityCheck.DESKTOP.getHeight(), "--lang=nl-NL",
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

    protected void signIn(String email, String password) {
        open("/login");
        type("username", email);
        type("password", password);
        submit(By.cssSelector("main form button"));
    }

    protected void open(String path) {
        browser.get(url(path));
        AccessibilityCheck.check(browser);
    }

    /** Clicks what leaves this page (a submit button, a link) and waits for the next page to load. */
    protected void submit(By target) {
        WebElement clicked = browser.findElement(target);
        clicked.click();
        awaitNextPage(clicked);
    }

    /** Waits until this element has left with its page and the next page has loaded. */
    protected void awaitNextPage(WebElement left) {
        new WebDriverWait(browser, PATIENCE).until(driver -> isGone(left));
        new WebDriverWait(browser, PATIENCE).until(driver -> "complete".equals(
                ((JavascriptExecutor) driver).executeScript("return document.readyState")));
        AccessibilityCheck.check(browser);
    }

    /**
     * Whether the element has left the page. Asked in the middle of the navigation, Chromium may
     * answer "Node with given id does not belong to the document" instead of a stale reference:
     * the node is gone all the same.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Waits for an element that appears without a page load (htmx swaps it in). */
    protected WebElement await(By target) {
        WebElement swapped = new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(target));
        AccessibilityCheck.check(browser);
        return swapped;
    }

    /** Waits until htmx has swapped in the element with this text. */
    protected void awaitText(By target, String expected) {
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBe(target, expected));
        AccessibilityCheck.check(browser);
    }

    protected String text(By target) {
        return browser.findElement(target).getText();
    }

    protected void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The page as a phone shows it (390 px wide), from the top. */
    protected void phoneScreenshot(String name) throws IOException {
        Dimension size = browser.manage().window().getSize();
        browser.manage().window().setSize(AccessibilityCheck.PHONE);
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot(name);
        browser.manage().window().setSize(size);
    }

    protected void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
