package coop.cooperative.app.home;

import coop.cooperative.app.pages.RefusalWords;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.Membership;
import coop.cooperative.app.projects.ProjectClients;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.projects.ProjectQueries.FindProject;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** Home: the cooperatives I belong to, the projects I follow as a client, and founding a new one. */
@Controller
class HomePage {

    private final CooperativeAccess access;
    private final Membership membership;
    private final ProjectClients clients;
    private final QueryGateway queries;
    private final Clock clock;
    private final RefusalWords refusals;

    HomePage(CooperativeAccess access, Membership membership, ProjectClients clients,
             QueryGateway queries, Clock clock, RefusalWords refusals) {
        this.access = access;
        this.membership = membership;
        this.clients = clients;
        this.queries = queries;
        this.clock = clock;
        this.refusals = refusals;
    }

    @GetMapping("/")
    String home(Model model) {
        if (!model.containsAttribute("foundForm")) {
            model.addAttribute("foundForm", new FoundForm(""));
        }
        model.addAttribute("cooperatives", access.myCooperatives());
        model.addAttribute("me", CooperativeAccess.signedIn());
        model.addAttribute("clientProjects", clientProjects());
        return "home";
    }

    @PostMapping("/cooperatives")
    String found(@Valid @ModelAttribute("foundForm") FoundForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return home(model);
        }
        Currency euro = Currency.getInstance("EUR");
        try {
            CooperativeId id = membership.found(CooperativeAccess.signedIn(), form.name(), euro, List.of(),
                    Money.zero(euro), LocalDate.now(clock), false, null).cooperativeId();
            return "redirect:/cooperatives/" + id;
        } catch (DomainException e) {
            errors.reject("refused", refusals.say(e));
            return home(model);
        }
    }

    /** The projects the caller was invited to as a client, by name, for the link to their continuity. */
    private List<ClientProject> clientProjects() {
        return clients.allOfCaller().stream()
                .flatMap(c -> queries.query(new FindProject(c.projectId()),
                        ResponseTypes.optionalInstanceOf(ProjectView.class)).join().stream()
                        .map(p -> new ClientProject(c.cooperativeId(), p.projectId(), p.name(), p.client(),
                                access.cooperative(c.cooperativeId()).name())))
                .toList();
    }

    record ClientProject(CooperativeId cooperativeId, ProjectId projectId, String name, String client,
                         String cooperativeName) {
    }

    record FoundForm(@NotBlank @Size(max = 200) String name) {
    }
}
