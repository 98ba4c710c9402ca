package coop.cooperative.app.web;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

/**
 * Says for every operation what the API answers besides success, from what the code already tells:
 * the problem details that {@code ApiExceptionHandler}, the security filters and {@link ContentTypeFilter}
 * write, each with the one {@code Problem} schema; a {@code Location} header where {@link SendsLocation}
 * says so; and no sign-in where an operation declares an empty {@link SecurityRequirements}.
 */
@Component
class ApiOperations implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses();
        if (handler.hasMethodAnnotation(SendsLocation.class)) {
            responses.entrySet().stream().filter(r -> r.getKey().startsWith("2")).forEach(r -> r.getValue()
                    .addHeaderObject("Location", new Header().description("The address of what was created or started")
                            .schema(new StringSchema().format("uri-reference"))));
        }
        SecurityRequirements security = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                SecurityRequirements.class);
        boolean open = security != null && security.value().length == 0;
        if (open) {
            operation.setSecurity(List.of());
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasBody = operation.getRequestBody() != null;
        boolean writes = !isRead(handler);
        problem(responses, hasBody || !parameters.isEmpty(), "400", "Invalid request: `errors` names each field at fault");
        problem(responses, !open, "401", "Not signed in, or the token or password is wrong");
        problem(responses, guarded(handler), "403", "Your roles do not allow this");
        problem(responses, parameters.stream().anyMatch(p -> "path".equals(p.getIn())), "404",
                "Not found: an id or name in the path is unknown, or not yours to see");
        problem(responses, writes, "409", "Conflict with the current state, or someone changed it at the same moment");
        problem(responses, hasBody, "415", "The body is not JSON (Content-Type: application/json)");
        problem(responses, writes, "422", "A business rule refuses this");
        problem(responses, true, "429", "Too many failed sign-ins for this account or address; see Retry-After")
                .addHeaderObject("Retry-After", retryAfter());
        problem(responses, true, "503", "A view this needs holds a parked event; the administrator's dead letters say which");
        return operation;
    }

    private static boolean isRead(HandlerMethod handler) {
        return handler.hasMethodAnnotation(GetMapping.class);
    }

    private static boolean guarded(HandlerMethod handler) {
        return handler.hasMethodAnnotation(PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
    }

    private static ApiResponse problem(ApiResponses responses, boolean applies, String status, String description) {
        if (!applies) {
            return new ApiResponse();
        }
        return responses.computeIfAbsent(status, s -> new ApiResponse().description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + OpenApiDescription.PROBLEM)))));
    }

    private static Header retryAfter() {
        return new Header().description("Seconds to wait before trying again").schema(new IntegerSchema());
    }
}
