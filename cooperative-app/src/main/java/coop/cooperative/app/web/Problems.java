package coop.cooperative.app.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

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

    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has " + errors.size() + (errors.size() == 1 ? " invalid field" : " invalid fields"));
        problem.setProperty("errors", errors);
        return problem;
    }
}
