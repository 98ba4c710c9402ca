package coop.cooperative.projections.projects;

import coop.cooperative.core.projects.api.AssignmentEnded;
import coop.cooperative.core.projects.api.MemberAssigned;
import coop.cooperative.core.projects.api.ProjectClosed;
import coop.cooperative.core.projects.api.ProjectRegistered;
import coop.cooperative.core.projects.api.ProjectReplanned;
import coop.cooperative.core.projects.api.RequiredSkill;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

/**
 * A project's row, its required skills' rows and its assignments' rows, written by key
 * (delete-then-insert), so a replay is safe. The projects view and the continuity view each keep
 * these in tables of their own, so each can be rebuilt alone; this writes them the same way for
 * both, and each view's event handlers only call it (Axon finds a processing group's handlers on
 * its own class).
 */
public final class ProjectRows {

    private final JdbcClient jdbc;
    private final String projects;
    private final String skills;
    private final boolean skillHours;
    private final String assignments;

    /**
     * {@code projects}, {@code skills} and {@code assignments}: the view's table names (constants,
     * never input). {@code skillHours}: whether the skills table keeps each skill's hours a week
     * (the continuity view needs only which skills a project needs).
     */
    public ProjectRows(JdbcClient jdbc, String projects, String skills, boolean skillHours, String assignments) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.skills = skills;
        this.skillHours = skillHours;
        this.assignments = assignments;
    }

    public void registered(ProjectRegistered event) {
        jdbc.sql("DELETE FROM " + projects + " WHERE project_id = ?").param(event.projectId().value()).update();
        jdbc.sql("INSERT INTO " + projects + " (project_id, cooperative_id, name, client_name, start_date, end_date)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(event.projectId().value(), event.cooperativeId().value(), event.name(), event.client(),
                        event.start(), event.end())
                .update();
        writeSkills(event.projectId().value(), event.requiredSkills());
    }

    public void replanned(ProjectReplanned event) {
        jdbc.sql("UPDATE " + projects + " SET start_date = ?, end_date = ? WHERE project_id = ?")
                .params(event.start(), event.end(), event.projectId().value()).update();
        writeSkills(event.projectId().value(), event.requiredSkills());
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

    private void writeSkills(UUID projectId, List<RequiredSkill> requiredSkills) {
        jdbc.sql("DELETE FROM " + skills + " WHERE project_id = ?").param(projectId).update();
        for (RequiredSkill skill : requiredSkills) {
            if (skillHours) {
                jdbc.sql("INSERT INTO " + skills + " (project_id, skill, hours_per_week) VALUES (?, ?, ?)")
                        .params(projectId, skill.skill(), skill.hoursPerWeek()).update();
            } else {
                jdbc.sql("INSERT INTO " + skills + " (project_id, skill) VALUES (?, ?)")
                        .params(projectId, skill.skill()).update();
            }
        }
    }
}
