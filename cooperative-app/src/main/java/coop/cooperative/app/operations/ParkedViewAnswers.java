package coop.cooperative.app.operations;

import coop.cooperative.app.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A query or command that needs a rule view holding a parked event answers 503, also when it comes
 * wrapped (the query gateway's future, a role check). Ordered before the general handler, which
 * would call it an internal error.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ParkedViewAnswers {

    @ExceptionHandler(RuleViewsParked.ViewParked.class)
    ResponseEntity<ProblemDetail> parked(RuleViewsParked.ViewParked e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "View holds a parked event", e.getMessage());
        problem.setProperty("projection", e.projection());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }
}
