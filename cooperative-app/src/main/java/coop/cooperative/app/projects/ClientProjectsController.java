package coop.cooperative.app.projects;

import coop.cooperative.app.projects.ProjectClients.ClientProject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Where a client finds their projects: a client has no membership, so {@code /api/me} lists none. */
@Tag(name = "Projects")
@RestController
class ClientProjectsController {

    private final ProjectClients clients;

    ClientProjectsController(ProjectClients clients) {
        this.clients = clients;
    }

    @Operation(summary = "The projects I may see as a client", operationId = "listMyClientProjects")
    @GetMapping("/api/me/projects")
    List<ClientProject> myProjects() {
        return clients.allOfCaller();
    }
}
