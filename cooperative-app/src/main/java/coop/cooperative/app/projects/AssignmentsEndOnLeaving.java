package coop.cooperative.app.projects;

import coop.cooperative.core.membership.api.MemberLeft;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** Assignments end automatically when a member leaves: reacts to {@link MemberLeft}. */
@Component
@ProcessingGroup("assignments-on-leaving")
class AssignmentsEndOnLeaving {

    private final Assignments assignments;

    AssignmentsEndOnLeaving(Assignments assignments) {
        this.assignments = assignments;
    }

    @EventHandler
    void on(MemberLeft event) {
        try {
            assignments.endOnLeaving(event.memberId(), event.leftOn());
        } catch (RuntimeException e) {
            // no workload: the member never had an assignment, so nothing ends
            if (!(e instanceof AggregateNotFoundException || e.getCause() instanceof AggregateNotFoundException)) {
                throw e;
            }
        }
    }
}
