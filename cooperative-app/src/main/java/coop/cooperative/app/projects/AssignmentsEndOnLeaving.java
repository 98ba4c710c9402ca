package coop.cooperative.app.projects;

import coop.cooperative.core.membership.api.MemberLeft;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Assignments end automatically when a member leaves: reacts to {@link MemberLeft}. */
@Component
@ProcessingGroup("assignments-on-leaving")
// A policy sends commands and holds no view: a replay would act on every departure again.
@DisallowReplay
class AssignmentsEndOnLeaving {

    private final Assignments assignments;

    AssignmentsEndOnLeaving(Assignments assignments) {
        this.assignments = assignments;
    }

    @EventHandler
    void on(MemberLeft event) {
        assignments.endOnLeaving(event.memberId(), event.leftOn());
    }
}
