package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import coop.cooperative.app.Api.Response;
import coop.cooperative.core.membership.Fingerprint;
import coop.cooperative.core.shared.CooperativeId;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The erasure journey, on whichever database the caller's app runs ({@link ErasureJourneyTest} on H2,
 * {@link ErasureOnPostgresJourneyTest} on PostgreSQL): a member with postings, a login, a token, a
 * setting and a claim leaves, is refused erasure until every condition holds, is erased, and then the
 * whole database ({@code dump}: every table as text, binary columns decoded) holds neither their name,
 * their email, their claim's reason nor a fingerprint anyone could recompute, while the books still
 * balance to the cent and name them "former member N".
 */
final class ErasureScenario {

    private static final String PASSWORD = "erasure-journey-passphrase-9";

    private final Api api;
    private final TestRestTemplate http;
    private final JdbcClient jdbc;
    private final String cooperative;
    private final Supplier<String> dump;

    ErasureScenario(Api api, TestRestTemplate http, JdbcClient jdbc, String cooperative, Supplier<String> dump) {
        this.api = api;
        this.http = http;
        this.jdbc = jdbc;
        this.cooperative = cooperative;
        this.dump = dump;
    }

    private String base() {
        return "/api/cooperatives/" + cooperative;
    }

    private Response asAdmin(HttpMethod method, String path, String body) {
        return api.asAdmin(method, base() + path, body);
    }

    private String join(String name, String email) {
        Response joined = asAdmin(HttpMethod.POST, "/members", """
                {"name": "%s", "email": "%s", "skills": ["ux"], "hourlyRate": "80.00", "joinedOn": "2026-02-01"}
                """.formatted(name, email));
        assertThat(joined.status()).as(joined.body().toString()).isEqualTo(201);
        Response accepted = api.post("/api/invitations/" + joined.text("invitationToken"),
                "{\"password\": \"" + PASSWORD + "\"}", null, null);
        assertThat(accepted.status()).isEqualTo(201);
        return joined.text("memberId");
    }

    private Response erase(String member) {
        return asAdmin(HttpMethod.POST, "/members/" + member + "/erase", null);
    }

    void run() throws Exception {
        String name = "Femke Wisselinck";
        String email = "femke.wisselinck@erasure.example";
        String reason = "Hernia na de verhuizing van Femke";
        String femke = join(name, email);
        String bram = join("Bram Blijft", "bram.blijft." + cooperative.substring(0, 8) + "@erasure.example");
        String today = TestClock.today().toString();

        // a login with a token and a setting of its own
        Response token = api.post("/api/me/tokens", "{\"name\": \"script of Femke\"}", email, PASSWORD);
        assertThat(token.status()).isEqualTo(201);
        assertThat(api.exchange(HttpMethod.PUT, "/api/me/settings", "{\"notifications\": {\"costWaiting\": false}}",
                email, PASSWORD, new HttpHeaders()).status()).isEqualTo(200);

        // postings: Femke paid a cost the three share, approved by the admin
        Response cost = api.post(base() + "/costs", """
                {"description": "Insurance paid by Femke", "amount": "90.00", "date": "%s", "category": "insurance",
                 "paidBy": "%s", "split": {"method": "EQUAL"}}""".formatted(today, femke), email, PASSWORD);
        assertThat(cost.status()).isEqualTo(201);
        assertThat(asAdmin(HttpMethod.POST, "/costs/" + cost.text("costId") + "/approve", null).status()).isEqualTo(200);

        // a claim on the risk pool, with its reason
        assertThat(asAdmin(HttpMethod.POST, "/risk-pool/enrolments", """
                {"memberId": "%s", "monthlyContribution": "45.00", "enrolledOn": "%s"}"""
                .formatted(femke, TestClock.today().minusMonths(4))).status()).isEqualTo(201);
        Response claim = asAdmin(HttpMethod.POST, "/risk-pool/claims", """
                {"memberId": "%s", "startDate": "%s", "reason": "%s"}""".formatted(femke, today, reason));
        assertThat(claim.status()).as(claim.body().toString()).isEqualTo(201);

        Response staying = erase(femke);
        assertThat(asAdmin(HttpMethod.POST, "/members/" + femke + "/leave", "{\"date\": \"" + today + "\"}").status())
                .isEqualTo(200);
        // Leaving the cooperative leaves the pool, which closes the open claim (a policy, after the answer);
        // an erasure asked before that is refused with member.eraseOpenClaim (CooperativeTest), so wait for it.
        awaitClaimClosed(claim.text("claimId"));
        Response owed = erase(femke);
        String balance = memberBalances().get(femke);
        assertThat(balance).isEqualTo("60.00");
        assertThat(asAdmin(HttpMethod.POST, "/settlements", """
                {"memberId": "%s", "amount": "60.00", "date": "%s", "direction": "RECEIVED_FROM_COOPERATIVE"}"""
                .formatted(femke, today)).status()).isEqualTo(201);
        Response notAdmin = api.post(base() + "/members/" + femke + "/erase", null, "bram.blijft."
                + cooperative.substring(0, 8) + "@erasure.example", PASSWORD);
        Response unknown = erase(java.util.UUID.randomUUID().toString());
        Response malformed = erase("not-a-member-id");

        assertThat(staying.status()).isEqualTo(422);
        assertThat(staying.text("code")).isEqualTo("member.eraseStaying");
        assertThat(owed.status()).isEqualTo(422);
        assertThat(owed.text("code")).isEqualTo("member.eraseBalance");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(malformed.status()).isBetween(400, 499);

        // a member who joined before members had keys: their event carries the installation key's fingerprint
        String gerrit = join("Gerrit Oudgediende", "gerrit.oud." + cooperative.substring(0, 8) + "@erasure.example");
        String legacyFingerprint = joinedBeforeMemberKeys(gerrit, "gerrit.oud." + cooperative.substring(0, 8) + "@erasure.example");
        assertThat(asAdmin(HttpMethod.POST, "/members/" + gerrit + "/leave", "{\"date\": \"" + today + "\"}").status())
                .isEqualTo(200);

        // what was there before
        byte[] key = Base64.getDecoder().decode(jdbc.sql("SELECT fingerprint_key FROM member_fingerprint_keys WHERE member_id = ?")
                .param(femke).query(String.class).single());
        String fingerprint = Fingerprint.keyed(key, CooperativeId.of(cooperative), email);
        String joinedBefore = memberJoinedPayload(femke);
        assertThat(joinedBefore).contains(fingerprint);
        Map<String, String> balancesBefore = memberBalances();
        String journalBefore = journal();
        assertThat(journalBefore).contains(name);

        Response erased = erase(femke);
        Response again = erase(femke);
        // Gerrit through the admin page's button, as an admin erases
        ResponseEntity<String> legacyErased = PageForms.post(http, "/cooperatives/" + cooperative + "/admin",
                "/cooperatives/" + cooperative + "/admin/members/" + gerrit + "/erase", "", Api.ADMIN, Api.ADMIN_PASSWORD, "en");

        assertThat(erased.status()).as(erased.body().toString()).isEqualTo(200);
        assertThat(erased.text("memberId")).isEqualTo(femke);
        assertThat(erased.text("erasedAs")).isEqualTo("former member 2");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("member.alreadyErased");
        assertThat(legacyErased.getStatusCode().value()).isEqualTo(200);
        assertThat(legacyErased.getBody()).contains("The personal data is erased; the member is now former member 4.");

        // nothing left in the database links the member to the person
        String everything = dump.get().toLowerCase(Locale.ROOT);
        assertThat(everything).doesNotContain(name.toLowerCase(Locale.ROOT)).doesNotContain("wisselinck")
                .doesNotContain(email).doesNotContain(reason.toLowerCase(Locale.ROOT)).doesNotContain("script of femke")
                .doesNotContain("gerrit").doesNotContain(legacyFingerprint);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member_fingerprint_keys WHERE member_id IN (?, ?)").params(femke, gerrit)
                .query(Long.class).single()).isZero();
        // her fingerprint is gone from her MemberJoined, and with her key gone no key left in the database
        // (another member's, the installation's, none) makes it from her address again
        assertThat(everything).doesNotContain(fingerprint);
        // and only the fingerprint changed in it: every other value reads as it was written
        assertThat(memberJoinedPayload(femke)).isEqualTo(joinedBefore.replace(fingerprint, Fingerprint.ERASED));
        List<String> keys = jdbc.sql("SELECT fingerprint_key FROM member_fingerprint_keys").query(String.class).list();
        for (String other : keys) {
            assertThat(Fingerprint.keyed(Base64.getDecoder().decode(other), CooperativeId.of(cooperative), email))
                    .isNotEqualTo(fingerprint);
        }
        for (String secret : jdbc.sql("SELECT secret FROM installation_secrets").query(String.class).list()) {
            assertThat(Fingerprint.matches(fingerprint, null, Base64.getDecoder().decode(secret),
                    CooperativeId.of(cooperative), email)).isFalse();
        }
        assertThat(memberJoinedPayload(gerrit)).contains("\"emailFingerprint\":\"" + Fingerprint.ERASED + "\"");

        // no way in any more
        assertThat(api.get(base() + "/members", email, PASSWORD).status()).isEqualTo(401);
        assertThat(api.withToken(HttpMethod.GET, "/api/me", null, token.text("token")).status()).isEqualTo(401);

        // the books keep every amount, balance, and name "former member 2"
        assertThat(memberBalances()).isEqualTo(balancesBefore);
        String journalAfter = journal();
        assertThat(journalAfter).doesNotContain(name).contains("former member 2")
                .contains("liabilities:members:" + femke);
        assertThat(amounts(journalAfter)).isEqualTo(amounts(journalBefore));
        Path file = Files.createTempFile("erased", ".journal");
        Files.writeString(file, journalAfter);
        try {
            StrictBooks.check(file);
        } finally {
            Files.deleteIfExists(file);
        }

        // the API, the pages and the trail say "former member 2" ("oud-lid 2")
        JsonNode member = asAdmin(HttpMethod.GET, "/members/" + femke, null).body();
        assertThat(member.get("name").asText()).isEqualTo("former member 2");
        assertThat(member.get("email").isNull()).isTrue();
        assertThat(member.get("erased").asBoolean()).isTrue();
        assertThat(page("/cooperatives/" + cooperative + "/admin", "en")).contains("former member 2").doesNotContain(name);
        assertThat(page("/cooperatives/" + cooperative + "/admin", "nl")).contains("oud-lid 2");
        assertThat(page("/cooperatives/" + cooperative + "/books/journal", "nl")).contains("oud-lid 2").doesNotContain(name);
        assertThat(page("/cooperatives/" + cooperative + "/risk-pool", "en")).doesNotContain(name);
        Response trail = asAdmin(HttpMethod.GET, "/audit?memberId=" + femke, null);
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body().toString()).contains("former member 2").doesNotContain(name);
    }

    /**
     * What a node from before member keys would have written for this member: the fingerprint under the
     * installation's key, and no key of the member's own.
     */
    private String joinedBeforeMemberKeys(String member, String email) {
        if (jdbc.sql("SELECT COUNT(*) FROM installation_secrets WHERE name = 'email-fingerprint-key'").query(Long.class)
                .single() == 0) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            jdbc.sql("INSERT INTO installation_secrets (name, secret) VALUES ('email-fingerprint-key', ?)")
                    .param(Base64.getEncoder().encodeToString(secret)).update();
        }
        byte[] installationKey = Base64.getDecoder().decode(jdbc.sql(
                "SELECT secret FROM installation_secrets WHERE name = 'email-fingerprint-key'").query(String.class).single());
        String legacy = Fingerprint.keyed(installationKey, CooperativeId.of(cooperative), email);
        jdbc.sql("DELETE FROM member_fingerprint_keys WHERE member_id = ?").param(member).update();
        long index = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%.MemberJoined'")
                .param(cooperative).query((rs, i) -> Map.entry(rs.getLong(1), new String(payloadOf(rs.getLong(1)), StandardCharsets.UTF_8)))
                .list().stream().filter(e -> e.getValue().contains(member)).findFirst().orElseThrow().getKey();
        String payload = new String(payloadOf(index), StandardCharsets.UTF_8)
                .replaceAll("\"emailFingerprint\":\"[0-9a-f]+\"", "\"emailFingerprint\":\"" + legacy + "\"");
        jdbc.sql("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?")
                .params(payload.getBytes(StandardCharsets.UTF_8), index).update();
        return legacy;
    }

    private byte[] payloadOf(long index) {
        return jdbc.sql("SELECT payload FROM domain_event_entry WHERE global_index = ?").param(index)
                .query((rs, i) -> rs.getBytes(1)).single();
    }

    private String memberJoinedPayload(String member) {
        return jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%.MemberJoined'")
                .param(cooperative).query((rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).list().stream()
                .filter(p -> p.contains(member)).findFirst().orElseThrow();
    }

    private Map<String, String> memberBalances() {
        Map<String, String> balances = new HashMap<>();
        for (JsonNode line : asAdmin(HttpMethod.GET, "/balances", null).body().get("members")) {
            balances.put(line.get("memberId").asText(), line.get("balance").asText());
        }
        return balances;
    }

    private String journal() {
        return http.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD).getForEntity(base() + "/ledger.journal", String.class).getBody();
    }

    private void awaitClaimClosed(String claimId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if ("CLOSED".equals(asAdmin(HttpMethod.GET, "/risk-pool/claims/" + claimId, null).text("status"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the claim of a member who left was not closed within 30 s");
    }

    /** Every amount in the journal, in order: the postings, not the names. */
    private static List<String> amounts(String journal) {
        Matcher matcher = Pattern.compile("(-?[0-9]+\\.[0-9]{2}) EUR").matcher(journal);
        List<String> amounts = new java.util.ArrayList<>();
        while (matcher.find()) {
            amounts.add(matcher.group(1));
        }
        return amounts;
    }

    private String page(String path, String language) {
        ResponseEntity<String> page = PageForms.page(http, path, Api.ADMIN, Api.ADMIN_PASSWORD, language);
        assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
        return page.getBody();
    }


    /** Binary values as text too (payloads are JSON in VARBINARY or BYTEA), so nothing hides in hex. */
    static String decodeHex(String hex) {
        try {
            return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
