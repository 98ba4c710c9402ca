package coop.cooperative.app;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the page a browser shows against the WCAG 2.1 A and AA rules of axe-core, at desktop width
 * and as a phone shows it, and fails naming each rule, its help text and the elements that break it.
 *
 * <p>Each distinct page state is checked once: a journey often waits twice on the same page, and axe
 * takes the better part of a second per run.
 */
final class AccessibilityCheck {

    static final Dimension DESKTOP = new Dimension(1200, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /**
     * The page as markup without the CSRF token, which changes per session but not what a reader
     * meets. Identical states are not checked twice, across the tests of the JVM too.
     */
    private static final String STATE = """
            var token = document.querySelector('meta[name=_csrf]');
            var html = document.documentElement.outerHTML;
            return token ? html.split(token.content).join('') : html;""";

    /** Whether htmx is between a request and the settled swap, when the page is not yet what it becomes. */
    private static final String HTMX_BUSY =
            "return document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added') !== null";

    private static final Duration SETTLING = Duration.ofSeconds(15);
    private static final Set<Integer> CHECKED = new HashSet<>();

    private AccessibilityCheck() {
    }

    /** Fails with every violation on the page as it is now, unless this very state passed before. */
    static void check(WebDriver browser) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        new WebDriverWait(browser, SETTLING).until(driver -> Boolean.FALSE.equals(script.executeScript(HTMX_BUSY)));
        int state = String.valueOf(script.executeScript(STATE)).hashCode();
        synchronized (CHECKED) {
            if (!CHECKED.add(state)) {
                return;
            }
        }
        List<String> violations = new ArrayList<>();
        Dimension size = browser.manage().window().getSize();
        try {
            for (Dimension width : List.of(DESKTOP, PHONE)) {
                browser.manage().window().setSize(width);
                afterLayout(script);
                violations.addAll(violations(browser, width));
            }
        } finally {
            browser.manage().window().setSize(size);
        }
        if (!violations.isEmpty()) {
            synchronized (CHECKED) {
                CHECKED.remove(state); // a failing state fails wherever it is met again
            }
            throw new AssertionError("axe-core found WCAG 2.1 A/AA violations on " + browser.getCurrentUrl()
                    + " (lang " + script.executeScript("return document.documentElement.lang") + "):\n"
                    + String.join("\n", violations));
        }
    }

    /**
     * Waits two frames, so that what the page does on a new width (resize observers, the charts
     * redrawing) is done before axe reads it.
     */
    private static void afterLayout(JavascriptExecutor script) {
        script.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });""");
    }

    private static List<String> violations(WebDriver browser, Dimension width) {
        // Legacy mode runs axe in the page itself: no iframes here, and no extra window per run.
        Results results = new AxeBuilder().withTags(WCAG_21_AA).setLegacyMode().analyze(browser);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + browser.getCurrentUrl() + ": "
                    + results.getErrorMessage());
        }
        return results.getViolations().stream().map(rule -> describe(rule, width)).toList();
    }

    /**
     * The rule, its help text, then each element that breaks it with axe's reason, such as
     * "- color-contrast at 390 px: Elements must meet minimum color contrast ratio thresholds"
     * and "    [.brand]: Fix any of the following: Element has insufficient color contrast of 3.2 ...".
     */
    private static String describe(Rule rule, Dimension width) {
        return "- " + rule.getId() + " at " + width.getWidth() + " px: " + rule.getHelp()
                + rule.getNodes().stream().map(AccessibilityCheck::describe).collect(Collectors.joining());
    }

    private static String describe(CheckedNode node) {
        return "\n    " + node.getTarget() + ": " + String.valueOf(node.getFailureSummary()).replaceAll("\\s+", " ");
    }
}
