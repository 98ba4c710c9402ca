package coop.cooperative.app.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /v3/api-docs} says about the whole API: its name, and the two ways to sign in, an API
 * token (preferred for scripts: no bcrypt per request) or HTTP Basic with email and password.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Cooperative API", description = "A cooperative of freelancers: membership, shared costs "
                + "and the books, the risk pool, projects and continuity. Refusals are problem details (RFC 9457)."),
        security = {@SecurityRequirement(name = "apiToken"), @SecurityRequirement(name = "basic")})
@SecurityScheme(name = "apiToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal API token (POST /api/me/tokens, or the page /tokens): Authorization: Bearer <token>")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Your email and password")
class OpenApiDescription {
}
