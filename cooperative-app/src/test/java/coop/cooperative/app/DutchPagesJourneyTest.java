package coop.cooperative.app;

import coop.cooperative.app.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, filled with what makes English slip through (a settlement both ways, a reversal, costs
 * of two categories, a chart, a refusal of the timesheet), read in Dutch by an admin, a member, a
 * client and someone not signed in: no text a reader meets (the text, titles, labels, the chart's
 * legend) holds a word from {@link #ENGLISH}, words that have no place in a Dutch page.
 */
class DutchPagesJourneyTest extends HttpJourney {

    /**
     * English that has slipped into Dutch pages before, or would if a translation were missing:
     * the ledger's own lines, account names, category keys, the rules' text, the shared labels.
     * Only words that are not also Dutch; matched as whole words, case and all.
     */
    static final List<String> ENGLISH = List.of("Settlement", "Reversal", "received from", "paid to the cooperative",
            "expenses:", "assets:", "income:", "liabilities:", "insurance", "Insurance", "workspace", "Workspace",
            "Approve", "Reject", "Members", "Found a cooperative", "found a cooperative", "All projects", "Refused",
            "Four eyes", "already", "cannot", "at most", "Sign out", "Balance", "Category", "Description",
            "Amount", "Hours", "Settings", "Projects", "Something is not right");

    private static final Pattern FORBIDDEN = Pattern.compile(ENGLISH.stream()
            .map(word -> "(?<![\\p{L}])" + Pattern.quote(word)
                    + (Character.isLetter(word.charAt(word.length() - 1)) ? "(?![\\p{L}])" : ""))
            .reduce((a, b) -> a + "|" + b).orElseThrow());
    private static final String DUTCH = "nl-NL,nl";
    /** The attributes whose text a reader meets: read aloud, shown on hover, or drawn (the chart's legend). */
    private static final Pattern READ_ATTRIBUTES = Pattern.compile(
            "\\s(?:aria-label|title|placeholder|alt|label|data-chart)=\"([^\"]*)\"");
    private static final String PASSWORD = "a-long-dutch-pages-password";

    private final LocalDate today = TestClock.today();

    @Test
    void everyPageIsWhollyDutchForEveryoneWhoReadsIt() {
        String email = "anna.nl-" + UUID.randomUUID() + "@gilde.example";
        String anna = joinWithLogin("Anna Nederlands", email, PASSWORD);
        approve(shareInsurance(anna, email, PASSWORD, "Aansprakelijkheidsverzekering", "100.00"));
        String reversed = shareInsurance(anna, email, PASSWORD, "Dubbele polis", "40.00");
        approve(reversed);
        assertThat(api.asAdmin(HttpMethod.POST, apiPath("/costs/" + reversed + "/reverse"),
                "{\"reason\": \"dubbel geboekt\"}").status()).isEqualTo(200);
        shareInsurance(anna, email, PASSWORD, "Printerpapier", "12.50");
        settle(anna, "PAID_TO_COOPERATIVE");
        settle(anna, "RECEIVED_FROM_COOPERATIVE");
        enrolInTheRiskPool(anna, email);
        String project = projectWith(anna);
        String client = clientOf(project);
        String invitation = join("Bram Uitgenodigd", "bram.nl-" + UUID.randomUUID() + "@gilde.example", "80.00")
                .text("invitationToken");

        List<String> found = new ArrayList<>();
        for (String path : List.of("/login", "/password-resets", "/password-resets/" + UUID.randomUUID(),
                "/invitations/" + invitation)) {
            found.addAll(english(path, null, null));
        }
        for (String path : List.of("/", "/tokens", "/settings", in(""), in("/books"), in("/books/journal"),
                in("/books/balances"), in("/books/chart"), in("/risk-pool"), in("/projects"),
                in("/projects/" + project), in("/admin"), in("/admin/projects/" + project), in("/invoices"),
                in("/invoicing-details"), in("/projects/" + project + "/billing"), in("/projects/" + project + "/quote"))) {
            found.addAll(english(path, Api.ADMIN, Api.ADMIN_PASSWORD));
        }
        for (String path : List.of("/", in(""), in("/me"), in("/invoices"))) {
            found.addAll(english(path, email, PASSWORD));
        }
        for (String path : List.of("/", in("/projects"), in("/projects/" + project), in("/invoices?project=" + project))) {
            found.addAll(english(path, client, PASSWORD));
        }
        assertThat(page("/", client, PASSWORD).getBody()).as("a client founds no cooperative")
                .doesNotContain("action=\"/cooperatives\"");
        assertThat(page(in("/projects/" + project), client, PASSWORD).getBody())
                .as("a client's project links to their own projects, not to all of the cooperative's")
                .doesNotContain("href=\"" + in("/projects") + "\"");
        found.addAll(aRefusedTimesheet(email));

        assertThat(found).as("English words on Dutch pages").isEmpty();
    }

    @Test
    void theFaviconIsServedWithoutSignInAndLinkedFromEveryPage() {
        for (String icon : List.of("/favicon.ico", "/favicon.svg")) {
            ResponseEntity<byte[]> served = http.exchange(icon, HttpMethod.GET, new HttpEntity<>(new HttpHeaders()),
                    byte[].class);
            assertThat(served.getStatusCode().value()).as(icon).isEqualTo(200);
            assertThat(served.getHeaders().getContentType()).as(icon).isNotNull();
            assertThat(served.getHeaders().getContentType().getType()).as(icon).isEqualTo("image");
        }
        assertThat(page("/login", null, null).getBody()).contains("rel=\"icon\" href=\"/favicon.svg\"",
                "rel=\"icon\" href=\"/favicon.ico\"");
    }

    /** Two times 20 hours on one day: the second is refused by the timesheet's rule, and the page says why in Dutch. */
    private List<String> aRefusedTimesheet(String email) {
        String form = "date=" + today + "&hours=20&kind=COOPERATIVE&projectId=&subject=&description=vergadering";
        assertThat(formPost(in("/me"), in("/me/hours"), form, email).getBody()).as("the first 20 hours are logged")
                .doesNotContain("24 uur");
        ResponseEntity<String> refused = formPost(in("/me"), in("/me/hours"), form, email);
        assertThat(refused.getBody()).contains("Op één dag kunnen hoogstens 24 uur worden geschreven");
        return english("the refused hours", refused.getBody());
    }

    private List<String> english(String path, String user, String password) {
        ResponseEntity<String> page = page(path, user, password);
        assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
        assertThat(page.getBody()).as(path).contains("<html lang=\"nl\"");
        return english(path, page.getBody());
    }

    private static List<String> english(String path, String html) {
        List<String> found = new ArrayList<>();
        Matcher word = FORBIDDEN.matcher(readable(html));
        while (word.find()) {
            found.add(path + ": \"" + word.group() + "\"");
        }
        return found;
    }

    /** What a reader meets: the text outside scripts and styles, and the attributes read aloud or drawn. */
    static String readable(String html) {
        String shown = html.replaceAll("(?is)<script\\b.*?</script>", " ").replaceAll("(?is)<style\\b.*?</style>", " ");
        StringBuilder text = new StringBuilder();
        Matcher attribute = READ_ATTRIBUTES.matcher(shown);
        while (attribute.find()) {
            text.append(attribute.group(1)).append('\n');
        }
        text.append(shown.replaceAll("(?s)<[^>]*>", " "));
        return HtmlUtils.htmlUnescape(text.toString());
    }

    private ResponseEntity<String> page(String path, String user, String password) {
        return page(path, user, password, DUTCH);
    }

    private ResponseEntity<String> formPost(String formPage, String action, String form, String user) {
        return formPost(formPage, action, form, user, PASSWORD, DUTCH);
    }

    private String in(String rest) {
        return "/cooperatives/" + cooperative + rest;
    }

    private String apiPath(String rest) {
        return "/api" + in(rest);
    }

    private void approve(String cost) {
        assertThat(api.asAdmin(HttpMethod.POST, apiPath("/costs/" + cost + "/approve"), null).status()).isEqualTo(200);
    }

    private void settle(String member, String direction) {
        assertThat(api.asAdmin(HttpMethod.POST, apiPath("/settlements"), """
                {"memberId": "%s", "amount": "10.00", "date": "%s", "direction": "%s"}"""
                .formatted(member, today, direction)).status()).isEqualTo(201);
    }

    private void enrolInTheRiskPool(String member, String email) {
        assertThat(api.post(apiPath("/risk-pool/enrolments"), "{\"memberId\": \"" + member + "\", \"tier\": \"1000.00\"}",
                email, PASSWORD).status()).isEqualTo(201);
        assertThat(api.asAdmin(HttpMethod.POST, apiPath("/risk-pool/contributions"),
                "{\"memberId\": \"" + member + "\", \"month\": \"" + YearMonth.from(today) + "\"}").status())
                .isEqualTo(201);
    }

    private String projectWith(String member) {
        Response registered = api.asAdmin(HttpMethod.POST, apiPath("/projects"), """
                {"name": "Klantportaal", "client": "Gemeente Utrecht", "start": "%s", "end": "%s",
                 "requiredSkills": [{"skill": "java", "hoursPerWeek": 32}, {"skill": "ux", "hoursPerWeek": 16}]}
                """.formatted(today.minusDays(60), today.plusDays(120)));
        assertThat(registered.status()).isEqualTo(201);
        String project = registered.text("projectId");
        assertThat(api.asAdmin(HttpMethod.POST, apiPath("/projects/" + project + "/assignments"), """
                {"memberId": "%s", "role": "CORE", "skill": "java", "hoursPerWeek": 24, "from": "%s", "to": "%s"}
                """.formatted(member, today.minusDays(30), today.plusDays(90))).status()).isEqualTo(201);
        return project;
    }

    /** A client contact of the project who chose a password; returns their email. */
    private String clientOf(String project) {
        String email = "client.nl-" + UUID.randomUUID() + "@utrecht.example";
        Response invited = api.asAdmin(HttpMethod.POST, apiPath("/projects/" + project + "/clients"),
                "{\"name\": \"Marieke van Dam\", \"email\": \"" + email + "\"}");
        assertThat(invited.status()).isEqualTo(201);
        assertThat(api.post("/api/invitations/" + invited.text("invitationToken"),
                "{\"password\": \"" + PASSWORD + "\"}", null, null).status()).isEqualTo(201);
        return email;
    }
}
