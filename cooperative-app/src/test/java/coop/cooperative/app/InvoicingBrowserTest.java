package coop.cooperative.app;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.http.HttpMethod;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoicing in Chromium, in Dutch: the admin sets the cooperative's invoicing details and the
 * project's client and rates, a treasurer drafts an invoice from last month's hours and renames a
 * line, a second treasurer approves it, records a partial
 * payment and credits one line; the client finds the invoice from their project and downloads its
 * PDF and UBL; a member reads their earnings.
 */
class InvoicingBrowserTest extends BrowserJourney {

    private static final String ANNA = "anna.invoicing@gilde.example";
    private static final String BRAM = "bram.invoicing@gilde.example";
    private static final String CLIENT = "marieke.invoicing@utrecht.example";
    private static final String PASSWORD = "copper lantern meadow quartz";

    @Test
    void anInvoiceIsDraftedApprovedPaidInPartCreditedDownloadedByTheClientAndEarnedByTheMembers() throws IOException {
        String anna = joinWithLogin("Anna Factuur", ANNA, PASSWORD);
        String bram = joinWithLogin("Bram Penning", BRAM, PASSWORD + " bram");
        assertThat(api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members/" + bram + "/roles",
                "{\"role\": \"TREASURER\"}").status()).isEqualTo(200);
        BillableProject portal = new BillableProject(api, cooperative);
        portal.assign(anna, "ux");
        portal.assign(bram, "java");
        portal.setClient();
        portal.logHours(anna, ANNA, PASSWORD, 3, "8");
        portal.logHours(bram, BRAM, PASSWORD + " bram", 4, "4");
        portal.client("Marieke Jansen", CLIENT, PASSWORD + " client");
        String invoices = "/cooperatives/" + cooperative + "/invoices";

        signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        open("/cooperatives/" + cooperative + "/invoicing-details");
        type("details-legalName", "De Gilde U.A.");
        type("details-street", "Oudegracht 1");
        type("details-postalCode", "3511 AA");
        type("details-city", "Utrecht");
        type("details-vatNumber", "NL123456789B01");
        type("details-kvkNumber", "12345678");
        type("details-iban", "NL91ABNA0417164300");
        type("details-feePercent", "vijf");
        submit(By.cssSelector("main form button"));
        assertThat(text(By.id("details-feePercent-error"))).isEqualTo("Geef een getal.");
        assertThat(browser.findElement(By.id("details-feePercent")).getAttribute("aria-invalid")).isEqualTo("true");
        type("details-feePercent", "5");
        submit(By.cssSelector("main form button"));
        assertThat(text(By.cssSelector("p.notice"))).isEqualTo("De factuurgegevens zijn bewaard.");
        screenshot("invoicing-details");

        open("/cooperatives/" + cooperative + "/projects/" + portal.id);
        submit(By.id("project-billing"));
        assertThat(browser.findElement(By.id("client-lineGrouping")).getAttribute("value")).isEqualTo("MEMBER");
        submit(By.id("client-submit"));
        assertThat(text(By.cssSelector("p.notice"))).isEqualTo("De gegevens van de opdrachtgever zijn opgeslagen.");
        String uxRate = browser.findElement(By.xpath("//section[@id='client-rates']//input[@value='ux']"))
                .getAttribute("id").replace("-skill", "-hourlyRate");
        type(uxRate, "honderd");
        submit(By.id("rates-submit"));
        assertThat(text(By.cssSelector("#client-rates p.error"))).startsWith("Geef een bedrag");
        type(uxRate, "100,00");
        submit(By.id("rates-submit"));
        assertThat(text(By.cssSelector("p.notice"))).isEqualTo("De tarieven zijn opgeslagen.");
        screenshot("invoicing-billing");

        open(invoices);
        submit(By.cssSelector("#new-draft form button"));
        assertThat(browser.getTitle()).startsWith("Conceptfactuur");
        // the lines are in the Dutch client's language; the treasurer renames one before it is sent
        WebElement uxDescription = browser.findElement(By.xpath("//section[@id='revise']//input[@value='Uren ux']"));
        type(uxDescription.getAttribute("id"), "Ontwerp klantportaal");
        submit(By.id("revise-submit"));
        assertThat(text(By.cssSelector("p.notice"))).isEqualTo("Het concept is opgeslagen.");
        assertThat(text(By.id("lines"))).contains("Ontwerp klantportaal, Anna Factuur", "Uren java, Bram Penning");
        // 8 h ux × 100.00 and 4 h java × 80.00; 800.00 at 21% and 320.00 at 9%: 1120.00 + 168.00 + 28.80
        assertThat(text(By.id("lines"))).contains("€ 800,00", "€ 320,00", "9%", "Anna Factuur", "Bram Penning");
        assertThat(text(By.id("invoice-total"))).isEqualTo("€ 1.316,80");
        submit(By.id("approve"));
        assertThat(text(By.cssSelector("p.error[role=alert]"))).startsWith("Vier ogen");
        screenshot("invoicing-draft");

        submit(By.cssSelector(".signout button"));
        signIn(BRAM, PASSWORD + " bram");
        open(invoices);
        submit(By.cssSelector("#draft-list tbody a"));
        submit(By.id("approve"));
        String number = TestClock.today().getYear() + "-0001";
        assertThat(text(By.tagName("h1"))).isEqualTo("Factuur " + number);
        assertThat(text(By.cssSelector("p.notice"))).isEqualTo("Goedgekeurd, genummerd en verzonden.");

        type("payment-amount", "1000,00");
        submit(By.cssSelector("#payments form button"));
        assertThat(text(By.cssSelector("#payments > p"))).isEqualTo(
                "Betaald € 1.000,00, gecrediteerd € 0,00, nog te betalen € 316,80.");

        browser.findElement(By.xpath("//section[@id='credit']//label[contains(., 'java')]/input")).click();
        type("credit-reason", "java-uren dubbel geschreven");
        submit(By.cssSelector("#credit form button"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Creditnota " + TestClock.today().getYear() + "-0002");
        assertThat(text(By.id("invoice-total"))).isEqualTo("€ 348,80");
        screenshot("invoicing-credit-note");

        submit(By.cssSelector(".signout button"));
        signIn(CLIENT, PASSWORD + " client");
        open("/cooperatives/" + cooperative + "/projects/" + portal.id);
        submit(By.id("project-invoices"));
        assertThat(text(By.id("sent-list"))).contains(number, "€ 1.316,80");
        assertThat(browser.findElements(By.id("drafts"))).as("a client sees no drafts").isEmpty();
        assertThat(download(invoices + "/" + invoiceId(number) + "/pdf")).isEqualTo("200 application/pdf");
        assertThat(download(invoices + "/" + invoiceId(number) + "/ubl")).isEqualTo("200 application/xml");
        screenshot("invoicing-client");

        submit(By.cssSelector(".signout button"));
        signIn(ANNA, PASSWORD);
        open(invoices);
        // 8 h × Anna's 80.00 = 640.00, less the 5% fee of 32.00
        assertThat(text(By.id("earnings-list"))).contains("€ 640,00", "€ 32,00", "€ 608,00", number);
        assertThat(browser.findElements(By.id("sent"))).as("a member sees no client's invoices").isEmpty();
    }

    private String invoiceId(String number) {
        return browser.findElements(By.cssSelector("#sent-list tbody th a")).stream()
                .filter(a -> a.getText().equals(number)).findFirst().orElseThrow()
                .getAttribute("href").replaceAll(".*/invoices/", "");
    }

    /** Fetches a download in the signed-in browser: its status and content type. */
    private String download(String path) {
        return String.valueOf(((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type').split(';')[0]));",
                url(path)));
    }
}
