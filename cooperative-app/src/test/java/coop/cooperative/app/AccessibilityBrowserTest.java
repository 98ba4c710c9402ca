package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.http.HttpMethod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, filled with figures, in Dutch and in English: {@link BrowserJourney#open} checks each
 * against WCAG 2.1 A/AA with axe-core at desktop and phone width, and fails on any violation. At
 * phone width no page may scroll sideways either: a page that does is named; every page's phone
 * screenshot is saved as target/screenshots/phone-*.png, or sideways-*.png for one that scrolls.
 */
class AccessibilityBrowserTest extends BrowserJourney {

    private static final String PASSWORD = "a-long-accessible-password";
    private final LocalDate today = TestClock.today();
    /** The pages wider than a phone's screen, with how wide they are. */
    private final List<String> sideways = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void everyPageMeetsWcag21AaInBothLanguages(String lang) {
        String email = "anna.a11y-" + UUID.randomUUID() + "@gilde.example";
        String anna = joinWithLogin("Anna Toegankelijk", email, PASSWORD);
        shareInsurance(anna, email, PASSWORD, "Printer paper", "12.50");
        approve(shareInsurance(anna, email, PASSWORD, "Liability insurance", "100.00"));
        enrolInTheRiskPool(anna, email);
        String project = projectWith(anna);
        String client = clientOf(project);
        String invitation = join("Bram Uitgenodigd", "bram.a11y-" + UUID.randomUUID() + "@gilde.example", "80.00")
                .text("invitationToken");

        visit(lang, "/login", "/password-resets", "/password-resets/" + UUID.randomUUID(), "/invitations/" + invitation);

        signIn(email, PASSWORD);
        visit(lang, in("/me"), in("/invoices"), in("/audit"));

        submit(By.cssSelector(".signout button"));
        signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        visit(lang, "/", "/tokens", "/settings", "/imports", in(""), in("/books"), in("/books/journal"), in("/books/balances"),
                in("/books/chart"), in("/risk-pool"), in("/projects"), in("/projects/" + project), in("/admin"),
                in("/admin/projects/" + project), in("/invoices"), in("/invoicing-details"), in("/audit"),
                in("/projects/" + project + "/billing"), in("/projects/" + project + "/quote"),
                in("/audit?kind=nonsense!"));

        submit(By.cssSelector(".signout button"));
        signIn(client, PASSWORD);
        visit(lang, "/", in("/projects"), in("/projects/" + project), in("/invoices?project=" + project));

        assertThat(sideways).as("pages that scroll sideways at " + AccessibilityCheck.PHONE.getWidth() + " px").isEmpty();
    }

    /** Opens each page in this language (which checks it), and makes sure it is the page itself and names its language. */
    private void visit(String lang, String... paths) {
        for (String path : paths) {
            open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
            assertThat(browser.getTitle()).as("the page itself, not the error page, at " + path)
                    .doesNotStartWith("Something is not right").doesNotStartWith("Er klopt iets niet");
            assertThat(((JavascriptExecutor) browser).executeScript("return document.documentElement.lang"))
                    .as("the language of " + path).isEqualTo(lang);
            noSidewaysScrollOnAPhone(path, lang);
        }
    }

    /**
     * At phone width the page fits the screen: nothing is wider than the window. Wide tables (the
     * journal) may scroll inside their own box; a member's own tables (.phone-fit) fit whole.
     */
    private void noSidewaysScrollOnAPhone(String path, String lang) {
        Dimension size = browser.manage().window().getSize();
        browser.manage().window().setSize(AccessibilityCheck.PHONE);
        try {
            JavascriptExecutor script = (JavascriptExecutor) browser;
            script.executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });""");
            // The page, or a table made to fit a phone whole (.phone-fit) that would still scroll inside its box.
            long wide = ((Number) script.executeScript("""
                    var widest = document.documentElement.scrollWidth;
                    document.querySelectorAll('.phone-fit').forEach(function (box) {
                        widest = Math.max(widest, window.innerWidth + box.scrollWidth - box.clientWidth);
                    });
                    return widest;""")).longValue();
            long screen = ((Number) script.executeScript("return window.innerWidth")).longValue();
            String name = (wide > screen ? "sideways-" : "phone-") + lang + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "").replaceAll("[^a-z]+", "-");
            if (wide > screen) {
                sideways.add(path + " (" + lang + "): " + wide + " px wide on a " + screen + " px screen, see " + name + ".png");
            }
            try {
                screenshot(name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    private String in(String rest) {
        return "/cooperatives/" + cooperative + rest;
    }

    private void approve(String cost) {
        assertThat(api.asAdmin(HttpMethod.POST, "/api" + in("/costs/" + cost + "/approve"), null).status())
                .isEqualTo(200);
    }

    /** Enrolled, with a month's contribution: the pool has a balance history to chart. */
    private void enrolInTheRiskPool(String member, String email) {
        String pool = "/api" + in("/risk-pool");
        assertThat(api.post(pool + "/enrolments", "{\"memberId\": \"" + member + "\", \"tier\": \"1000.00\"}",
                email, PASSWORD).status()).isEqualTo(201);
        assertThat(api.asAdmin(HttpMethod.POST, pool + "/contributions",
                "{\"memberId\": \"" + member + "\", \"month\": \"" + YearMonth.from(today) + "\"}").status())
                .isEqualTo(201);
    }

    /** A client contact of the project who chose a password; returns their email. */
    private String clientOf(String project) {
        String email = "client.a11y-" + UUID.randomUUID() + "@utrecht.example";
        Response invited = api.asAdmin(HttpMethod.POST, "/api" + in("/projects/" + project + "/clients"),
                "{\"name\": \"Marieke van Dam\", \"email\": \"" + email + "\"}");
        assertThat(invited.status()).isEqualTo(201);
        assertThat(api.post("/api/invitations/" + invited.text("invitationToken"),
                "{\"password\": \"" + PASSWORD + "\"}", null, null).status()).isEqualTo(201);
        return email;
    }

    private String projectWith(String member) {
        Response registered = api.asAdmin(HttpMethod.POST, "/api" + in("/projects"), """
                {"name": "Klantportaal", "client": "Gemeente Utrecht", "start": "%s", "end": "%s",
                 "requiredSkills": [{"skill": "java", "hoursPerWeek": 32}, {"skill": "ux", "hoursPerWeek": 16}]}
                """.formatted(today.minusDays(60), today.plusDays(120)));
        assertThat(registered.status()).isEqualTo(201);
        String project = registered.text("projectId");
        assertThat(api.asAdmin(HttpMethod.POST, "/api" + in("/projects/" + project + "/assignments"), """
                {"memberId": "%s", "role": "CORE", "skill": "java", "hoursPerWeek": 24, "from": "%s", "to": "%s"}
                """.formatted(member, today.minusDays(30), today.plusDays(90))).status()).isEqualTo(201);
        return project;
    }
}
