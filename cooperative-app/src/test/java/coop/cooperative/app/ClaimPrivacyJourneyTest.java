package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claim is health data: who is ill, since when and why reaches the claimant, treasurers and
 * admins only. Every read endpoint in the served OpenAPI description, and the pages a member or a
 * client opens, are asked as a plain member and as a client of the claimant's project; no answer
 * may hold the reason or the claim's id, or tie the claimant to a claim.
 */
class ClaimPrivacyJourneyTest extends HttpJourney {

    private static final String HANNA = "hanna.private@gilde.example";
    private static final String IVO = "ivo.private@gilde.example";
    private static final String CLIENT = "klant.private@utrecht.example";
    private static final String PASSWORD = "walnut harbour pencil drift";
    private final LocalDate today = TestClock.today();

    private String path(String rest) {
        return "/api/cooperatives/" + cooperative + rest;
    }

    @Test
    void noAnswerOrPageTiesAMemberToAClaimForAColleagueOrAClient() {
        String hanna = joinWithLogin("Hanna Verborgen", HANNA, PASSWORD);
        joinWithLogin("Ivo Collega", IVO, PASSWORD);
        String project = api.asAdmin(HttpMethod.POST, path("/projects"), """
                {"name": "Portaal", "client": "Gemeente Utrecht", "start": "%s", "end": "%s",
                 "requiredSkills": [{"skill": "ux", "hoursPerWeek": 16}]}"""
                .formatted(today.minusDays(60), today.plusDays(120))).text("projectId");
        assertThat(api.asAdmin(HttpMethod.POST, path("/projects/" + project + "/assignments"), """
                {"memberId": "%s", "role": "CORE", "skill": "ux", "hoursPerWeek": 16, "from": "%s", "to": "%s"}"""
                .formatted(hanna, today.minusDays(30), today.plusDays(90))).status()).isEqualTo(201);
        String token = api.asAdmin(HttpMethod.POST, path("/projects/" + project + "/clients"),
                "{\"name\": \"Klant Privé\", \"email\": \"" + CLIENT + "\"}").text("invitationToken");
        assertThat(api.post("/api/invitations/" + token, "{\"password\": \"" + PASSWORD + "\"}", null, null).status())
                .isEqualTo(201);
        assertThat(api.asAdmin(HttpMethod.POST, path("/risk-pool/enrolments"), """
                {"memberId": "%s", "monthlyContribution": "45.00", "enrolledOn": "%s"}"""
                .formatted(hanna, today.minusMonths(4))).status()).isEqualTo(201);
        String reason = "hernia " + UUID.randomUUID();
        Response filed = api.post(path("/risk-pool/claims"), """
                {"memberId": "%s", "startDate": "%s", "reason": "%s"}""".formatted(hanna, today, reason), HANNA, PASSWORD);
        assertThat(filed.status()).isEqualTo(201);
        String claim = filed.text("claimId");
        assertThat(api.asAdmin(HttpMethod.POST, path("/risk-pool/claims/" + claim + "/approve"), null).status())
                .isEqualTo(200);
        // the claimant and the admin do see it: the rule is about who, not about hiding it from everyone
        assertThat(api.get(path("/risk-pool"), HANNA, PASSWORD).body().toString()).contains(hanna, claim);
        assertThat(api.asAdmin(HttpMethod.GET, path("/continuity"), null).body().toString()).contains("claim");

        Map<String, String> ids = Map.of("cooperativeId", cooperative, "memberId", hanna, "claimId", claim,
                "projectId", project);
        List<String> asked = new ArrayList<>();
        for (String template : readPaths()) {
            String url = template;
            for (var id : ids.entrySet()) {
                url = url.replace("{" + id.getKey() + "}", id.getValue());
            }
            url = url.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (String reader : List.of(IVO, CLIENT)) {
                Response answer = api.get(url, reader, PASSWORD);
                asked.add(reader + " " + url + " " + answer.status());
                assertPrivate(reader + " GET " + url, answer.body(), hanna, claim, reason);
            }
        }
        assertThat(asked).as("the read endpoints asked").hasSizeGreaterThan(40);
        assertThat(asked).contains(IVO + " " + path("/risk-pool") + " 200", CLIENT + " " + path("/continuity") + " 200",
                IVO + " " + path("/continuity") + " 200");

        for (String page : List.of("/cooperatives/" + cooperative + "/risk-pool", "/cooperatives/" + cooperative + "/projects",
                "/cooperatives/" + cooperative + "/me", "/cooperatives/" + cooperative + "/audit",
                "/cooperatives/" + cooperative + "/audit.csv")) {
            for (String reader : List.of(IVO, CLIENT)) {
                String html = http.withBasicAuth(reader, PASSWORD).getForObject(page, String.class);
                if (html == null) {
                    continue;
                }
                assertThat(html).as(reader + " " + page).doesNotContain(reason, claim, hanna)
                        .doesNotContainIgnoringCase("broodfonds)").doesNotContainIgnoringCase("risk-pool claim");
            }
        }
    }

    private List<String> readPaths() {
        JsonNode paths = api.asAdmin(HttpMethod.GET, "/v3/api-docs", null).body().get("paths");
        List<String> reads = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getValue().has("get") && path.getKey().startsWith("/api/") && !path.getKey().contains("admin")) {
                reads.add(path.getKey());
            }
        }
        return reads;
    }

    /** No reason, no claim id, and no object that names the claimant next to the word claim. */
    private static void assertPrivate(String where, JsonNode body, String claimant, String claim, String reason) {
        if (body instanceof ObjectNode problem) {
            problem.remove("instance"); // a refusal repeats the path that was asked: the asker's own words
        }
        String text = body == null ? "" : body.toString();
        assertThat(text).as(where).doesNotContain(reason).doesNotContain(claim);
        if (body != null) {
            body.findParents("memberId").forEach(parent -> {
                if (parent.path("memberId").asText().equals(claimant)) {
                    assertThat(parent.toString().toLowerCase(Locale.ROOT)).as(where).doesNotContain("claim");
                }
            });
        }
        assertThat(text.toLowerCase(Locale.ROOT)).as(where).doesNotContain("on a claim");
    }
}
