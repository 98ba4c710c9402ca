package coop.cooperative.app.projects;

import coop.cooperative.core.projects.api.ProjectCommands.RegisterProject;
import coop.cooperative.core.projects.api.ProjectCommands.ReplanProject;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/** A client's projects as the cooperative plans them: registering one, and changing its plan. */
@Service
public class Projects {

    private final CommandGateway commands;

    Projects(CommandGateway commands) {
        this.commands = commands;
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
}
