package coop.cooperative.projections.projects;

import coop.cooperative.core.projects.api.AssignmentEnded;
import coop.cooperative.core.projects.api.AssignmentId;
import coop.cooperative.core.projects.api.AssignmentRole;
import coop.cooperative.core.projects.api.MemberAssigned;
import coop.cooperative.core.projects.api.ProjectClosed;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.projects.api.ProjectRegistered;
import coop.cooperative.core.projects.api.ProjectReplanned;
import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.projects.ProjectQueries.AssignedProjects;
import coop.cooperative.projections.projects.ProjectQueries.AssignmentView;
import coop.cooperative.projections.projects.ProjectQueries.FindProject;
import coop.cooperative.projections.projects.ProjectQueries.FindProjects;
import coop.cooperative.projections.projects.ProjectQueries.FindProjectsAssignedOn;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
import coop.cooperative.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Projects and their assignments. Handlers write by key (delete-then-insert), so replays are safe. */
@Component
@ViewTables({"projects", "project_skills", "project_assignments"})
@ProcessingGroup("projects")
class ProjectsProjection {

    private final JdbcClient jdbc;
    private final ProjectRows rows;

    ProjectsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new ProjectRows(jdbc, "projects", "project_skills", true, "project_assignments");
    }

    // Written alike in both views by ProjectRows; Axon wants a processing group's handlers on its own class.
    @EventHandler void on(ProjectRegistered event) { rows.registered(event); }
    @EventHandler void on(ProjectReplanned event) { rows.replanned(event); }
    @EventHandler void on(ProjectClosed event) { rows.closed(event); }
    @EventHandler void on(MemberAssigned event) { rows.assigned(event); }
    @EventHandler void on(AssignmentEnded event) { rows.ended(event); }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM project_assignments").update();
        jdbc.sql("DELETE FROM project_skills").update();
        jdbc.sql("DELETE FROM projects").update();
    }

    @QueryHandler
    List<ProjectView> handle(FindProjects query) {
        return jdbc.sql("SELECT * FROM projects WHERE cooperative_id = ? ORDER BY start_date, name")
                .param(query.cooperativeId().value())
                .query(this::project)
                .list();
    }

    @QueryHandler
    Optional<ProjectView> handle(FindProject query) {
        return jdbc.sql("SELECT * FROM projects WHERE project_id = ?")
                .param(query.projectId().value())
                .query(this::project)
                .optional();
    }

    @QueryHandler
    AssignedProjects handle(FindProjectsAssignedOn query) {
        return new AssignedProjects(new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT project_id FROM project_assignments
                        WHERE member_id = ? AND from_date <= ? AND to_date >= ?""")
                .params(query.memberId().value(), query.date(), query.date())
                .query((rs, row) -> new ProjectId(rs.getObject("project_id", UUID.class)))
                .list()));
    }

    private ProjectView project(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("project_id", UUID.class);
        List<RequiredSkill> skills = jdbc.sql("SELECT skill, hours_per_week FROM project_skills WHERE project_id = ? ORDER BY skill")
                .param(id)
                .query((r, n) -> new RequiredSkill(r.getString("skill"), r.getInt("hours_per_week")))
                .list();
        List<AssignmentView> assignments = jdbc.sql("""
                        SELECT * FROM project_assignments WHERE project_id = ?
                        ORDER BY skill, assignment_role, from_date, assignment_id""")
                .param(id)
                .query((r, n) -> new AssignmentView(new AssignmentId(r.getObject("assignment_id", UUID.class)),
                        new MemberId(r.getObject("member_id", UUID.class)), AssignmentRole.valueOf(r.getString("assignment_role")),
                        r.getString("skill"), r.getInt("hours_per_week"), r.getObject("from_date", LocalDate.class),
                        r.getObject("to_date", LocalDate.class)))
                .list();
        return new ProjectView(new ProjectId(id), new CooperativeId(rs.getObject("cooperative_id", UUID.class)),
                rs.getString("name"), rs.getString("client_name"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getObject("closed_on", LocalDate.class), skills, assignments);
    }
}
