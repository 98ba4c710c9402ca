package coop.cooperative.app;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI description as the contract every journey's HTTP call is held to (Atlassian's
 * swagger-request-validator). An answer must be described exactly: its status, media type and body,
 * with no field the description lacks (every object schema is closed here). A request the description
 * calls invalid is allowed only if the API refused it with a 4xx too: the hostile-input and
 * sign-in tests send such requests on purpose, and their refusals are checked like any answer.
 * Only {@code /api/} paths are the contract; pages and the description itself are not in it.
 */
final class ApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile OpenApiInteractionValidator validator;

    private ApiContract() {
    }

    static void check(TestRestTemplate http, HttpMethod method, String path, String body, HttpHeaders headers,
                      ResponseEntity<String> answer) {
        if (!path.startsWith("/api/")) {
            return;
        }
        ValidationReport report = validator(http).validate(request(method, path, body, headers), response(answer));
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
        boolean refused = answer.getStatusCode().is4xxClientError();
        List<ValidationReport.Message> broken = errors.stream()
                .filter(m -> !(refused && m.getKey().startsWith("validation.request"))).toList();
        assertThat(broken).as("%s %s answered %s %s: not as /v3/api-docs describes it:%n%s", method, path,
                answer.getStatusCode().value(), answer.getBody(), broken.stream()
                        .map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n"))).isEmpty();
    }

    private static SimpleRequest request(HttpMethod method, String path, String body, HttpHeaders headers) {
        UriComponents uri = UriComponentsBuilder.fromUriString(path).build();
        SimpleRequest.Builder request = new SimpleRequest.Builder(method.name(), uri.getPath());
        uri.getQueryParams().forEach(request::withQueryParam); // as the test wrote them, before encoding
        headers.forEach(request::withHeader);
        if (body != null) {
            request.withBody(body);
        }
        return request.build();
    }

    private static SimpleResponse response(ResponseEntity<String> answer) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(answer.getStatusCode().value());
        answer.getHeaders().forEach(response::withHeader);
        if (answer.getBody() != null) {
            response.withBody(answer.getBody());
        }
        return response.build();
    }

    private static OpenApiInteractionValidator validator(TestRestTemplate http) {
        if (validator == null) {
            synchronized (ApiContract.class) {
                if (validator == null) {
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(closed(description(http)))
                            .withLevelResolver(LevelResolver.create()
                                    .withDefaultLevel(ValidationReport.Level.ERROR)
                                    .build())
                            .build();
                }
            }
        }
        return validator;
    }

    private static String description(TestRestTemplate http) {
        ResponseEntity<String> description = http.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity("/v3/api-docs", String.class);
        assertThat(description.getStatusCode().value()).as("GET /v3/api-docs").isEqualTo(200);
        return description.getBody();
    }

    /** Every object schema without additionalProperties gets false: an answer's field not described fails. */
    private static String closed(String description) {
        try {
            JsonNode api = JSON.readTree(description);
            api.path("components").path("schemas").forEach(schema -> {
                if (schema.has("properties") && !schema.has("additionalProperties")) {
                    ((ObjectNode) schema).put("additionalProperties", false);
                }
            });
            return JSON.writeValueAsString(api);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
