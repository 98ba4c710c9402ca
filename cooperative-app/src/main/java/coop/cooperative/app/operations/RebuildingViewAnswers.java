package coop.cooperative.app.operations;

import coop.cooperative.app.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A query on a view being rebuilt answers 503 with a Retry-After, also when it comes wrapped
 * (the query gateway's future, a role check). Ordered before the general handler, which would
 * call it an internal error.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RebuildingViewAnswers {

    @ExceptionHandler(ViewRebuilding.class)
    ResponseEntity<ProblemDetail> rebuilding(ViewRebuilding e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "View rebuilding", e.getMessage());
        problem.setProperty("projection", e.projection());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ViewRebuilding.RETRY_AFTER_SECONDS))
                .body(problem);
    }

    @ExceptionHandler(RuleViewsParked.ViewParked.class)
    ResponseEntity<ProblemDetail> parked(RuleViewsParked.ViewParked e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "View holds a parked event", e.getMessage());
        problem.setProperty("projection", e.projection());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }
}
