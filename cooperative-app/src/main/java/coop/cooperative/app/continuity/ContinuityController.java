package coop.cooperative.app.continuity;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.projects.ProjectClients;
import coop.cooperative.app.riskpool.ClaimPrivacy;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.projections.continuity.ContinuityQueries.ContinuityReport;
import coop.cooperative.projections.continuity.ContinuityQueries.FindContinuity;
import coop.cooperative.projections.continuity.ContinuityQueries.ProjectContinuity;
import coop.cooperative.projections.continuity.ContinuityQueries.SkillContinuity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Continuity of the active projects: every one for members; for a client only their own projects,
 * without the candidate backups (other members' names and spare hours are not theirs to see).
 */
@Tag(name = "Continuity", description = "Who can take over on a project, per skill")
@RestController
class ContinuityController {

    private final QueryGateway queries;
    private final CooperativeAccess access;
    private final ProjectClients clients;
    private final MemberProfiles profiles;
    private final ClaimPrivacy claims;

    ContinuityController(QueryGateway queries, CooperativeAccess access, ProjectClients clients,
                         MemberProfiles profiles, ClaimPrivacy claims) {
        this.claims = claims;
        this.queries = queries;
        this.access = access;
        this.clients = clients;
        this.profiles = profiles;
    }

    @Operation(summary = "Continuity per project and skill, with candidate backups", operationId = "getContinuity")
    @GetMapping("/api/cooperatives/{cooperativeId}/continuity")
    @PreAuthorize("@clients.isMemberOrClient(#cooperativeId)")
    ContinuityReport continuity(@PathVariable CooperativeId cooperativeId) {
        boolean member = access.holds(cooperativeId, "MEMBER");
        ContinuityReport report = queries.query(new FindContinuity(cooperativeId, profiles.names(cooperativeId),
                        access.cooperative(cooperativeId).policies().maximumHoursPerWeek(),
                        member ? null : clients.projectsOf(cooperativeId), claims.mayNameClaimants(cooperativeId)),
                ContinuityReport.class).join();
        return member ? report : withoutCandidates(report);
    }

    /** A client sees their project's team, not which other members have spare hours. */
    private static ContinuityReport withoutCandidates(ContinuityReport report) {
        return new ContinuityReport(report.projects().stream()
                .map(p -> new ProjectContinuity(p.projectId(), p.name(), p.client(), p.status(), p.skills().stream()
                        .map(s -> new SkillContinuity(s.skill(), s.status(), s.core(), s.backup(), s.reasons(), List.of()))
                        .toList()))
                .toList());
    }
}
