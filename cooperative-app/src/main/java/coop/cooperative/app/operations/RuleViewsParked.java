package coop.cooperative.app.operations;

import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.List;

/**
 * The views that rules consult before a command is sent (closed periods, members and their roles)
 * must not silently fall behind: while one of them holds a parked event of a cooperative, the
 * commands that consult it for that cooperative are refused with 503 ({@link ViewParked}) until an
 * administrator has retried or evicted the letter. Before, a parked close left the period open in
 * the view and every later close answered 200 and changed nothing.
 */
@Component
public class RuleViewsParked {

    /** The processing groups whose answers decide whether a command is allowed. */
    static final List<String> CONSULTED = List.of("periods", "members");

    private final EventProcessingConfiguration processing;

    RuleViewsParked(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Refuses with {@link ViewParked} if a view rules consult has parked an event of this cooperative. */
    public void requireNoneParked(CooperativeId cooperativeId) {
        for (String projection : CONSULTED) {
            // a dead letter's sequence is its aggregate: the cooperative, for both views
            boolean parked = processing.deadLetterQueue(projection)
                    .map(queue -> queue.contains(cooperativeId.toString())).orElse(false);
            if (parked) {
                throw new ViewParked(projection);
            }
        }
    }

    /** A view that a rule consults holds a parked event: decisions on it would be wrong. 503 on pages too. */
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    public static final class ViewParked extends RuntimeException {

        private final String projection;

        ViewParked(String projection) {
            super("The " + projection + " view holds an event of this cooperative it could not apply, so it cannot "
                    + "tell whether this is allowed; an administrator retries or evicts it (GET /api/admin/dead-letters)");
            this.projection = projection;
        }

        public String projection() {
            return projection;
        }
    }
}
