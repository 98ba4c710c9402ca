package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The membership journey over HTTP against the real app on H2. */
class MembershipJourneyTest extends HttpJourney {

    @Test
    void theFounderIsAdminAndTreasurerAndAJoinedMemberIsListedAtOnce() {
        Response joined = join("Anna de Vries", "anna@gilde.example", "85.50");

        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.text("invitationToken")).hasSizeGreaterThan(30);
        Response members = api.asAdmin(HttpMethod.GET, "/api/cooperatives/" + cooperative + "/members", null);
        assertThat(members.status()).isEqualTo(200);
        assertThat(members.body().findValuesAsText("name")).containsExactly("Administrator", "Anna de Vries");
        assertThat(members.body().get(0).get("roles").toString()).isEqualTo("[\"MEMBER\",\"TREASURER\",\"ADMIN\"]");
        var anna = members.body().get(1);
        assertThat(anna.get("memberId").asText()).isEqualTo(joined.text("memberId"));
        assertThat(anna.get("hourlyRate").asText()).isEqualTo("85.50");
        assertThat(anna.get("skills").toString()).isEqualTo("[\"java\",\"ux\"]");
        assertThat(anna.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(anna.get("joinedOn").asText()).isEqualTo("2026-02-01");
    }

    @Test
    void anInvitedMemberActivatesTheirLoginOnceAndMayReadButNotAdminister() {
        Response joined = join("Bram Visser", "bram@gilde.example", "70.00");
        String token = joined.text("invitationToken");

        Response accepted = api.post("/api/invitations/" + token, "{\"password\": \"bram-secret-password\"}", null, null);
        Response again = api.post("/api/invitations/" + token, "{\"password\": \"bram-secret-password\"}", null, null);

        assertThat(accepted.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        String members = "/api/cooperatives/" + cooperative + "/members";
        assertThat(api.get(members, "bram@gilde.example", "bram-secret-password").status()).isEqualTo(200);
        Response refused = api.post(members, "{\"name\": \"X\", \"email\": \"x@gilde.example\", \"skills\": [], "
                + "\"hourlyRate\": \"10.00\"}", "bram@gilde.example", "bram-secret-password");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(api.get("/api/me", "bram@gilde.example", "bram-secret-password").body()
                .at("/memberships/0/memberId").asText()).isEqualTo(joined.text("memberId"));
    }

    @Test
    void withoutCredentialsEveryApiPathAnswers401ButHealthIsOpen() {
        assertThat(api.get("/api/cooperatives", null, null).status()).isEqualTo(401);
        assertThat(api.get("/api/cooperatives/" + cooperative + "/members", null, null).status()).isEqualTo(401);
        assertThat(api.get("/api/cooperatives", Api.ADMIN, "wrong-password").status()).isEqualTo(401);
        assertThat(api.get("/actuator/health", null, null).status()).isEqualTo(200);
    }

    @Test
    void someoneOutsideTheCooperativeIsRefused() {
        joinWithLogin("Cas Mulder", "cas@gilde.example", "cas-secret-password");
        Response other = api.post("/api/cooperatives", "{\"name\": \"Ander Collectief\"}", "cas@gilde.example",
                "cas-secret-password");

        Response peek = api.get("/api/cooperatives/" + other.text("cooperativeId") + "/members", Api.ADMIN,
                Api.ADMIN_PASSWORD);

        assertThat(other.status()).isEqualTo(201);
        assertThat(peek.status()).isEqualTo(403);
    }

    @Test
    void aMalformedJoinIsRefusedNamingEachFieldAndStoresNothing() {
        Map<String, Long> before = storedRows();

        Response bad = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members", """
                {"name": " ", "email": "not-an-email", "skills": ["ux", "<script>"], "hourlyRate": "12.345"}
                """);
        Response badRate = join("Dirk", "dirk@gilde.example", "1e3");
        Response badDate = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members",
                "{\"name\": \"D\", \"email\": \"d@gilde.example\", \"skills\": [], \"hourlyRate\": \"1.00\", "
                        + "\"joinedOn\": \"2026-02-30\"}");
        Response notJson = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members", "{\"name\":");
        Response numericRate = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members",
                "{\"name\": \"D\", \"email\": \"d@gilde.example\", \"skills\": [], \"hourlyRate\": 12.5}");
        Response dayNumber = api.asAdmin(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members",
                "{\"name\": \"D\", \"email\": \"d@gilde.example\", \"skills\": [], \"hourlyRate\": \"1.00\", "
                        + "\"joinedOn\": 12}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.headers().getContentType()).hasToString("application/problem+json");
        assertThat(bad.body().get("errors").findValuesAsText("field")).containsExactly("email", "name", "skills[1]");
        assertThat(badRate.status()).isEqualTo(400);
        assertThat(badRate.body().at("/errors/0/field").asText()).isEqualTo("hourlyRate");
        assertThat(badDate.body().at("/errors/0/field").asText()).isEqualTo("joinedOn");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(numericRate.body().at("/errors/0/field").asText()).isEqualTo("hourlyRate");
        assertThat(dayNumber.body().at("/errors/0/field").asText()).isEqualTo("joinedOn");
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void aJoinRefusedByTheDomainLeavesNoProfileOrInvitationBehind() {
        join("Eva Smit", "eva@gilde.example", "90.00");
        Map<String, Long> before = storedRows();

        Response duplicate = join("Eva S.", "EVA@gilde.example", "95.00");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("detail")).contains("email");
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void theLastAdminCannotLeaveButAnAdminCanOnceAnotherIsAppointed() {
        String admin = memberIdOfAdminHere();
        String members = "/api/cooperatives/" + cooperative + "/members/";

        String leave = "{\"date\": \"" + TestClock.today() + "\"}"; // the founder joined today
        Response refused = api.asAdmin(HttpMethod.POST, members + admin + "/leave", leave);
        String anna = join("Anna", "anna2@gilde.example", "80.00").text("memberId");
        Response appointed = api.asAdmin(HttpMethod.POST, members + anna + "/roles", "{\"role\": \"ADMIN\"}");
        Response left = api.asAdmin(HttpMethod.POST, members + admin + "/leave", leave);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("detail")).contains("last admin");
        assertThat(appointed.body().get("roles").toString()).contains("ADMIN");
        assertThat(left.status()).isEqualTo(200);
        assertThat(left.text("leftOn")).isEqualTo(TestClock.today().toString());
    }

    @Test
    void everyEventRecordsWhoAndWhichRequestButNoPersonalData() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Correlation-Id", "journey-42");
        Response joined = api.exchange(HttpMethod.POST, "/api/cooperatives/" + cooperative + "/members",
                "{\"name\": \"Femke Bakker\", \"email\": \"femke@gilde.example\", \"skills\": [], \"hourlyRate\": \"75.00\"}",
                Api.ADMIN, Api.ADMIN_PASSWORD, headers);
        String adminAccount = api.asAdmin(HttpMethod.GET, "/api/me", null).text("accountId");

        List<Map<String, Object>> events = jdbc.sql("SELECT payload, meta_data FROM domain_event_entry "
                + "WHERE payload_type LIKE '%MemberJoined'").query().listOfRows();
        String stored = events.stream().map(row -> new String((byte[]) row.get("PAYLOAD")) + new String((byte[]) row.get("META_DATA")))
                .filter(text -> text.contains(joined.text("memberId")))
                .findFirst().orElseThrow();

        assertThat(joined.headers().getFirst("X-Correlation-Id")).isEqualTo("journey-42");
        assertThat(stored).contains("\"correlationId\":\"journey-42\"", "\"userId\":\"" + adminAccount + "\"")
                .doesNotContain("femke", "Femke", "Bakker");
    }

    @Test
    void aRefusalCarriesItsCodeAndSaysItInTheRequestsLanguage() {
        String members = "/api/cooperatives/" + cooperative + "/members/";
        String anna = join("Anna", "anna3@gilde.example", "80.00").text("memberId"); // joins on 2026-02-01
        String dayBefore = "{\"date\": \"2026-01-31\"}";
        String unknown = "0b6f2a8e-1f55-4a39-9d44-3c1a5e2f7d10";
        String admin = members + memberIdOfAdminHere() + "/leave";
        String today = "{\"date\": \"" + TestClock.today() + "\"}";

        Response english = leave(admin, today, "en");
        Response dutch = leave(admin, today, "nl");
        Response dutchWithDate = leave(members + anna + "/leave", dayBefore, "nl-NL,nl;q=0.9,en;q=0.5");
        Response dutchNotFound = leave(members + unknown + "/leave", dayBefore, "nl");

        assertThat(english.status()).isEqualTo(422);
        assertThat(english.text("code")).isEqualTo("member.lastAdminLeaves");
        assertThat(english.text("detail")).isEqualTo("The last admin cannot leave; appoint another admin first");
        assertThat(dutch.status()).isEqualTo(422);
        assertThat(dutch.text("code")).isEqualTo("member.lastAdminLeaves");
        assertThat(dutch.text("detail")).isEqualTo("De laatste beheerder kan niet uittreden. Benoem eerst een andere beheerder.");
        assertThat(dutchWithDate.status()).isEqualTo(422);
        assertThat(dutchWithDate.text("code")).isEqualTo("member.beforeJoining");
        assertThat(dutchWithDate.text("detail"))
                .isEqualTo("Een lid kan niet uittreden vóór de dag van toetreden (2026-02-01).");
        assertThat(dutchNotFound.status()).isEqualTo(404);
        assertThat(dutchNotFound.text("code")).isEqualTo("member.notFound");
        assertThat(dutchNotFound.text("detail")).isEqualTo("Er is geen lid " + unknown + " in deze coöperatie.");
    }

    private Response leave(String path, String body, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return api.exchange(HttpMethod.POST, path, body, Api.ADMIN, Api.ADMIN_PASSWORD, headers);
    }

    private String memberIdOfAdminHere() {
        for (var membership : api.asAdmin(HttpMethod.GET, "/api/me", null).body().get("memberships")) {
            if (membership.get("cooperativeId").asText().equals(cooperative)) {
                return membership.get("memberId").asText();
            }
        }
        throw new AssertionError("the admin is not a member of " + cooperative);
    }

    private Map<String, Long> storedRows() {
        return Map.of(
                "events", count("domain_event_entry"),
                "profiles", count("member_profiles"),
                "invitations", count("invitations"),
                "members", count("members"));
    }

}
