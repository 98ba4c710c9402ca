package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker (or a slip of the keyboard) sends: absurd dates, signed months, wildcard content
 * types, passwords longer than bcrypt reads. Each gets a 4xx problem that names the field, and no
 * event is stored; before, one recurring cost from -999999999-01-01 stopped the app from ever
 * starting again, and a close of "-2026-01" broke closing months for good.
 */
class HostileInputJourneyTest extends HttpJourney {

    private String path(String rest) {
        return "/api/cooperatives/" + cooperative + rest;
    }

    private String founder() {
        for (var membership : api.asAdmin(HttpMethod.GET, "/api/me", null).body().get("memberships")) {
            if (membership.get("cooperativeId").asText().equals(cooperative)) {
                return membership.get("memberId").asText();
            }
        }
        throw new AssertionError("the admin is a member of the cooperative they founded");
    }

    private static void assertRefused(Response refused, String field) {
        assertThat(refused.status()).as(refused.body().toString()).isBetween(400, 422);
        assertThat(refused.headers().getContentType().toString()).contains("problem+json");
        assertThat(refused.body().toString()).contains(field);
    }

    @Test
    void datesOutsideTheirWindowAreRefusedAndStoreNothing() {
        String member = founder();
        long events = count("domain_event_entry");
        String recurring = """
                {"description": "Rent", "amount": "100.00", "category": "workspace", "split": {"method": "EQUAL"},
                 "frequency": "%s", "firstDate": "%s", "endDate": "%s"}""";
        assertRefused(api.asAdmin(HttpMethod.POST, path("/recurring-costs"),
                recurring.formatted("MONTHLY", "-999999999-01-01", TestClock.today())), "firstDate");
        assertRefused(api.asAdmin(HttpMethod.POST, path("/recurring-costs"),
                recurring.formatted("YEARLY", "0000-01-01", TestClock.today())), "firstDate");
        assertRefused(api.asAdmin(HttpMethod.POST, path("/recurring-costs"),
                recurring.formatted("MONTHLY", TestClock.today(), TestClock.today().plusYears(10).plusDays(1))), "endDate");
        assertRefused(api.asAdmin(HttpMethod.POST, path("/settlements"), """
                {"memberId": "%s", "amount": "5.00", "date": "-0001-01-01", "direction": "PAID_TO_COOPERATIVE"}"""
                .formatted(member)), "date");
        assertRefused(api.asAdmin(HttpMethod.POST, path("/hours"), """
                {"memberId": "%s", "date": "+10000-01-01", "hours": 2, "kind": "COOPERATIVE", "description": "x"}"""
                .formatted(member)), "date");
        assertRefused(api.asAdmin(HttpMethod.POST, path("/hours"), """
                {"memberId": "%s", "date": "%s", "hours": 2, "kind": "COOPERATIVE", "description": "planned"}"""
                .formatted(member, TestClock.today().plusDays(1))), "date");
        assertRefused(api.asAdmin(HttpMethod.POST, path("/hours"), """
                {"memberId": "%s", "date": "2030-01-20", "hours": 2, "kind": "COOPERATIVE", "description": "planned"}"""
                .formatted(member)), "date");
        assertRefused(api.asAdmin(HttpMethod.POST, path("/costs"), """
                {"description": "Paper", "amount": "10.00", "date": "1999-12-31", "category": "office",
                 "split": {"method": "EQUAL"}}"""), "date");
        assertRefused(api.asAdmin(HttpMethod.POST, path("/members"), """
                {"name": "Old", "email": "old@gilde.example", "skills": [], "hourlyRate": "80.00", "joinedOn": "1900-01-01"}"""),
                "joinedOn");
        assertThat(count("domain_event_entry")).isEqualTo(events);
    }

    @Test
    void aCorrectionCannotMoveLoggedHoursToADayThatHasNotComeYet() {
        String member = founder();
        String logged = api.asAdmin(HttpMethod.POST, path("/hours"), """
                {"memberId": "%s", "date": "%s", "hours": 2, "kind": "COOPERATIVE", "description": "worked"}"""
                .formatted(member, TestClock.today())).text("entryId");
        long events = count("domain_event_entry");

        Response moved = api.asAdmin(HttpMethod.PUT, path("/hours/" + logged), """
                {"memberId": "%s", "date": "%s", "hours": 2, "kind": "COOPERATIVE", "description": "planned"}"""
                .formatted(member, TestClock.today().plusDays(1)));

        assertThat(moved.status()).isEqualTo(422);
        assertThat(count("domain_event_entry")).isEqualTo(events);
    }

    @Test
    void aMonthInThePathIsExactlyYearDashMonthAndClosingGoesOnWorking() {
        long events = count("domain_event_entry");
        for (String month : List.of("-2026-01", "+10000-01", "20261-01", "2026-1", "1999-12")) {
            Response refused = api.asAdmin(HttpMethod.POST, path("/periods/" + month + "/close"), null);
            assertRefused(refused, "period");
        }
        assertThat(count("domain_event_entry")).isEqualTo(events);

        String lastMonth = TestClock.thisMonth().minusMonths(1).toString();
        Response closed = api.asAdmin(HttpMethod.POST, path("/periods/" + lastMonth + "/close"), null);
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().toString()).contains(lastMonth);
    }

    @Test
    void aWildcardContentTypeIsUnsupportedNotAnError() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "application/*");
        Response refused = api.exchange(HttpMethod.POST, "/api/cooperatives", "{\"name\": \"X\"}", Api.ADMIN,
                Api.ADMIN_PASSWORD, headers);
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.headers().getContentType().toString()).contains("problem+json");
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedByNameAndNeverAnError() {
        Response joined = join("Lange Wachtwoord", "lang@gilde.example", "80.00");
        String tooLong = "ééééééééééééééééééééééééééééééééééééé"; // 37 characters, 74 bytes
        Response refused = api.post("/api/invitations/" + joined.text("invitationToken"),
                "{\"password\": \"" + tooLong + "\"}", null, null);
        assertRefused(refused, "password");

        Response signIn = api.get("/api/me", "lang@gilde.example", tooLong);
        assertThat(signIn.status()).isEqualTo(401);
    }

    @Test
    void aPasswordEasyToGuessIsRefusedAndAStrongOneAccepted() {
        String token = join("Zwak Wachtwoord", "zwak@gilde.example", "80.00").text("invitationToken");
        for (String weak : List.of("aaaaaaaaaaaa", "password1234", "qwertyuiopas")) {
            assertRefused(api.post("/api/invitations/" + token, "{\"password\": \"" + weak + "\"}", null, null),
                    "password");
        }
        assertThat(api.post("/api/invitations/" + token, "{\"password\": \"kettle orbit mango quietly\"}",
                null, null).status()).isEqualTo(201);
    }

    @Test
    void pagesAndAnswersTellTheBrowserWhatItMayDo() {
        ResponseEntity<String> login = http.getForEntity("/login", String.class);
        HttpHeaders headers = login.getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-eval")
                .contains("frame-ancestors 'none'");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(headers.getFirst("Permissions-Policy")).contains("camera=()");
        assertThat(headers.get(HttpHeaders.SET_COOKIE)).anySatisfy(cookie -> assertThat(cookie).contains("SameSite=Lax"));
        assertThat(headers.getFirst("Strict-Transport-Security")).as("HSTS over https only").isNull();

        HttpHeaders forwarded = new HttpHeaders();
        forwarded.set("X-Forwarded-Proto", "https");
        ResponseEntity<String> behindProxy = http.exchange("/login", HttpMethod.GET, new HttpEntity<>(forwarded), String.class);
        assertThat(behindProxy.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age");
        assertThat(behindProxy.getHeaders().get(HttpHeaders.SET_COOKIE)).anySatisfy(cookie -> assertThat(cookie).contains("Secure"));
        assertThat(api.asAdmin(HttpMethod.GET, "/api/me", null).headers().getFirst("Content-Security-Policy")).isNotNull();
    }

    @Test
    void textWithControlCharactersAndEnumsByNumberAreRefusedByField() {
        long events = count("domain_event_entry");
        Response nul = api.asAdmin(HttpMethod.POST, path("/members"), """
                {"name": "Anna\\u0000de Vries", "email": "nul@gilde.example", "skills": [], "hourlyRate": "80.00"}""");
        assertRefused(nul, "name");
        assertThat(nul.body().toString()).contains("control characters");
        Response escape = api.asAdmin(HttpMethod.POST, path("/costs"), """
                {"description": "Paper\\u001b[31m", "amount": "10.00", "date": "%s", "category": "office",
                 "split": {"method": "EQUAL"}}""".formatted(TestClock.today()));
        assertRefused(escape, "description");
        Response byNumber = api.asAdmin(HttpMethod.POST, path("/costs"), """
                {"description": "Paper", "amount": "10.00", "date": "%s", "category": "office",
                 "split": {"method": 0}}""".formatted(TestClock.today()));
        assertRefused(byNumber, "split.method");
        assertThat(count("domain_event_entry")).isEqualTo(events);

        Response text = api.asAdmin(HttpMethod.POST, path("/costs"), """
                {"description": "Papier & inkt – € 10, café", "amount": "10.00", "date": "%s", "category": "office",
                 "split": {"method": "EQUAL"}}""".formatted(TestClock.today()));
        assertThat(text.status()).as("text that is only text passes: " + text.body()).isEqualTo(201);
    }

    @Test
    void aRequestThatReachesNoEndpointIsAnsweredWithProblemDetails() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Response> answers = new LinkedHashMap<>();
        answers.put("404", api.exchange(HttpMethod.GET, "/api/no-such-thing", null, Api.ADMIN, Api.ADMIN_PASSWORD,
                new HttpHeaders()));
        answers.put("405", api.exchange(HttpMethod.DELETE, "/api/cooperatives", null, Api.ADMIN, Api.ADMIN_PASSWORD,
                new HttpHeaders()));
        answers.put("415", api.exchange(HttpMethod.POST, "/api/admin/imports", "{}", Api.ADMIN, Api.ADMIN_PASSWORD, json));
        answers.forEach((status, answer) -> {
            assertThat(answer.status()).as(status).isEqualTo(Integer.parseInt(status));
            assertThat(answer.headers().getContentType().toString()).as(status).contains("problem+json");
            assertThat(answer.body().path("status").asInt()).as(status).isEqualTo(Integer.parseInt(status));
            assertThat(answer.body().path("title").asText()).as(status).isNotBlank();
        });
    }

    @Test
    void theContainersOwnRefusalsAreProblemDetailsToo() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/api/%00", "/api/cooperatives/%2e%2e/x", "/error")) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                    .header(HttpHeaders.AUTHORIZATION, basic()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isBetween(400, 499);
            assertThat(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE)).as(path).hasValueSatisfying(
                    type -> assertThat(type).contains("application/problem+json"));
            assertThat(answer.body()).as(path).doesNotContain("<html").contains("\"status\":" + answer.statusCode());
        }
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGuessedEmailCannotBeMatchedAgainstTheEventsWithoutTheMembersKey() throws Exception {
        String email = "guessable@gilde.example";
        String member = join("Raad Mij", email, "80.00").text("memberId");
        String payload = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND payload_type LIKE '%MemberJoined' AND CAST(payload AS VARCHAR(100000)) LIKE ?")
                .params(cooperative, "%" + member + "%")
                .query((row, i) -> new String(row.getBytes("payload"), StandardCharsets.UTF_8)).single();
        String plainHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((cooperative + ":" + email).getBytes(StandardCharsets.UTF_8)));
        String key = jdbc.sql("SELECT fingerprint_key FROM member_fingerprint_keys WHERE member_id = ? AND cooperative_id = ?")
                .params(member, cooperative).query(String.class).single();

        assertThat(payload).contains("emailFingerprint").doesNotContain(plainHash).doesNotContain(email)
                .contains(coop.cooperative.core.membership.Fingerprint.keyed(Base64.getDecoder().decode(key),
                        coop.cooperative.core.shared.CooperativeId.of(cooperative), email));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE CAST(payload AS VARCHAR(100000)) LIKE ?")
                .param("%" + key + "%").query(Long.class).single()).isZero();
        assertThat(join("Raad Mij Weer", "Guessable@Gilde.EXAMPLE", "80.00").status()).isEqualTo(409);
    }
}
