package coop.cooperative.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The served OpenAPI description passes Redocly's linter (the rules in redocly.yaml) with no error:
 * what a client generator reads is well formed and complete. The CLI comes from npm (.ci/run
 * installs it under .ci/tools); without it the test is skipped, unless -Dopenapi.lint.required=true
 * (CI), where it fails.
 */
class OpenApiLintTest extends HttpJourney {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Path REDOCLY = REPOSITORY.resolve(".ci/tools/node_modules/.bin/redocly");

    @TempDir
    Path dir;

    @Test
    void theDescriptionHasNoLintError() throws Exception {
        assumeTrue(Boolean.getBoolean("openapi.lint.required") || Files.isExecutable(REDOCLY),
                "@redocly/cli is not installed under .ci/tools (see .ci/run)");
        ResponseEntity<String> description = http.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity("/v3/api-docs", String.class);
        assertThat(description.getStatusCode()).isEqualTo(HttpStatus.OK);
        Path file = dir.resolve("openapi.json");
        Files.writeString(file, description.getBody());
        Files.writeString(Path.of("target/openapi.json"), description.getBody()); // to read after a run

        Path report = dir.resolve("lint.json");
        Process lint = new ProcessBuilder(REDOCLY.toString(), "lint", "--config", REPOSITORY.resolve("redocly.yaml").toString(),
                "--format", "json", "--max-problems", "1000", file.toString())
                .redirectOutput(report.toFile()).redirectError(dir.resolve("lint.err").toFile()).start();
        assertThat(lint.waitFor(2, TimeUnit.MINUTES)).as("redocly lint finished").isTrue();
        String output = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(output).as("redocly's report (stderr: %s)", Files.readString(dir.resolve("lint.err")))
                .contains("\"totals\"");

        JsonNode totals = new ObjectMapper().readTree(output.substring(output.indexOf('{')));
        List<String> errors = new ArrayList<>();
        for (JsonNode problem : totals.path("problems")) {
            if ("error".equals(problem.path("severity").asText())) {
                errors.add(problem.path("ruleId").asText() + ": " + problem.path("message").asText() + " at "
                        + problem.path("location").path(0).path("pointer").asText());
            }
        }
        assertThat(errors).as("redocly lint errors").isEmpty();
        assertThat(totals.path("totals").path("errors").asInt()).isZero();
    }
}
