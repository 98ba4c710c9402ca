package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests made up from the served OpenAPI description, for every operation but the installation's
 * administration, with values from plausible to absurd: 2,000 a run from a fixed seed (set
 * {@code -Dfuzz.seed=} to try others). None may answer 5xx; every 4xx is problem details and
 * stores no event.
 */
class ApiFuzzJourneyTest extends HttpJourney {

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2000);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXT = List.of("", " ", "a", "x".repeat(5000), "<script>alert(1)</script>",
            "\u0000", "Anna\u0007", "€ 12,50", "12.345", "-1", "0.001", "99999999999999.99", "1e309", "NaN", "null",
            "EQUAL", "ADMIN", "ux", "java", "insurance", "2026-13", "-2026-01", "café ☕", "\uD83D\uDE00", "%00", "../..");
    private static final List<String> DATES = List.of("-999999999-01-01", "0000-01-01", "+10000-01-01", "2026-02-30",
            "1999-12-31", "2100-01-01", "", "today", "2026-12", "2026-12-04T10:00:00Z");

    private final Random random = new Random(Long.getLong("fuzz.seed", 20261204L));
    private final List<String> ids = new ArrayList<>();
    private JsonNode schemas;

    @Test
    void noMadeUpRequestAnswers5xxAndNoRefusalStoresAnything() {
        ids.add(cooperative);
        ids.add(join("Fuzz Eerste", "fuzz1@gilde.example", "80.00").text("memberId"));
        ids.add(join("Fuzz Tweede", "fuzz2@gilde.example", "90.00").text("memberId"));
        JsonNode description = api.asAdmin(HttpMethod.GET, "/v3/api-docs", null).body();
        schemas = description.at("/components/schemas");
        List<String[]> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = description.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/api/admin")) {
                continue; // replays and dead letters of the installation, not a user's requests
            }
            path.getValue().fieldNames().forEachRemaining(method -> operations.add(new String[]{method, path.getKey()}));
        }
        assertThat(operations).hasSizeGreaterThan(60);

        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String[] operation = operations.get(random.nextInt(operations.size()));
            JsonNode spec = description.get("paths").get(operation[1]).get(operation[0]);
            String url = url(operation[1], spec);
            String body = spec.has("requestBody")
                    ? body(spec.at("/requestBody/content/application~1json/schema")) : null;
            long events = count("domain_event_entry");
            ResponseEntity<String> answer = send(HttpMethod.valueOf(operation[0].toUpperCase()), url, body);
            int status = answer.getStatusCode().value();
            String what = operation[0].toUpperCase() + " " + url + " " + body + " -> " + status + " " + answer.getBody();
            if (status >= 500) {
                failures.add(what);
            } else if (status >= 400) {
                refused++;
                MediaType type = answer.getHeaders().getContentType();
                if (type == null || !type.toString().contains("problem+json")) {
                    failures.add("not problem details: " + what);
                }
                if (count("domain_event_entry") != events) {
                    failures.add("stored events: " + what);
                }
            } else if (status == 201 && answer.getBody() != null) {
                collectIds(answer.getBody());
            }
        }
        System.out.printf("fuzz: %d requests, %d refused (4xx), %d failures%n", REQUESTS, refused, failures.size());
        assertThat(failures).as("requests answered 5xx, or refused without problem details or with events stored")
                .isEmpty();
        assertThat(refused).as("most made-up requests are refused").isGreaterThan(REQUESTS / 2);
    }

    private ResponseEntity<String> send(HttpMethod method, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(UriComponentsBuilder.fromUriString(http.getRootUri() + url).build().encode().toUri(),
                method, new HttpEntity<>(body, headers), String.class);
    }

    private String url(String template, JsonNode spec) {
        String url = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : spec.path("parameters")) {
            String value = pick(random.nextInt(4) == 0 ? TEXT : random.nextBoolean() ? DATES : ids);
            if ("path".equals(parameter.path("in").asText())) {
                String name = parameter.path("name").asText();
                if (name.equals("cooperativeId") && random.nextInt(10) > 0) {
                    value = cooperative;
                }
                url = url.replace("{" + name + "}", value.isBlank() || value.contains("/") ? "x" : value);
            } else if (random.nextBoolean()) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter.path("name").asText()).append('=').append(value);
            }
        }
        return url + query;
    }

    private String body(JsonNode schema) {
        if (random.nextInt(20) == 0) {
            return pick(List.of("", "{", "[]", "null", "\"text\"", "{\"a\":" + "[".repeat(2000)));
        }
        return value(schema, 0).toString();
    }

    private JsonNode value(JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            JsonNode resolved = schemas.get(name);
            if (resolved.has("properties") && resolved.get("properties").has("value") && resolved.size() <= 2
                    && name.endsWith("Id")) {
                return NODES.textNode(random.nextInt(5) == 0 ? pick(TEXT) : pick(ids)); // typed ids are plain UUIDs
            }
            return value(resolved, depth);
        }
        if (random.nextInt(15) == 0) {
            return random.nextBoolean() ? NODES.nullNode() : NODES.numberNode(random.nextInt());
        }
        String type = schema.path("type").asText("object");
        if (schema.has("enum")) {
            return random.nextInt(6) == 0 ? NODES.textNode(pick(TEXT)) : schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth > 4) {
                    return object;
                }
                schema.path("properties").fields().forEachRemaining(property -> {
                    if (random.nextInt(8) > 0) {
                        object.set(property.getKey(), value(property.getValue(), depth + 1));
                    }
                });
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0 && depth <= 4; i--) {
                    array.add(value(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(pick(List.of(0L, -1L, 1L, 16L, 40L, 2147483648L, Long.MAX_VALUE)));
            }
            case "number" -> {
                return NODES.numberNode(pick(List.of(0.0, -1.5, 7.5, 1e308, 0.001, 24.0)));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                String format = schema.path("format").asText();
                if (format.equals("date")) {
                    return NODES.textNode(random.nextBoolean()
                            ? TestClock.today().minusDays(random.nextInt(400) - 30).toString() : pick(DATES));
                }
                if (format.equals("uuid")) {
                    return NODES.textNode(random.nextBoolean() ? pick(ids) : UUID.randomUUID().toString());
                }
                return NODES.textNode(random.nextBoolean() ? pick(TEXT) : "fuzz " + random.nextInt(1000));
            }
        }
    }

    private void collectIds(String body) {
        try {
            JsonNode created = JSON.readTree(body);
            created.fields().forEachRemaining(field -> {
                if (field.getKey().endsWith("Id") && field.getValue().isTextual() && ids.size() < 200) {
                    ids.add(field.getValue().asText());
                }
            });
        } catch (Exception e) {
            // an answer that is not a JSON object gives no ids
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
