package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A small client for the journeys: JSON in, status, headers and JSON out, as a given user. Every
 * call is checked against the served OpenAPI description ({@link ApiContract}).
 */
public final class Api {

    public static final String ADMIN = "admin@localhost";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;

    public Api(TestRestTemplate http) {
        this.http = http;
    }

    public Response get(String path, String user, String password) {
        return exchange(HttpMethod.GET, path, null, user, password, new HttpHeaders());
    }

    public Response post(String path, String body, String user, String password) {
        return exchange(HttpMethod.POST, path, body, user, password, new HttpHeaders());
    }

    /** A request signed in with an API token ({@code Authorization: Bearer}). */
    public Response withToken(HttpMethod method, String path, String body, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return exchange(method, path, body, null, null, headers);
    }

    public Response asAdmin(HttpMethod method, String path, String body) {
        return exchange(method, path, body, ADMIN, ADMIN_PASSWORD, new HttpHeaders());
    }

    public Response exchange(HttpMethod method, String path, String body, String user, String password,
                             HttpHeaders headers) {
        if (!headers.containsKey(HttpHeaders.CONTENT_TYPE)) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        ApiContract.check(http, method, path, body, headers, response);
        return new Response(response.getStatusCode().value(), response.getHeaders(), parse(response.getBody()));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Response(int status, HttpHeaders headers, JsonNode body) {

        public String text(String field) {
            return body.path(field).asText();
        }
    }
}
