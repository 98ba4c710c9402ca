package coop.cooperative.app.continuity;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.projects.ProjectClients;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.projections.continuity.ContinuityQueries.ContinuityReport;
import coop.cooperative.projections.continuity.ContinuityQueries.FindContinuity;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Continuity of the active projects: every one for members, only their own projects for a client. */
@RestController
class ContinuityController {

    private final QueryGateway queries;
    private final CooperativeAccess access;
    private final ProjectClients clients;
    private final MemberProfiles profiles;

    ContinuityController(QueryGateway queries, CooperativeAccess access, ProjectClients clients,
                         MemberProfiles profiles) {
        this.queries = queries;
        this.access = access;
        this.clients = clients;
        this.profiles = profiles;
    }

    @GetMapping("/api/cooperatives/{cooperativeId}/continuity")
    @PreAuthorize("@clients.isMemberOrClient(#cooperativeId)")
    ContinuityReport continuity(@PathVariable CooperativeId cooperativeId) {
        boolean member = access.holds(cooperativeId, "MEMBER");
        return queries.query(new FindContinuity(cooperativeId, profiles.names(cooperativeId),
                        access.cooperative(cooperativeId).policies().maximumHoursPerWeek(),
                        member ? null : clients.projectsOf(cooperativeId)),
                ContinuityReport.class).join();
    }
}
