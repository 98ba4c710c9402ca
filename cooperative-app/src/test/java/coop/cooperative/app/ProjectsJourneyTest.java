package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import coop.cooperative.app.Api.Response;
import coop.cooperative.core.riskpool.api.ClaimClosed;
import coop.cooperative.core.riskpool.api.ClaimFiled;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Projects, assignments and the continuity report, tried as a new user would over HTTP. */
class ProjectsJourneyTest extends HttpJourney {

    private static final String PASSWORD = "a-long-secret-password";
    private final LocalDate today = TestClock.today();

    @Autowired
    EventGateway events;

    private String path(String rest) {
        return "/api/cooperatives/" + cooperative + rest;
    }

    private String registerProject(String name, String skillsJson) {
        Response registered = api.asAdmin(HttpMethod.POST, path("/projects"), """
                {"name": "%s", "client": "Gemeente Utrecht", "start": "%s", "end": "%s", "requiredSkills": %s}
                """.formatted(name, today.minusDays(60), today.plusDays(120), skillsJson));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.headers().getLocation()).isNotNull();
        return registered.text("projectId");
    }

    private Response assign(String project, String member, String role, String skill, int hours) {
        return api.asAdmin(HttpMethod.POST, path("/projects/" + project + "/assignments"), """
                {"memberId": "%s", "role": "%s", "skill": "%s", "hoursPerWeek": %d, "from": "%s", "to": "%s"}
                """.formatted(member, role, skill, hours, today.minusDays(30), today.plusDays(90)));
    }

    private JsonNode javaSkill() {
        Response report = api.asAdmin(HttpMethod.GET, path("/continuity"), null);
        assertThat(report.status()).isEqualTo(200);
        return report.body().at("/projects/0/skills/0");
    }

    @Test
    void aProjectWithOneCoreIsAtRiskABackupCoversItAndTheCoreLeavingPutsItAtRiskWithTheReasonNamed() {
        String anna = join("Anna de Vries", "anna@gilde.example", "90.00").text("memberId");
        String daan = join("Daan Bakker", "daan@gilde.example", "95.00").text("memberId");
        String project = registerProject("Klantportaal", "[{\"skill\": \"java\", \"hoursPerWeek\": 32}]");

        assertThat(assign(project, anna, "CORE", "java", 24).status()).isEqualTo(201);
        JsonNode atRisk = javaSkill();
        assertThat(atRisk.get("status").asText()).isEqualTo("AT_RISK");
        assertThat(atRisk.get("reasons").toString()).contains("backup for java: none");
        assertThat(atRisk.at("/core/0/name").asText()).isEqualTo("Anna de Vries");
        assertThat(atRisk.get("candidates").toString()).contains("Daan Bakker");

        assertThat(assign(project, daan, "BACKUP", "java", 8).status()).isEqualTo(201);
        Response covered = api.asAdmin(HttpMethod.GET, path("/continuity"), null);
        assertThat(covered.body().at("/projects/0/status").asText()).isEqualTo("COVERED");
        assertThat(covered.body().at("/projects/0/name").asText()).isEqualTo("Klantportaal");
        assertThat(covered.body().at("/projects/0/client").asText()).isEqualTo("Gemeente Utrecht");
        assertThat(covered.body().at("/projects/0/projectId").asText()).isEqualTo(project);

        Response left = api.asAdmin(HttpMethod.POST, path("/members/" + anna + "/leave"),
                "{\"date\": \"" + today + "\"}");
        assertThat(left.status()).isEqualTo(200);
        JsonNode afterLeaving = javaSkill();
        assertThat(afterLeaving.get("status").asText()).isEqualTo("AT_RISK");
        assertThat(afterLeaving.get("reasons").toString())
                .contains("core for java: none available")
                .contains("Anna de Vries (core) left the cooperative on " + today);

        // the assignment ends automatically on the day before the leaving date, the first day out
        // (as the books count it): the member is assigned on no day they are not a member
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode team = api.asAdmin(HttpMethod.GET, path("/projects/" + project), null).body().get("team");
            assertThat(team.toString()).contains("\"name\":\"Anna de Vries\"");
            for (JsonNode member : team) {
                if (member.get("memberId").asText().equals(anna)) {
                    assertThat(member.get("to").asText()).isEqualTo(today.minusDays(1).toString());
                }
            }
        });
    }

    @Test
    void endingTheBackupsAssignmentPutsTheSkillAtRiskAgain() {
        String anna = join("Anna de Vries", "anna@gilde.example", "90.00").text("memberId");
        String daan = join("Daan Bakker", "daan@gilde.example", "95.00").text("memberId");
        String project = registerProject("Klantportaal", "[{\"skill\": \"java\", \"hoursPerWeek\": 32}]");
        assign(project, anna, "CORE", "java", 24);
        String backup = assign(project, daan, "BACKUP", "java", 8).text("assignmentId");
        assertThat(javaSkill().get("status").asText()).isEqualTo("COVERED");

        Response ended = api.asAdmin(HttpMethod.POST, path("/projects/" + project + "/assignments/" + backup + "/end"),
                "{\"date\": \"" + today.minusDays(1) + "\"}");
        Response again = api.asAdmin(HttpMethod.POST, path("/projects/" + project + "/assignments/" + backup + "/end"),
                "{\"date\": \"" + today.minusDays(1) + "\"}");

        assertThat(ended.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(409);
        JsonNode skill = javaSkill();
        assertThat(skill.get("status").asText()).isEqualTo("AT_RISK");
        assertThat(skill.get("reasons").toString()).contains("Daan Bakker (backup) was assigned until " + today.minusDays(1));
    }

    @Test
    void aClaimMakesItsMemberUnavailableUntilItCloses() {
        String anna = join("Anna de Vries", "anna@gilde.example", "90.00").text("memberId");
        String daan = join("Daan Bakker", "daan@gilde.example", "95.00").text("memberId");
        String project = registerProject("Klantportaal", "[{\"skill\": \"java\", \"hoursPerWeek\": 32}]");
        assign(project, anna, "CORE", "java", 24);
        assign(project, daan, "BACKUP", "java", 8);
        CooperativeId coop = CooperativeId.of(cooperative);
        ClaimId claim = ClaimId.random();

        events.publish(new ClaimFiled(coop, claim, MemberId.of(anna), today.minusDays(3), today, null));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(javaSkill().get("status").asText()).isEqualTo("AT_RISK"));
        assertThat(javaSkill().get("reasons").toString())
                .contains("Anna de Vries (core) is on a claim since " + today.minusDays(3));

        events.publish(new ClaimClosed(coop, claim, MemberId.of(anna), today.minusDays(1)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(javaSkill().get("status").asText()).isEqualTo("COVERED"));
    }

    @Test
    void noMemberIsAssignedMoreThanTheMaximumHoursPerWeekAcrossProjects() {
        String anna = join("Anna de Vries", "anna@gilde.example", "90.00").text("memberId");
        String portal = registerProject("Klantportaal", "[{\"skill\": \"java\", \"hoursPerWeek\": 32}]");
        String app = registerProject("Zorgapp", "[{\"skill\": \"ux\", \"hoursPerWeek\": 16}]");

        assertThat(assign(portal, anna, "CORE", "java", 32).status()).isEqualTo(201);
        Response tooMuch = assign(app, anna, "CORE", "ux", 16);
        Response python = assign(app, anna, "CORE", "python", 4);

        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.headers().getContentType().toString()).contains("problem+json");
        assertThat(tooMuch.text("detail")).contains("48 hours per week").contains("maximum is 40");
        assertThat(python.status()).isEqualTo(422);
        JsonNode team = api.asAdmin(HttpMethod.GET, path("/projects/" + app), null).body().get("team");
        assertThat(team.size()).isZero();
        assertThat(assign(app, anna, "CORE", "ux", 8).status()).isEqualTo(201);
    }

    @Test
    void aMemberWhoGaveNoticeIsNotAssignedPastTheirLeavingDate() {
        String anna = join("Anna de Vries", "anna@gilde.example", "90.00").text("memberId");
        String portal = registerProject("Klantportaal", "[{\"skill\": \"java\", \"hoursPerWeek\": 32}]");
        api.asAdmin(HttpMethod.POST, path("/members/" + anna + "/leave"), "{\"date\": \"" + today.plusDays(30) + "\"}");

        Response refused = assign(portal, anna, "CORE", "java", 24);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("detail")).contains("leaves on " + today.plusDays(30));
        // the leaving date is the first day out: an assignment may run up to the day before it, not on it
        assertThat(assignUntil(portal, anna, today.plusDays(30)).status()).isEqualTo(422);
        assertThat(assignUntil(portal, anna, today.plusDays(29)).status()).isEqualTo(201);
    }

    private Response assignUntil(String project, String member, LocalDate to) {
        return api.asAdmin(HttpMethod.POST, path("/projects/" + project + "/assignments"), """
                {"memberId": "%s", "role": "CORE", "skill": "java", "hoursPerWeek": 24, "from": "%s", "to": "%s"}
                """.formatted(member, today.minusDays(30), to));
    }

    @Test
    void aClientSeesOnlyTheirProjectsTeamAndContinuityAndNothingElse() {
        String anna = join("Anna de Vries", "anna@gilde.example", "90.00").text("memberId");
        String projectA = registerProject("Klantportaal", "[{\"skill\": \"java\", \"hoursPerWeek\": 32}]");
        String projectB = registerProject("Zorgapp", "[{\"skill\": \"ux\", \"hoursPerWeek\": 16}]");
        assign(projectA, anna, "CORE", "java", 24);

        Response invited = api.asAdmin(HttpMethod.POST, path("/projects/" + projectA + "/clients"),
                "{\"name\": \"Marieke Jansen\", \"email\": \"marieke@utrecht.example\"}");
        assertThat(invited.status()).isEqualTo(201);
        assertThat(api.post("/api/invitations/" + invited.text("invitationToken"),
                "{\"password\": \"" + PASSWORD + "\"}", null, null).status()).isEqualTo(201);
        String client = "marieke@utrecht.example";

        Response team = api.get(path("/projects/" + projectA), client, PASSWORD);
        Response continuity = api.get(path("/continuity"), client, PASSWORD);
        Response list = api.get(path("/projects"), client, PASSWORD);
        Response mine = api.get("/api/me/projects", client, PASSWORD);

        assertThat(team.status()).isEqualTo(200);
        assertThat(team.body().at("/team/0/name").asText()).isEqualTo("Anna de Vries");
        assertThat(team.body().at("/team/0/role").asText()).isEqualTo("CORE");
        assertThat(team.body().at("/team/0/skill").asText()).isEqualTo("java");
        assertThat(team.body().toString()).doesNotContain("hourlyRate").doesNotContain("90.00");
        assertThat(continuity.status()).isEqualTo(200);
        assertThat(continuity.body().get("projects").size()).isEqualTo(1);
        assertThat(continuity.body().at("/projects/0/projectId").asText()).isEqualTo(projectA);
        assertThat(continuity.body().at("/projects/0/skills/0/candidates").size()).isZero();
        assertThat(list.body().size()).isEqualTo(1);
        assertThat(mine.body().toString()).isEqualTo("[{\"cooperativeId\":\"" + cooperative + "\",\"projectId\":\""
                + projectA + "\"}]");

        assertThat(api.get(path("/projects/" + projectB), client, PASSWORD).status()).isEqualTo(403);
        assertThat(api.get(path("/members"), client, PASSWORD).status()).isEqualTo(403);
        assertThat(api.get(path("/balances"), client, PASSWORD).status()).isEqualTo(403);
        assertThat(api.get(path("/ledger"), client, PASSWORD).status()).isEqualTo(403);
        assertThat(api.get(path("/risk-pool"), client, PASSWORD).status()).isEqualTo(403);
        assertThat(api.get(path("/members/" + anna + "/hours"), client, PASSWORD).status()).isEqualTo(403);
        assertThat(api.get(path("/projects/" + projectA + "/hours"), client, PASSWORD).status()).isEqualTo(403);
        assertThat(api.get(path("/hours-per-member?month=2026-01"), client, PASSWORD).status()).isEqualTo(403);
        assertThat(api.post(path("/projects/" + projectA + "/assignments"), """
                {"memberId": "%s", "role": "CORE", "skill": "java", "hoursPerWeek": 8, "from": "%s", "to": "%s"}
                """.formatted(anna, today, today), client, PASSWORD).status()).isEqualTo(403);
    }

    @Test
    void hoursCanBeLoggedOnlyWithinTheRulesAndARefusalStoresNothing() {
        String anna = joinWithLogin("Anna de Vries", "anna@gilde.example", PASSWORD);
        String daan = join("Daan Bakker", "daan@gilde.example", "95.00").text("memberId");
        String assignedTo = registerProject("Klantportaal", "[{\"skill\": \"java\", \"hoursPerWeek\": 32}]");
        String other = registerProject("Zorgapp", "[{\"skill\": \"ux\", \"hoursPerWeek\": 16}]");
        assign(assignedTo, anna, "CORE", "java", 24);
        // in the month that stays open whatever today is: a week ago is in last month during the first week
        LocalDate day = today.withDayOfMonth(1);
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        assertThat(api.asAdmin(HttpMethod.POST, path("/periods/" + lastMonth.toString().substring(0, 7) + "/close"),
                null).status()).isEqualTo(200);
        long before = count("hours_entries");

        List<Response> refused = new ArrayList<>();
        refused.add(log(anna, day, "25", "COOPERATIVE", null, null));
        refused.add(log(anna, day, "1.1", "COOPERATIVE", null, null));
        refused.add(log(anna, day, "4", "PROJECT", other, null));
        refused.add(log(anna, lastMonth.plusDays(3), "4", "COOPERATIVE", null, null));
        refused.add(log(anna, day, "2", "DEVELOPMENT", null, null));
        Response forSomeoneElse = log(daan, day, "4", "COOPERATIVE", null, null);

        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.headers().getContentType().toString()).contains("problem+json");
        });
        assertThat(refused.get(3).text("detail")).contains("is closed");
        assertThat(forSomeoneElse.status()).isEqualTo(403);
        assertThat(count("hours_entries")).isEqualTo(before);

        Response project = log(anna, day, "7.5", "PROJECT", assignedTo, null);
        Response development = log(anna, day, "2", "DEVELOPMENT", null, "Kotlin coroutines course");
        Response cooperativeWork = log(anna, day, "1.25", "COOPERATIVE", null, null);
        Response overTheDay = log(anna, day, "13.5", "COOPERATIVE", null, null);
        assertThat(project.status()).isEqualTo(201);
        assertThat(development.status()).isEqualTo(201);
        assertThat(cooperativeWork.status()).isEqualTo(201);
        assertThat(overTheDay.status()).isEqualTo(422);

        Response corrected = api.exchange(HttpMethod.PUT, path("/hours/" + cooperativeWork.text("entryId")), """
                {"date": "%s", "hours": 2.5, "kind": "COOPERATIVE", "description": "minutes of the general meeting"}
                """.formatted(day), "anna@gilde.example", PASSWORD, new org.springframework.http.HttpHeaders());
        Response withdrawn = api.exchange(HttpMethod.DELETE, path("/hours/" + development.text("entryId")), null,
                "anna@gilde.example", PASSWORD, new org.springframework.http.HttpHeaders());
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.body().get("hours").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(withdrawn.status()).isEqualTo(204);

        Response mine = api.get(path("/members/" + anna + "/hours?year=" + day.getYear()), "anna@gilde.example", PASSWORD);
        assertThat(mine.status()).isEqualTo(200);
        JsonNode month = mine.body().get("months").get(0);
        assertThat(month.get("project").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(month.get("cooperative").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(month.get("development").decimalValue()).isEqualByComparingTo("0");
        assertThat(mine.body().at("/development/workedHours").decimalValue()).isEqualByComparingTo("10");
        assertThat(mine.body().at("/development/budgetHours").decimalValue()).isEqualByComparingTo("1");
        assertThat(mine.body().get("weeks").size()).isEqualTo(1);

        Response perMember = api.asAdmin(HttpMethod.GET,
                path("/hours-per-member?month=" + day.toString().substring(0, 7)), null);
        assertThat(perMember.body().at("/hours/" + anna).decimalValue()).isEqualByComparingTo("10");
        Response weeks = api.asAdmin(HttpMethod.GET, path("/projects/" + assignedTo + "/hours"), null);
        assertThat(weeks.body().toString()).contains("\"plannedHours\":32").contains("\"loggedHours\":7.5}");
    }

    private Response log(String member, LocalDate date, String hours, String kind, String project, String subject) {
        return api.post(path("/hours"), """
                {"memberId": "%s", "date": "%s", "hours": %s, "kind": "%s", "projectId": %s, "subject": %s,
                 "description": "work"}
                """.formatted(member, date, hours, kind, project == null ? "null" : "\"" + project + "\"",
                subject == null ? "null" : "\"" + subject + "\""), "anna@gilde.example", PASSWORD);
    }
}
