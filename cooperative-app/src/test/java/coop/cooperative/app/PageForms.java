package coop.cooperative.app;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages and their forms over plain HTTP, as a browser without JavaScript uses them, signed in with basic authentication. */
final class PageForms {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private PageForms() {
    }

    static ResponseEntity<String> page(TestRestTemplate http, String path, String user, String password, String language) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user, password, language)), String.class);
    }

    /** A form post with the session and CSRF token of the page it came from. */
    static ResponseEntity<String> post(TestRestTemplate http, String formPage, String action, String form, String user,
                                       String password, String language) {
        ResponseEntity<String> shown = page(http, formPage, user, password, language);
        assertThat(shown.getStatusCode().value()).as(shown.toString()).isEqualTo(200);
        Matcher token = CSRF.matcher(shown.getBody());
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        HttpHeaders headers = headers(user, password, language);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.put(HttpHeaders.COOKIE, shown.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.split(";", 2)[0]).toList());
        String body = "_csrf=" + token.group(1) + (form.isEmpty() ? "" : "&" + form);
        return http.exchange(action, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static HttpHeaders headers(String user, String password, String language) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
        return headers;
    }
}
