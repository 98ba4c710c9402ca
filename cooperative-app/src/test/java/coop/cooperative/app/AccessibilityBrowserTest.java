package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, filled with figures, in Dutch and in English: {@link BrowserJourney#open} checks each
 * against WCAG 2.1 A/AA with axe-core at desktop and phone width, and fails on any violation.
 */
class AccessibilityBrowserTest extends BrowserJourney {

    private static final String PASSWORD = "a-long-accessible-password";
    private final LocalDate today = TestClock.today();

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void everyPageMeetsWcag21AaInBothLanguages(String lang) {
        String email = "anna.a11y-" + UUID.randomUUID() + "@gilde.example";
        String anna = joinWithLogin("Anna Toegankelijk", email, PASSWORD);
        shareInsurance(anna, email, PASSWORD, "Printer paper", "12.50");
        approve(shareInsurance(anna, email, PASSWORD, "Liability insurance", "100.00"));
        enrolInTheRiskPool(anna, email);
        String project = projectWith(anna);
        String invitation = join("Bram Uitgenodigd", "bram.a11y-" + UUID.randomUUID() + "@gilde.example", "80.00")
                .text("invitationToken");

        visit(lang, "/login", "/password-resets", "/password-resets/" + UUID.randomUUID(), "/invitations/" + invitation);

        signIn(email, PASSWORD);
        visit(lang, in("/me"));

        submit(By.cssSelector(".signout button"));
        signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        visit(lang, "/", "/tokens", "/settings", in(""), in("/books"), in("/books/journal"), in("/books/balances"),
                in("/books/chart"), in("/risk-pool"), in("/projects"), in("/projects/" + project), in("/admin"),
                in("/admin/projects/" + project));
    }

    /** Opens each page in this language (which checks it), and makes sure it is the page itself and names its language. */
    private void visit(String lang, String... paths) {
        for (String path : paths) {
            open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
            assertThat(browser.getTitle()).as("the page itself, not the error page, at " + path)
                    .doesNotStartWith("Something is not right").doesNotStartWith("Er klopt iets niet");
            assertThat(((JavascriptExecutor) browser).executeScript("return document.documentElement.lang"))
                    .as("the language of " + path).isEqualTo(lang);
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
