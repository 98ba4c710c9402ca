package coop.cooperative.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;

import java.net.URI;
import java.util.Map;

/**
 * What {@code /error} answers: pages keep Spring Boot's error page, and a request to the API that
 * reached no endpoint (an unknown path, a method or body type the path does not take) gets problem
 * details like every other refusal of the API. Spring refuses those before a controller is chosen, so
 * {@link ApiExceptionHandler}, which speaks for the API's controllers, is not asked, and Spring
 * Boot's own error format answered instead.
 */
@Controller
@ConditionalOnWebApplication // a views node has no web layer, and no errors to show
class ApiErrorController extends BasicErrorController {

    ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                       ObjectProvider<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, server.getError(), errorViewResolvers.orderedStream().toList());
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus status = HttpStatus.resolve(getStatus(request).value());
        if (!(path instanceof String uri) || !uri.startsWith("/api/") || status == null) {
            return super.error(request);
        }
        ProblemDetail problem = Problems.of(status, status.getReasonPhrase(), switch (status) {
            case NOT_FOUND -> "No endpoint of the API has this path";
            case METHOD_NOT_ALLOWED -> "This path does not take " + request.getMethod();
            case UNSUPPORTED_MEDIA_TYPE -> "This endpoint does not take a body of this Content-Type";
            case NOT_ACCEPTABLE -> "This endpoint does not answer in the type the Accept header asks for";
            default -> status.getReasonPhrase();
        });
        problem.setInstance(URI.create(uri));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(properties(problem));
    }

    /** The problem's members as the API writes them (type, title, status, detail, instance). */
    private static Map<String, Object> properties(ProblemDetail problem) {
        Map<String, Object> members = new java.util.LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        members.put("instance", problem.getInstance().toString());
        return members;
    }
}
