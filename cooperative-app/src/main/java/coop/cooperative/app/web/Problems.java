package coop.cooperative.app.web;

import coop.cooperative.core.shared.DomainException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.List;

/** Builds the problem details this API answers with, so every refusal has the same shape. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /**
     * A refusal: the detail in the reader's words, and its stable code ({@code code}), which a client
     * can rely on where the words may be reworded or translated.
     */
    public static ProblemDetail refused(HttpStatus status, String title, DomainException refusal, String detail) {
        ProblemDetail problem = of(status, title, detail);
        problem.setProperty("code", refusal.code());
        return problem;
    }

    /** Writes a problem as the whole answer, where a filter answers before Spring MVC could. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has " + errors.size() + (errors.size() == 1 ? " invalid field" : " invalid fields"));
        problem.setProperty("errors", errors);
        return problem;
    }
}
