package coop.cooperative.app.mail;

import coop.cooperative.app.Api.Response;
import coop.cooperative.app.HttpJourney;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's own settings: language and notifications, all on by default; wrong input stores nothing. */
class SettingsJourneyTest extends HttpJourney {

    private static final String PASSWORD = "settings-secret-password";

    @Test
    void settingsStartOnAndComeBackAsStored() {
        String email = "settings-" + UUID.randomUUID() + "@example.org";
        joinWithLogin("Sanne Instelling", email, PASSWORD);

        Response fresh = api.get("/api/me/settings", email, PASSWORD);
        Response changed = put(email, "{\"language\": \"nl\", \"notifications\": {\"payoutMade\": false}}");
        Response kept = put(email, "{\"notifications\": {\"costWaiting\": false}}");
        Response again = api.get("/api/me/settings", email, PASSWORD);
        Response cleared = put(email, "{\"language\": null}");

        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.body().get("language").isNull()).isTrue();
        assertThat(fresh.body().get("notifications").toString()).isEqualTo(
                "{\"costWaiting\":true,\"costDecided\":true,\"claimFiled\":true,\"payoutMade\":true,\"continuityAtRisk\":true}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(kept.text("language")).isEqualTo("nl");
        assertThat(again.text("language")).isEqualTo("nl");
        assertThat(again.body().at("/notifications/payoutMade").asBoolean()).isFalse();
        assertThat(again.body().at("/notifications/costWaiting").asBoolean()).isFalse();
        assertThat(again.body().at("/notifications/claimFiled").asBoolean()).isTrue();
        assertThat(cleared.body().get("language").isNull()).isTrue();
        assertThat(cleared.body().at("/notifications/payoutMade").asBoolean()).isFalse();
    }

    @Test
    void aWrongLanguageOrKindIsRefusedNamingTheFieldAndStoresNothing() {
        String email = "settings-bad-" + UUID.randomUUID() + "@example.org";
        joinWithLogin("Bas Instelling", email, PASSWORD);

        Response language = put(email, "{\"language\": \"fr\", \"notifications\": {\"payoutMade\": false}}");
        Response kind = put(email, "{\"language\": \"nl\", \"notifications\": {\"birthdays\": false}}");
        Response anonymous = api.get("/api/me/settings", null, null);

        assertThat(language.status()).isEqualTo(400);
        assertThat(language.body().at("/errors/0/field").asText()).isEqualTo("language");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.body().at("/errors/0/field").asText()).isEqualTo("notifications.birthdays");
        Response stored = api.get("/api/me/settings", email, PASSWORD);
        assertThat(stored.body().get("language").isNull()).isTrue();
        assertThat(stored.body().at("/notifications/payoutMade").asBoolean()).isTrue();
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void theSettingsPageShowsAndSavesTheSameSettingsInTheReadersLanguage() {
        String email = "settings-page-" + UUID.randomUUID() + "@example.org";
        joinWithLogin("Pien Pagina", email, PASSWORD);

        ResponseEntity<String> shown = http.exchange("/settings", HttpMethod.GET, new HttpEntity<>(page(email, "nl")), String.class);
        assertThat(shown.getStatusCode().value()).isEqualTo(200);
        assertThat(shown.getBody()).contains("Taal van je mails", "for=\"payoutMade\"", "id=\"payoutMade\"", "href=\"/settings\"");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(shown.getBody());
        assertThat(csrf.find()).isTrue();
        HttpHeaders form = page(email, "nl");
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.put(HttpHeaders.COOKIE, shown.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.split(";", 2)[0]).toList());
        ResponseEntity<String> saved = http.exchange("/settings", HttpMethod.POST, new HttpEntity<>(
                "_csrf=" + csrf.group(1) + "&language=nl&notifications=costDecided", form), String.class);

        // the client follows the redirect to the page that says so
        assertThat(saved.getStatusCode().is3xxRedirection() || String.valueOf(saved.getBody()).contains("opgeslagen"))
                .as(saved.toString()).isTrue();
        Response stored = api.get("/api/me/settings", email, PASSWORD);
        assertThat(stored.text("language")).isEqualTo("nl");
        assertThat(stored.body().get("notifications").toString()).isEqualTo(
                "{\"costWaiting\":false,\"costDecided\":true,\"claimFiled\":false,\"payoutMade\":false,\"continuityAtRisk\":false}");
    }

    private static HttpHeaders page(String email, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(email, PASSWORD);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
        return headers;
    }

    private Response put(String email, String body) {
        return api.exchange(HttpMethod.PUT, "/api/me/settings", body, email, PASSWORD, new HttpHeaders());
    }
}
