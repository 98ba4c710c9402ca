package coop.cooperative.projections.projects;

import coop.cooperative.core.projects.api.AssignmentEnded;
import coop.cooperative.core.projects.api.MemberAssigned;
import coop.cooperative.core.projects.api.ProjectClosed;
import coop.cooperative.core.projects.api.ProjectRegistered;
import coop.cooperative.core.projects.api.ProjectReplanned;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A project's row and its assignments' rows, written by key (delete-then-insert), so a replay is
 * safe. The projects view and the continuity view each keep these in tables of their own, so each
 * can be rebuilt alone; this writes them the same way for both.
 */
public final class ProjectRows {

    private final JdbcClient jdbc;
    private final String projects;
    private final String assignments;

    /** {@code projects} and {@code assignments}: the view's table names (constants, never input). */
    public ProjectRows(JdbcClient jdbc, String projects, String assignments) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.assignments = assignments;
    }

    public void registered(ProjectRegistered event) {
        jdbc.sql("DELETE FROM " + projects + " WHERE project_id = ?").param(event.projectId().value()).update();
        jdbc.sql("INSERT INTO " + projects + " (project_id, cooperative_id, name, client_name, start_date, end_date)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(event.projectId().value(), event.cooperativeId().value(), event.name(), event.client(),
                        event.start(), event.end())
                .update();
    }

    public void replanned(ProjectReplanned event) {
        jdbc.sql("UPDATE " + projects + " SET start_date = ?, end_date = ? WHERE project_id = ?")
                .params(event.start(), event.end(), event.projectId().value()).update();
    }

    public void closed(ProjectClosed event) {
        jdbc.sql("UPDATE " + projects + " SET closed_on = ? WHERE project_id = ?")
                .params(event.closedOn(), event.projectId().value()).update();
    }

    public void assigned(MemberAssigned event) {
        jdbc.sql("DELETE FROM " + assignments + " WHERE assignment_id = ?").param(event.assignmentId().value()).update();
        jdbc.sql("INSERT INTO " + assignments + " (assignment_id, project_id, cooperative_id, member_id,"
                        + " assignment_role, skill, hours_per_week, from_date, to_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(event.assignmentId().value(), event.projectId().value(), event.cooperativeId().value(),
                        event.memberId().value(), event.role().name(), event.skill(), event.hoursPerWeek(),
                        event.from(), event.to())
                .update();
    }

    public void ended(AssignmentEnded event) {
        jdbc.sql("UPDATE " + assignments + " SET to_date = ? WHERE assignment_id = ?")
                .params(event.endDate(), event.assignmentId().value()).update();
    }
}
