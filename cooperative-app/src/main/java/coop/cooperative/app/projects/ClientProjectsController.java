package coop.cooperative.app.projects;

import coop.cooperative.app.projects.ProjectClients.ClientProject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Where a client finds their projects: a client has no membership, so {@code /api/me} lists none. */
@RestController
class ClientProjectsController {

    private final ProjectClients clients;

    ClientProjectsController(ProjectClients clients) {
        this.clients = clients;
    }

    @GetMapping("/api/me/projects")
    List<ClientProject> myProjects() {
        return clients.allOfCaller();
    }
}
