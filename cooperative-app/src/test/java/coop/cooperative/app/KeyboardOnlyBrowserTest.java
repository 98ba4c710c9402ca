package coop.cooperative.app;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Without a mouse: only keys sent to the element that has the focus, as a keyboard does. A treasurer
 * approves a cost in the queue, a member logs hours, and wherever the focus lands it can be seen.
 */
class KeyboardOnlyBrowserTest extends BrowserJourney {

    private static final String PASSWORD = "a-long-keyboard-password";
    /** More stops than any page has before what the journey looks for: past it, the element is unreachable. */
    private static final int MOST_TAB_STOPS = 150;

    /** Whether the element shows its focus: an outline the page or browser draws, or a box shadow. */
    private static final String SHOWS_FOCUS = """
            var style = getComputedStyle(arguments[0]);
            return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';""";

    @Test
    void aTreasurerApprovesACostAndAMemberLogsHoursWithTheKeyboardAlone() {
        String email = "anna.keyboard-" + UUID.randomUUID() + "@gilde.example";
        String anna = joinWithLogin("Anna Toetsenbord", email, PASSWORD);
        String cost = shareInsurance(anna, email, PASSWORD, "Keyboard", "80.00");

        signInWithTheKeyboard(Api.ADMIN, Api.ADMIN_PASSWORD);
        open("/cooperatives/" + cooperative + "/books");
        tabTo(By.cssSelector("#cost-" + cost + " form.approve button"));
        focused().sendKeys(Keys.ENTER);
        assertThat(await(By.cssSelector("#cost-" + cost + " .outcome.approved")).getText())
                .isEqualTo("Goedgekeurd: de kosten staan in de boeken.");

        tabTo(By.cssSelector(".signout button"));
        leaveWith(Keys.ENTER);
        signInWithTheKeyboard(email, PASSWORD);
        open("/cooperatives/" + cooperative + "/me");
        tabTo(By.id("hours-hours"));
        focused().sendKeys("3");
        // Past the submit button and back, so both directions reach it.
        tabTo(By.cssSelector("#hours-form button"));
        focused().sendKeys(Keys.TAB);
        focused().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertFocusOn(By.cssSelector("#hours-form button"));
        focused().sendKeys(Keys.SPACE);
        awaitText(By.id("month-total"), "3");
        assertThat(text(By.cssSelector("#hours [role=status]"))).isEqualTo("3 uur geschreven.");
    }

    private void signInWithTheKeyboard(String email, String password) {
        open("/login");
        tabTo(By.id("username"));
        focused().sendKeys(email);
        tabTo(By.id("password"));
        focused().sendKeys(password);
        leaveWith(Keys.ENTER);
    }

    /** Presses TAB until the element has the focus, checking at each stop that the focus can be seen. */
    private void tabTo(By target) {
        WebElement wanted = browser.findElement(target);
        for (int stop = 0; stop < MOST_TAB_STOPS; stop++) {
            if (focused().equals(wanted)) {
                return;
            }
            focused().sendKeys(Keys.TAB);
            assertShowsFocus(focused());
        }
        fail("TAB never reaches " + target + " on " + browser.getCurrentUrl());
    }

    private void assertFocusOn(By target) {
        assertThat(focused()).as("the focus").isEqualTo(browser.findElement(target));
        assertShowsFocus(focused());
    }

    private void assertShowsFocus(WebElement element) {
        assertThat(((JavascriptExecutor) browser).executeScript(SHOWS_FOCUS, element))
                .as("a visible focus on <%s id=%s class=%s> %s on %s", element.getTagName(), element.getAttribute("id"),
                        element.getAttribute("class"), element.getText(), browser.getCurrentUrl())
                .isEqualTo(true);
    }

    /** Presses the key on the focused element (a link, a button, a form field) and waits for the next page. */
    private void leaveWith(Keys key) {
        WebElement pressed = focused();
        pressed.sendKeys(key);
        awaitNextPage(pressed);
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }
}
