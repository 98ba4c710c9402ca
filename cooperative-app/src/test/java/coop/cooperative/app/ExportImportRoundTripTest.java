package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.core.shared.CooperativeId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.serialization.Revision;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole cooperative exported from one installation and imported into another reads the same there:
 * the demo cooperative on H2 and on PostgreSQL is exported, imported into an empty installation (H2 →
 * H2, PostgreSQL → H2, H2 → PostgreSQL), everyone's invitation is accepted, and every read endpoint of
 * the OpenAPI description answers the admin the same on both sides. Also: a second import, a damaged
 * archive and the wrong people are refused, and leave the target as it was.
 *
 * <p>Each application runs once, in this JVM, one at a time: the sources' answers are kept, so the
 * source is stopped before a target starts. Not a journey (CI runs those twice): this runs once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportImportRoundTripTest {

    private static final String SANNE = "sanne.jansen@degilde.example";
    private static final String ANNA = "anna.de.vries@degilde.example";
    private static final String DEMO_PASSWORD = "gilde-demo-2026";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * Read endpoints not compared, because their answer is about the installation or the signed-in
     * login rather than the cooperative: {@code /api/me...} (the login, its tokens, settings and client
     * projects: a new login on the target), {@code /api/admin/...} (the installation's views, dead
     * letters and mail) and the export itself (its manifest says when and from how many events; its
     * events are compared line by line in {@link #theTargetExportsTheSameEvents}).
     */
    private static final List<String> PER_INSTALLATION_OR_LOGIN = List.of("/api/me", "/api/admin/", "/export");

    private EmbeddedPostgres postgres;
    private Source fromH2;
    private Source fromPostgres;
    private ConfigurableApplicationContext target;
    private String targetName;

    /** What a source answered, kept after it stops. */
    record Source(String cooperativeId, byte[] archive, Map<String, Answer> answers, int exportByMember,
                  int exportByNobody) {
    }

    record Answer(int status, String type, byte[] body) {
    }

    @BeforeAll
    void exportTheDemoFromH2AndFromPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE source");
            connection.createStatement().execute("CREATE DATABASE target");
        }
        fromH2 = source(h2("export-source"));
        fromPostgres = source(postgres("source"));
    }

    @AfterAll
    void stop() throws IOException {
        stopTarget();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void everyEventNamesItsCooperativeSoTheExportFindsItByItsPayload() {
        List<String> without = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().importPackages("coop.cooperative.core")) {
            if (type.isAnnotatedWith(Revision.class)) {
                Class<?> event = type.reflect();
                boolean names = event.isRecord() && java.util.Arrays.stream(event.getRecordComponents())
                        .anyMatch(c -> c.getName().equals("cooperativeId") && c.getType() == CooperativeId.class);
                if (!names) {
                    without.add(event.getName());
                }
            }
        }
        assertThat(without).as("events without a cooperativeId: the export would miss them").isEmpty();
    }

    @Test
    @Order(2)
    void onlyTheCooperativesAdminsExportIt() {
        assertThat(fromH2.exportByMember()).as("a member who is no admin").isEqualTo(403);
        assertThat(fromH2.exportByNobody()).as("the installation's administrator, no member").isEqualTo(403);
    }

    @Test
    @Order(3)
    void fromH2ToH2() throws Exception {
        ConfigurableApplicationContext app = target("h2");
        importAndCompare(app, fromH2, "first-import", false);
    }

    @Test
    @Order(4)
    void fromPostgresToH2ThroughTheAdministratorsPage() throws Exception {
        ConfigurableApplicationContext app = target("h2");
        importAndCompare(app, fromPostgres, "second-import", true);
    }

    @Test
    @Order(5)
    void importingTwiceIsRefusedAndChangesNothing() throws Exception {
        ConfigurableApplicationContext app = target("h2");
        long events = events(app);
        Answer again = post(app, "/api/admin/imports", fromH2.archive(), Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(again.status()).isEqualTo(409);
        assertThat(json(again).path("code").asText()).isEqualTo("import.cooperativeExists");
        assertThat(json(again).path("detail").asText()).contains(fromH2.cooperativeId());
        assertThat(events(app)).isEqualTo(events);
    }

    @Test
    @Order(6)
    void aCooperativesAdminWhoIsNotTheInstallationsAdministratorCannotImport() throws Exception {
        ConfigurableApplicationContext app = target("h2");
        Answer refused = post(app, "/api/admin/imports", fromH2.archive(), SANNE, password("first-import", SANNE));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(get(app, "/imports", SANNE, password("first-import", SANNE)).status()).as("the import page").isEqualTo(403);
    }

    @Test
    @Order(7)
    void aDamagedArchiveIsRefusedNamingThePartAndNothingIsImported() throws Exception {
        ConfigurableApplicationContext app = target("postgres");
        long before = events(app);
        Map<String, byte[]> parts = unzip(fromH2.archive());

        byte[] events = parts.get("events.jsonl");
        Map<String, byte[]> wrongHash = new LinkedHashMap<>(parts);
        wrongHash.put("events.jsonl", new String(events, StandardCharsets.UTF_8).replaceFirst("\"timestamp\":\"20",
                "\"timestamp\":\"21").getBytes(StandardCharsets.UTF_8));
        assertRefused(app, zip(wrongHash), "events.jsonl", "SHA-256");

        Map<String, byte[]> truncated = new LinkedHashMap<>(parts);
        byte[] half = java.util.Arrays.copyOf(events, events.length / 2);
        truncated.put("events.jsonl", half);
        truncated.put("manifest.json", manifestWith(parts.get("manifest.json"), "events.jsonl", half));
        assertRefused(app, zip(truncated), "events.jsonl", "truncated");

        Map<String, byte[]> unknown = new LinkedHashMap<>(parts);
        byte[] renamed = new String(events, StandardCharsets.UTF_8)
                .replaceFirst("coop\\.cooperative\\.core\\.membership\\.api\\.MemberJoined", "coop.cooperative.core.membership.api.MemberVanished")
                .getBytes(StandardCharsets.UTF_8);
        unknown.put("events.jsonl", renamed);
        unknown.put("manifest.json", manifestWith(parts.get("manifest.json"), "events.jsonl", renamed));
        assertRefused(app, zip(unknown), "events.jsonl", "MemberVanished");

        Map<String, byte[]> badManifest = new LinkedHashMap<>(parts);
        badManifest.put("manifest.json", new String(parts.get("manifest.json"), StandardCharsets.UTF_8)
                .replace("\"formatVersion\" : 1", "\"formatVersion\" : 99").getBytes(StandardCharsets.UTF_8));
        assertRefused(app, zip(badManifest), "manifest.json", "format version");

        String onThePage = importPage(app, zip(wrongHash));
        assertThat(onThePage).contains("The archive was not imported").contains("<code>events.jsonl</code>").contains("SHA-256")
                .doesNotContain("id=\"imported\"");

        byte[] archive = fromH2.archive();
        assertRefused(app, java.util.Arrays.copyOf(archive, archive.length - 100), "archive", "");
        assertRefused(app, "not a zip at all".getBytes(StandardCharsets.UTF_8), "archive", "");

        assertThat(events(app)).as("events in the target after the refusals").isEqualTo(before);
        assertThat(JdbcClient.create(app.getBean(javax.sql.DataSource.class))
                .sql("SELECT COUNT(*) FROM member_profiles").query(Long.class).single()).isZero();
    }

    @Test
    @Order(8)
    void fromH2ToPostgres() throws Exception {
        ConfigurableApplicationContext app = target("postgres");
        importAndCompare(app, fromH2, "postgres-import", false);
    }

    /** The target's archive of the imported cooperative holds the source's events, as stored, in order. */
    @Test
    @Order(9)
    void theTargetExportsTheSameEvents() throws Exception {
        ConfigurableApplicationContext app = target("postgres");
        Answer again = get(app, "/api/cooperatives/" + fromH2.cooperativeId() + "/export", SANNE, password("postgres-import", SANNE));
        assertThat(again.status()).isEqualTo(200);
        assertThat(eventsWithoutPlace(unzip(again.body()).get("events.jsonl")))
                .isEqualTo(eventsWithoutPlace(unzip(fromH2.archive()).get("events.jsonl")));
    }

    private void importAndCompare(ConfigurableApplicationContext app, Source source, String passwords, boolean throughThePage)
            throws Exception {
        long before = events(app);
        long started = System.nanoTime();
        JsonNode answer = throughThePage ? importThroughThePage(app, source.archive()) : importThroughTheApi(app, source.archive());
        System.out.printf("imported %d events in %d ms%n", answer.path("events").asLong(), (System.nanoTime() - started) / 1_000_000);
        assertThat(answer.path("cooperativeId").asText()).isEqualTo(source.cooperativeId());
        long exported = JSON.readTree(unzip(source.archive()).get("manifest.json")).at("/counts/events.jsonl").asLong();
        assertThat(answer.path("events").asLong()).isEqualTo(exported);
        assertThat(events(app) - before).isEqualTo(exported);
        assertThat(answer.path("invitations").findValuesAsText("email")).contains(SANNE, ANNA);
        for (JsonNode invitation : answer.path("invitations")) {
            String body = "{\"password\": \"" + password(passwords, invitation.path("email").asText()) + "\"}";
            Answer accepted = post(app, "/api/invitations/" + invitation.path("token").asText(), "application/json",
                    body.getBytes(StandardCharsets.UTF_8), null, null);
            assertThat(accepted.status()).as("accepting %s", invitation).isEqualTo(201);
        }

        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Answer> expected : source.answers().entrySet()) {
            Answer actual = get(app, expected.getKey(), SANNE, password(passwords, SANNE));
            String difference = difference(expected.getValue(), actual);
            if (difference != null) {
                differences.add(expected.getKey() + ": " + difference);
            }
        }
        System.out.printf("compared %d answers of cooperative %s%n", source.answers().size(), source.cooperativeId());
        assertThat(differences).as("answers that differ between the source and the target").isEmpty();
    }

    // --- the sources

    private Source source(List<String> settings) throws Exception {
        List<String> demo = new ArrayList<>(settings);
        demo.add("--spring.profiles.active=" + (settings.stream().anyMatch(s -> s.contains("postgresql")) ? "postgres,demo" : "demo"));
        try (ConfigurableApplicationContext app = start(demo)) {
            // what the demo's events set off (the policies, the views) is done before it is exported and read
            // (the start-up's own runs, such as the risk pool's payouts, may still be storing events: until none come)
            long[] stored = {-1};
            Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
                long before = stored[0];
                app.getBean(ProjectionCatchUp.class).await();
                stored[0] = events(app);
                return stored[0] == before;
            });
            JsonNode mine = json(get(app, "/api/cooperatives", SANNE, DEMO_PASSWORD));
            String cid = mine.get(0).path("cooperativeId").asText();
            Answer archive = get(app, "/api/cooperatives/" + cid + "/export", SANNE, DEMO_PASSWORD);
            assertThat(archive.status()).isEqualTo(200);
            assertThat(archive.type()).startsWith("application/zip");
            int byMember = get(app, "/api/cooperatives/" + cid + "/export", ANNA, DEMO_PASSWORD).status();
            int byNobody = get(app, "/api/cooperatives/" + cid + "/export", Api.ADMIN, Api.ADMIN_PASSWORD).status();
            return new Source(cid, archive.body(), answers(app, cid), byMember, byNobody);
        }
    }

    /**
     * Every GET of the OpenAPI description under the cooperative, with its path's ids filled from what
     * the cooperative's own answers name (every member, project, claim; a few costs, invoices and
     * hours entries), so a new endpoint is compared without changing this test.
     */
    private Map<String, Answer> answers(ConfigurableApplicationContext app, String cid) throws Exception {
        JsonNode paths = json(get(app, "/v3/api-docs", Api.ADMIN, Api.ADMIN_PASSWORD)).get("paths");
        List<String> templates = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getValue().has("get") && path.getKey().startsWith("/api/")
                    && PER_INSTALLATION_OR_LOGIN.stream().noneMatch(path.getKey()::contains)) {
                templates.add(path.getKey());
            }
        }
        Map<String, Set<String>> ids = new TreeMap<>();
        ids.put("cooperativeId", Set.of(cid));
        Map<String, Answer> answers = new LinkedHashMap<>();
        // twice: ids named by the answers of the first round (hours entries in a member's hours) fill the second
        for (int round = 0; round < 2; round++) {
            for (String template : templates) {
                for (String path : fill(template, ids)) {
                    if (answers.containsKey(path)) {
                        continue;
                    }
                    Answer answer = get(app, path, SANNE, DEMO_PASSWORD);
                    answers.put(path, answer);
                    if (answer.type() != null && answer.type().contains("json") && answer.status() == 200) {
                        harvest(json(answer), ids);
                    }
                }
            }
        }
        assertThat(templates).as("read endpoints of the cooperative").hasSizeGreaterThan(30);
        assertThat(answers.values().stream().filter(a -> a.status() == 200).count()).isGreaterThan(60);
        return answers;
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final int PER_KIND = 4;

    private static List<String> fill(String template, Map<String, Set<String>> ids) {
        List<String> paths = new ArrayList<>(List.of(template));
        Matcher parameter = PARAMETER.matcher(template);
        while (parameter.find()) {
            Set<String> values = ids.get(parameter.group(1));
            if (values == null) {
                return List.of();
            }
            List<String> filled = new ArrayList<>();
            for (String path : paths) {
                values.forEach(value -> filled.add(path.replace("{" + parameter.group(1) + "}", value)));
            }
            paths = filled;
        }
        return paths;
    }

    /** Remembers the ids an answer names: every member and project, and the first few of the others. */
    private static void harvest(JsonNode body, Map<String, Set<String>> ids) {
        for (String field : List.of("memberId", "projectId", "claimId", "costId", "invoiceId", "entryId")) {
            Set<String> known = ids.computeIfAbsent(field, f -> new LinkedHashSet<>());
            boolean all = field.equals("memberId") || field.equals("projectId") || field.equals("claimId");
            for (String value : body.findValuesAsText(field)) {
                if (value.matches("[0-9a-f-]{36}") && (all || known.size() < PER_KIND)) {
                    known.add(value);
                }
            }
        }
    }

    // --- comparing

    private static String difference(Answer expected, Answer actual) throws IOException {
        if (expected.status() != actual.status()) {
            return "status " + expected.status() + " at the source, " + actual.status() + " at the target";
        }
        String type = expected.type() == null ? "" : expected.type();
        if (type.contains("json")) {
            JsonNode source = JSON.readTree(expected.body());
            JsonNode target = JSON.readTree(actual.body());
            return source.equals(target) ? null : "JSON differs:\n  source " + shorten(source) + "\n  target " + shorten(target);
        }
        if (type.contains("zip")) {
            // a zip made at another moment: its entries' times differ, their contents must not
            Map<String, byte[]> source = unzip(expected.body());
            Map<String, byte[]> target = unzip(actual.body());
            if (!source.keySet().equals(target.keySet())) {
                return "zip entries " + source.keySet() + " against " + target.keySet();
            }
            for (String entry : source.keySet()) {
                if (!java.util.Arrays.equals(source.get(entry), target.get(entry))) {
                    return "zip entry " + entry + " differs";
                }
            }
            return null;
        }
        if (type.contains("pdf")) {
            // a PDF carries its making's moment and a random document id: compare its text instead
            return pdfText(expected.body()).equals(pdfText(actual.body())) ? null : "the PDF's text differs";
        }
        if (!java.util.Arrays.equals(expected.body(), actual.body()) && type.contains("csv")) {
            List<String> source = new String(expected.body(), StandardCharsets.UTF_8).lines().toList();
            List<String> target = new String(actual.body(), StandardCharsets.UTF_8).lines().toList();
            List<String> onlySource = source.stream().filter(l -> !target.contains(l)).limit(10).toList();
            List<String> onlyTarget = target.stream().filter(l -> !source.contains(l)).limit(10).toList();
            return "CSV lines only at the source " + onlySource + ", only at the target " + onlyTarget;
        }
        return java.util.Arrays.equals(expected.body(), actual.body()) ? null
                : type + " differs byte for byte:\n  source " + shorten(new String(expected.body(), StandardCharsets.UTF_8))
                + "\n  target " + shorten(new String(actual.body(), StandardCharsets.UTF_8));
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    private static String shorten(Object text) {
        String s = String.valueOf(text);
        return s.length() > 1500 ? s.substring(0, 1500) + "…" : s;
    }

    private static List<JsonNode> eventsWithoutPlace(byte[] jsonl) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : new String(jsonl, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                ObjectNode event = (ObjectNode) JSON.readTree(line);
                event.remove("globalIndex");
                events.add(event);
            }
        }
        return events;
    }

    // --- the targets

    private ConfigurableApplicationContext target(String database) {
        if (!database.equals(targetName)) {
            stopTarget();
            target = start(database.equals("h2") ? h2("export-target") : postgres("target"));
            targetName = database;
        }
        return target;
    }

    private void stopTarget() {
        if (target != null) {
            target.close();
            target = null;
            targetName = null;
        }
    }

    private static long events(ConfigurableApplicationContext app) {
        return JdbcClient.create(app.getBean(javax.sql.DataSource.class))
                .sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }

    private static JsonNode importThroughTheApi(ConfigurableApplicationContext app, byte[] archive) throws IOException {
        Answer imported = post(app, "/api/admin/imports", archive, Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(imported.status()).as(new String(imported.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        return json(imported);
    }

    /** What the administrator's page shows after the import, in the API's answer's shape. */
    private static JsonNode importThroughThePage(ConfigurableApplicationContext app, byte[] archive) throws IOException {
        String page = importPage(app, archive);
        ObjectNode answer = JSON.createObjectNode();
        Matcher cooperative = Pattern.compile("href=\"/cooperatives/([0-9a-f-]{36})\"").matcher(page);
        assertThat(cooperative.find()).as(page).isTrue();
        answer.put("cooperativeId", cooperative.group(1));
        Matcher events = Pattern.compile("([0-9,]+) events").matcher(page);
        assertThat(events.find()).as(page).isTrue();
        answer.put("events", Long.parseLong(events.group(1).replace(",", "")));
        Matcher invitation = Pattern.compile("<td>([^<]+)</td>\\s*<td>\\s*<a href=\"/invitations/([^\"]+)\"").matcher(page);
        var invitations = answer.putArray("invitations");
        while (invitation.find()) {
            invitations.addObject().put("email", invitation.group(1)).put("token", invitation.group(2));
        }
        return answer;
    }

    /** The import page's form as a browser sends it: the page's session and CSRF token, the archive as a file. */
    private static String importPage(ConfigurableApplicationContext app, byte[] archive) throws IOException {
        String basic = "Basic " + Base64.getEncoder().encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(uri(app, "/imports")).header("Authorization", basic)
                    .header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).isEqualTo(200);
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
            String cookies = String.join("; ", form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList());
            String boundary = "archive-" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf.group(1) + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"archive\"; filename=\"cooperative.zip\"\r\n"
                    + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(archive);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(uri(app, "/imports")).header("Authorization", basic)
                    .header("Accept-Language", "en").header("Cookie", cookies)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            return sent.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String password(String round, String email) {
        return round + "-" + email.substring(0, email.indexOf('@')) + "-long-passphrase";
    }

    private void assertRefused(ConfigurableApplicationContext app, byte[] archive, String part, String words) throws IOException {
        Answer refused = post(app, "/api/admin/imports", archive, Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(refused.status()).as(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo(400);
        JsonNode error = json(refused).path("errors").path(0);
        assertThat(error.path("field").asText()).isEqualTo(part);
        assertThat(error.path("message").asText()).contains(words);
    }

    private static byte[] manifestWith(byte[] manifest, String part, byte[] content) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(manifest);
        MessageDigestHex hex = new MessageDigestHex();
        ((ObjectNode) node.get("sha256")).put(part, hex.sha256(content));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    }

    private static final class MessageDigestHex {
        String sha256(byte[] bytes) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // --- applications and HTTP

    private static List<String> h2(String name) {
        return List.of("--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    private List<String> postgres(String database) {
        return List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database).replace("jdbc:postgresql", "jdbc:postgresql"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    }

    private static ConfigurableApplicationContext start(List<String> settings) {
        List<String> all = new ArrayList<>(settings);
        all.addAll(List.of("--server.port=0", "--cooperative.admin.password=" + Api.ADMIN_PASSWORD,
                "--cooperative.read-your-writes.timeout=PT30S", "--cooperative.sign-in.failures-per-address=100000"));
        // a later --spring.profiles.active wins: keep only the last
        String profiles = all.stream().filter(s -> s.startsWith("--spring.profiles.active=")).reduce((a, b) -> b).orElse(null);
        all.removeIf(s -> s.startsWith("--spring.profiles.active="));
        if (profiles != null) {
            all.add(profiles);
        }
        return new SpringApplicationBuilder(CooperativeApplication.class, TestClock.class).run(all.toArray(String[]::new));
    }

    private static Answer get(ConfigurableApplicationContext app, String path, String user, String password) throws IOException {
        return send(app, HttpRequest.newBuilder(uri(app, path)).GET(), user, password);
    }

    private static Answer post(ConfigurableApplicationContext app, String path, byte[] zip, String user, String password)
            throws IOException {
        return post(app, path, "application/zip", zip, user, password);
    }

    private static Answer post(ConfigurableApplicationContext app, String path, String type, byte[] body, String user,
                               String password) throws IOException {
        return send(app, HttpRequest.newBuilder(uri(app, path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), user, password);
    }

    private static Answer send(ConfigurableApplicationContext app, HttpRequest.Builder request, String user, String password)
            throws IOException {
        request.header("Accept-Language", "en");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static URI uri(ConfigurableApplicationContext app, String path) {
        int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }

    private static JsonNode json(Answer answer) throws IOException {
        return JSON.readTree(answer.body());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
