package coop.cooperative.app;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** A treasurer decides the queue in place, sees the balance it changes, the journal and the costs per category. */
class TreasurerPagesBrowserTest extends BrowserJourney {

    private static final String ANNA = "anna.queue@gilde.example";
    private static final String ANNA_PASSWORD = "anna-secret-password";

    @Test
    void aTreasurerApprovesAMembersCostInPlaceAndSeesHerBalanceChange() throws IOException {
        String anna = joinWithLogin("Anna Queue", ANNA, ANNA_PASSWORD);
        String approved = shareInsurance(anna, ANNA, ANNA_PASSWORD, "Liability insurance <script>alert(1)</script>", "100.00");
        String rejected = shareInsurance(anna, ANNA, ANNA_PASSWORD, "Printer paper", "12.50");
        String books = "/cooperatives/" + cooperative + "/books";

        signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        open(books + "/balances");
        assertThat(balanceRow("Anna Queue")).contains("€ 0,00");

        open(books);
        WebElement cost = browser.findElement(By.id("cost-" + approved));
        assertThat(cost.findElement(By.tagName("h2")).getText())
                .as("user text is shown as text, never run").isEqualTo("Liability insurance <script>alert(1)</script>");
        assertThat(cost.getText()).contains("€ 100,00", "Verzekering", "Anna Queue", "gelijke delen", "€ 50,00");
        screenshot("books-queue");

        cost.findElement(By.cssSelector("form.approve button")).click();
        assertThat(await(By.cssSelector("#cost-" + approved + " .outcome.approved")).getText())
                .isEqualTo("Goedgekeurd: de kosten staan in de boeken.");

        browser.findElement(By.cssSelector("#cost-" + rejected + " form.reject button")).click();
        assertThat(await(By.id("reason-" + rejected + "-error")).getText()).isEqualTo("Geef een reden: het lid leest die.");
        assertThat(browser.findElement(By.id("reason-" + rejected)).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("reason-" + rejected)).getAttribute("aria-describedby"))
                .isEqualTo("reason-" + rejected + "-error");
        screenshot("books-queue-decided");

        open(books + "/balances");
        assertThat(balanceRow("Anna Queue")).as("Anna paid 100.00 and carries half").contains("€ 50,00");
        assertThat(text(By.id("balances-total"))).isEqualTo("€ 0,00");
        screenshot("books-balances");

        submit(By.linkText("Journaal"));
        assertThat(text(By.id("journal"))).contains("Liability insurance <script>alert(1)</script>",
                "Anna Queue (rekening-courant)", "€ 100,00");
        screenshot("books-journal");

        submit(By.linkText("Kosten per categorie"));
        await(By.cssSelector("#category-chart[data-rendered='true'] canvas"));
        assertThat(text(By.id("category-totals"))).as("the category in the reader's words").contains("Verzekering", "€ 100,00");
        screenshot("books-chart");
    }

    private String balanceRow(String name) {
        return browser.findElements(By.cssSelector("#balances tbody tr")).stream()
                .map(WebElement::getText).filter(row -> row.startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no balance for " + name));
    }
}
