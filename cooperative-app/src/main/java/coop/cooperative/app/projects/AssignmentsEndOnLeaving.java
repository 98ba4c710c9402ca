package coop.cooperative.app.projects;

import coop.cooperative.app.portability.ImportedHistory;
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
    private final ImportedHistory imported;

    AssignmentsEndOnLeaving(Assignments assignments, ImportedHistory imported) {
        this.assignments = assignments;
        this.imported = imported;
    }

    @EventHandler
    void on(MemberLeft event) {
        // an imported cooperative's departures were acted on where they happened: the ends are among its events
        if (imported.handlingImported(event.cooperativeId())) {
            return;
        }
        assignments.endOnLeaving(event.memberId(), event.leftOn());
    }
}
