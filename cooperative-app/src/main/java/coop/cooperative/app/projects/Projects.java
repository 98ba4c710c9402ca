package coop.cooperative.app.projects;

import coop.cooperative.core.projects.api.ProjectCommands.RegisterProject;
import coop.cooperative.core.projects.api.ProjectCommands.ReplanProject;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.projects.ProjectQueries.AssignmentView;
import coop.cooperative.projections.projects.ProjectQueries.FindProject;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A client's projects as the cooperative plans them: registering one, and changing its plan. */
@Service
public class Projects {

    private final CommandGateway commands;
    private final QueryGateway queries;

    Projects(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** The project, if it belongs to this cooperative; one of another cooperative is as unknown as a made-up id. */
    public Optional<ProjectView> find(CooperativeId cooperativeId, ProjectId projectId) {
        return queries.query(new FindProject(projectId), ResponseTypes.optionalInstanceOf(ProjectView.class)).join()
                .filter(p -> p.cooperativeId().equals(cooperativeId));
    }

    /** @param end the planned last day, or null while open-ended */
    public ProjectId register(CooperativeId cooperativeId, String name, String client, LocalDate start, LocalDate end,
                              List<RequiredSkill> skills) {
        ProjectId projectId = ProjectId.random();
        commands.sendAndWait(new RegisterProject(projectId, cooperativeId, name, client, start, end, skills));
        return projectId;
    }

    /** The whole plan anew: its dates and required skills. */
    public void replan(ProjectId projectId, LocalDate start, LocalDate end, List<RequiredSkill> skills) {
        commands.sendAndWait(new ReplanProject(projectId, start, end, skills));
    }

    /** The team with names, per skill core first; cancelled assignments (ending before they began) are left out, as in the API. */
    public List<TeamMember> team(ProjectView project, Map<MemberId, String> names) {
        return project.assignments().stream()
                .filter(a -> !a.to().isBefore(a.from()))
                .sorted(Comparator.comparing(AssignmentView::skill).thenComparing(AssignmentView::role))
                .map(a -> new TeamMember(names.getOrDefault(a.memberId(), "?"), a.role().name(), a.skill(),
                        a.hoursPerWeek(), a.from(), a.to()))
                .toList();
    }

    public record TeamMember(String name, String role, String skill, int hoursPerWeek, LocalDate from, LocalDate to) {
    }
}
