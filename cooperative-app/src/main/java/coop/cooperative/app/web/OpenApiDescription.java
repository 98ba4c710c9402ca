package coop.cooperative.app.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code /v3/api-docs} says about the whole API: its name and version, the two ways to sign in,
 * an API token (preferred for scripts: no bcrypt per request) or HTTP Basic with email and password,
 * the one shape of every refusal, and the format of amounts. Per operation: {@link ApiOperations}.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Cooperative API", description = "A cooperative of freelancers: membership, shared costs "
                + "and the books, the risk pool, projects and continuity. Ids are UUIDs; amounts are decimal strings "
                + "such as \"1234.50\"; dates are YYYY-MM-DD. Refusals are problem details (RFC 9457). This "
                + "description is the contract: the tests check every request and answer against it."),
        // relative: the description holds for whichever address the installation is served at
        servers = @Server(url = "/", description = "This installation"),
        security = {@SecurityRequirement(name = "apiToken"), @SecurityRequirement(name = "basic")})
@SecurityScheme(name = "apiToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal API token (POST /api/me/tokens, or the page /tokens): Authorization: Bearer <token>")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Your email and password")
class OpenApiDescription {

    static final String PROBLEM = "Problem";

    /** {@code Money.parse} takes a plain decimal; answers write it at the currency's scale, e.g. "-12.50". */
    static final String AMOUNT_PATTERN = "^-?\\d{1,12}(\\.\\d{1,12})?$";

    /** The string fields of requests and answers that are amounts of money. */
    private static final Set<String> AMOUNTS = Set.of("amount", "vat", "sharedAmount", "balance", "memberBalance",
            "hourlyRate", "founderHourlyRate", "monthlyContribution", "monthlyDeposit", "monthlyPayout", "deposits",
            "payouts", "inputVat", "total", "totalPaid", "totalShortfall", "secondApprovalAbove");

    @Bean
    @SuppressWarnings("rawtypes")
    OpenApiCustomizer apiDescription(ObjectProvider<BuildProperties> build) {
        return api -> {
            BuildProperties properties = build.getIfAvailable();
            api.getInfo().version(properties == null ? "development" : properties.getVersion());
            api.getComponents().addSchemas("FieldError", fieldError()).addSchemas(PROBLEM, problem());
            api.getComponents().getSchemas().values().forEach(OpenApiDescription::describeAmounts);
            Map<String, Schema> schemas = api.getComponents().getSchemas();
            schemas.values().forEach(schema -> optionalMayBeNull(schema, schemas));
        };
    }

    @SuppressWarnings("rawtypes")
    private static void describeAmounts(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        properties.forEach((name, property) -> {
            if (AMOUNTS.contains(name) && "string".equals(property.getType()) && property.getFormat() == null) {
                property.pattern(AMOUNT_PATTERN).example("1234.50");
            }
        });
    }

    /** Answers write every field, null too ({@code spring.jackson.default-property-inclusion=always}). */
    @SuppressWarnings("rawtypes")
    private static void optionalMayBeNull(Schema<?> schema, Map<String, Schema> schemas) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        properties.replaceAll((name, property) -> {
            if (required.contains(name)) {
                return property;
            }
            if (property.get$ref() != null) {
                // 3.0 ignores nullable beside a $ref, and validators refuse null in an allOf around one:
                // the object itself is described as one that may be null where it is optional
                Schema<?> target = schemas.get(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1));
                if (target != null) {
                    target.nullable(true);
                }
                return property;
            }
            return property.nullable(true);
        });
    }

    /** The shape {@link Problems} builds, as Spring writes a {@code ProblemDetail}. */
    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("Problem details (RFC 9457), the answer to every refusal")
                .addProperty("type", new StringSchema().format("uri-reference")._default("about:blank"))
                .addProperty("title", new StringSchema().description("The kind of refusal, e.g. \"Invalid request\""))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong, in words; a refusal of the rules"
                        + " in the request's language (Accept-Language: nl gives Dutch), else in English"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request's path"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("With 400 Invalid request: each field at fault"))
                .addProperty("projection", new StringSchema().description("With 503: the view that holds a parked event"))
                .addProperty("code", new StringSchema()
                        .description("With a refusal of the rules (404, 409, 422): which rule refused, stable where the"
                                + " detail may be reworded or translated, e.g. \"cost.alreadyApproved\""))
                .required(List.of("type", "title", "status"));
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema()
                .description("One field of a request and what is wrong with it")
                .addProperty("field", new StringSchema().description("The field's path, e.g. \"split.shares[0].memberId\""))
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message"));
    }
}
