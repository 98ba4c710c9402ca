package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpMethod;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The projects and continuity pages for members and clients, and the admin page, in a real browser. */
class ProjectPagesBrowserTest extends BrowserJourney {

    private static final String PASSWORD = "a-long-client-password";
    private static final String SCRIPT_NAME = "Klantportaal <script>alert('x')</script>";
    private final LocalDate today = TestClock.today();

    private String path(String rest) {
        return "/api/cooperatives/" + cooperative + rest;
    }

    private String registerProject(String name, String client, String skillsJson) {
        Response registered = api.asAdmin(HttpMethod.POST, path("/projects"), """
                {"name": "%s", "client": "%s", "start": "%s", "end": "%s", "requiredSkills": %s}
                """.formatted(name, client, today.minusDays(60), today.plusDays(120), skillsJson));
        assertThat(registered.status()).isEqualTo(201);
        return registered.text("projectId");
    }

    private void assign(String project, String member, String role, String skill, int hours) {
        assertThat(api.asAdmin(HttpMethod.POST, path("/projects/" + project + "/assignments"), """
                {"memberId": "%s", "role": "%s", "skill": "%s", "hoursPerWeek": %d, "from": "%s", "to": "%s"}
                """.formatted(member, role, skill, hours, today.minusDays(30), today.plusDays(90))).status())
                .isEqualTo(201);
    }

    /** A client contact of the project who activated their login; a fresh email, as accounts outlive a test's cooperative. */
    private String clientOf(String project, String name) {
        String email = "client-" + UUID.randomUUID() + "@utrecht.example";
        Response invited = api.asAdmin(HttpMethod.POST, path("/projects/" + project + "/clients"),
                "{\"name\": \"" + name + "\", \"email\": \"" + email + "\"}");
        assertThat(invited.status()).isEqualTo(201);
        assertThat(api.post("/api/invitations/" + invited.text("invitationToken"),
                "{\"password\": \"" + PASSWORD + "\"}", null, null).status()).isEqualTo(201);
        return email;
    }

    /** Klantportaal: java covered (Anna core, Daan backup), ux uncovered. Zorgapp belongs to another client. */
    private String[] twoProjects() {
        String anna = join("Anna de Vries", "anna@gilde.example", "90.00").text("memberId");
        String daan = join("Daan Bakker", "daan@gilde.example", "95.00").text("memberId");
        String portal = registerProject(SCRIPT_NAME, "Gemeente Utrecht",
                "[{\"skill\": \"java\", \"hoursPerWeek\": 32}, {\"skill\": \"ux\", \"hoursPerWeek\": 16}]");
        String care = registerProject("Zorgapp", "Zorggroep Noorderlicht", "[{\"skill\": \"ux\", \"hoursPerWeek\": 16}]");
        assign(portal, anna, "CORE", "java", 24);
        assign(portal, daan, "BACKUP", "java", 8);
        assign(care, daan, "CORE", "ux", 16);
        return new String[] {portal, care};
    }

    @Test
    void aClientSeesTheirProjectsContinuityInWordsAndIsRefusedAnotherClientsProject() throws IOException {
        String[] projects = twoProjects();
        String client = clientOf(projects[0], "Marieke van Dam");
        clientOf(projects[1], "Joost Hendriks");

        signIn(client, PASSWORD);
        assertThat(text(By.id("client-projects"))).contains(SCRIPT_NAME, "Gemeente Utrecht", "De Gilde");
        submit(By.cssSelector("#client-projects a"));

        assertThat(text(By.tagName("h1"))).as("user text is shown as text").isEqualTo(SCRIPT_NAME);
        assertThat(text(By.cssSelector("[data-skill='java']"))).contains("Gedekt", "Een beschikbaar kernlid en een beschikbare achtervang");
        assertThat(text(By.cssSelector("[data-skill='ux']"))).contains("Niet gedekt", "Geen kernlid.", "Geen achtervang.");
        assertThat(text(By.tagName("main"))).contains("Anna de Vries", "kernlid", "Daan Bakker", "achtervang")
                .doesNotContain("Kan invallen").doesNotContain("90,00").doesNotContain("Zorgapp");
        assertThat(browser.findElements(By.cssSelector("nav.sections"))).as("no member sections for a client").isEmpty();
        screenshot("project-client");

        open("/cooperatives/" + cooperative + "/projects");
        assertThat(text(By.tagName("main"))).contains(SCRIPT_NAME).doesNotContain("Zorgapp");

        open("/cooperatives/" + cooperative + "/projects/" + projects[1]);
        assertThat(text(By.tagName("main"))).contains("Met jouw rollen mag je deze pagina niet zien")
                .doesNotContain("Zorgapp");
        open("/cooperatives/" + cooperative + "/admin");
        assertThat(text(By.tagName("main"))).contains("Met jouw rollen mag je deze pagina niet zien");
    }

    @Test
    void anAdminSeesEveryProjectAppointsATreasurerAndIsRefusedRevokingTheLastAdmin() throws IOException {
        twoProjects();
        signIn(Api.ADMIN, Api.ADMIN_PASSWORD);

        open("/cooperatives/" + cooperative + "/projects");
        assertThat(text(By.tagName("main"))).contains(SCRIPT_NAME, "Zorgapp", "voor Gemeente Utrecht", "Gedekt",
                "Niet gedekt", "Team: Anna de Vries, Daan Bakker");
        screenshot("projects");
        submit(By.linkText(SCRIPT_NAME));
        assertThat(text(By.tagName("h1"))).isEqualTo(SCRIPT_NAME);
        assertThat(text(By.id("project-status"))).isEqualTo("Niet gedekt");
        assertThat(text(By.cssSelector("[data-skill='ux']"))).contains("Kan invallen als achtervang:",
                "Anna de Vries (16 uur per week over)");
        screenshot("project");

        open("/cooperatives/" + cooperative + "/admin");
        submit(By.cssSelector("tr[data-member='Daan Bakker'] button[data-action='appoint-TREASURER']"));
        assertThat(text(By.id("done"))).contains("Daan Bakker");
        assertThat(text(By.cssSelector("tr[data-member='Daan Bakker']"))).contains("penningmeester");

        submit(By.cssSelector("tr[data-member='Administrator'] button[data-action='revoke-ADMIN']"));
        assertThat(text(By.id("refusal"))).isEqualTo(
                "Geweigerd: De laatste beheerder kan de rol beheerder niet kwijtraken. Benoem eerst een andere beheerder.");
        assertThat(text(By.cssSelector("tr[data-member='Administrator']"))).contains("beheerder");
        screenshot("admin");

        submit(By.cssSelector("tr[data-member='Administrator'] form.leave button"));
        assertThat(text(By.id("leave-error"))).isEqualTo("Kies de datum van uittreden.");
        date(browser.findElement(By.cssSelector("tr[data-member='Administrator'] input[type=date]")).getAttribute("id"), today);
        submit(By.cssSelector("tr[data-member='Administrator'] form.leave button"));
        assertThat(text(By.id("refusal"))).isEqualTo(
                "Geweigerd: De laatste beheerder kan niet uittreden. Benoem eerst een andere beheerder.");

        type("project-name", "Webwinkel <b>nieuw</b>");
        type("project-client", "Bakkerij Van der Meulen");
        date("project-start", today);
        type("project-skills", "react 16");
        submit(By.cssSelector("#projects form button"));
        assertThat(text(By.id("project-skills-error"))).contains("java:32");
        assertThat(browser.findElement(By.id("project-skills")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(text(By.id("project-end-error"))).isEqualTo("kies een datum");
        assertThat(browser.findElement(By.id("project-name")).getAttribute("value")).isEqualTo("Webwinkel <b>nieuw</b>");

        date("project-end", today.plusMonths(3));
        type("project-skills", "react:16, accessibility:8");
        submit(By.cssSelector("#projects form button"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Webwinkel <b>nieuw</b>");
        assertThat(text(By.id("done"))).contains("is geregistreerd");

        new Select(browser.findElement(By.id("memberId"))).selectByVisibleText("Daan Bakker (java, ux)");
        new Select(browser.findElement(By.id("skill"))).selectByVisibleText("react");
        type("hoursPerWeek", "8");
        submit(By.cssSelector("#assign button"));
        assertThat(text(By.cssSelector("#assign [role=alert]"))).contains("react");

        type("client-name", "Kees van der Meulen");
        type("client-email", "kees-" + UUID.randomUUID() + "@bakkerij.example");
        submit(By.cssSelector("#client button"));
        assertThat(text(By.id("invitation-link"))).contains("/invitations/");
        assertThat(text(By.tagName("main"))).contains("Kees van der Meulen", "heeft nog geen wachtwoord gekozen");
    }

    /** Sets a date field the way a date picker does (typing into one depends on the browser's locale). */
    private void date(String id, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id(id)), date.toString());
    }
}
