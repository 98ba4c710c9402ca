package coop.cooperative.app.projects;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.projects.ProjectClients;
import coop.cooperative.app.riskpool.ClaimPrivacy;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.continuity.ContinuityQueries.ContinuityReport;
import coop.cooperative.projections.continuity.ContinuityQueries.FindContinuity;
import coop.cooperative.projections.continuity.ContinuityQueries.ProjectContinuity;
import coop.cooperative.projections.continuity.ContinuityQueries.SkillContinuity;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import coop.cooperative.projections.projects.ProjectQueries.FindProjects;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Projects and their continuity. Members see every project of their cooperative, with candidate
 * backups; a client sees only the projects they were invited to, with the team and the status per
 * skill, but no candidates, no rates, no balances and no claims (the same limits as the API).
 */
@Controller
class ProjectsPage {

    private final QueryGateway queries;
    private final Projects projects;
    private final CooperativeAccess access;
    private final ProjectClients clients;
    private final MemberProfiles profiles;
    private final ContinuityWords words;
    private final ClaimPrivacy claims;
    private final Clock clock;

    ProjectsPage(QueryGateway queries, Projects projects, CooperativeAccess access, ProjectClients clients, MemberProfiles profiles,
                 ContinuityWords words, ClaimPrivacy claims, Clock clock) {
        this.claims = claims;
        this.queries = queries;
        this.projects = projects;
        this.access = access;
        this.clients = clients;
        this.profiles = profiles;
        this.words = words;
        this.clock = clock;
    }

    @GetMapping("/cooperatives/{cooperativeId}/projects")
    @PreAuthorize("@clients.isMemberOrClient(#cooperativeId)")
    String projects(@PathVariable CooperativeId cooperativeId, Model model) {
        boolean member = access.holds(cooperativeId, "MEMBER");
        Set<ProjectId> mine = member ? null : clients.projectsOf(cooperativeId);
        Map<MemberId, String> names = profiles.names(cooperativeId);
        Map<ProjectId, ProjectContinuity> continuity = continuity(cooperativeId, names, mine);
        List<ProjectCard> cards = queries.query(new FindProjects(cooperativeId),
                        ResponseTypes.multipleInstancesOf(ProjectView.class)).join().stream()
                .filter(p -> mine == null || mine.contains(p.projectId()))
                .sorted(Comparator.comparing(ProjectView::name, String.CASE_INSENSITIVE_ORDER))
                .map(p -> card(p, continuity.get(p.projectId()), names, member))
                .toList();
        model.addAttribute("cooperative", access.cooperative(cooperativeId));
        model.addAttribute("isMember", member);
        model.addAttribute("projects", cards);
        return "projects";
    }

    @GetMapping("/cooperatives/{cooperativeId}/projects/{projectId}")
    @PreAuthorize("@clients.sees(#cooperativeId, #projectId)")
    String project(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId, Model model) {
        boolean member = access.holds(cooperativeId, "MEMBER");
        ProjectView project = projects.find(cooperativeId, projectId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<MemberId, String> names = profiles.names(cooperativeId);
        ProjectContinuity continuity = continuity(cooperativeId, names, Set.of(projectId)).get(projectId);
        CooperativeView cooperative = access.cooperative(cooperativeId);
        model.addAttribute("cooperative", cooperative);
        model.addAttribute("isMember", member);
        model.addAttribute("isAdmin", access.holds(cooperativeId, "ADMIN"));
        model.addAttribute("project", card(project, continuity, names, member));
        model.addAttribute("team", projects.team(project, names));
        return "project";
    }

    private Map<ProjectId, ProjectContinuity> continuity(CooperativeId cooperativeId, Map<MemberId, String> names,
                                                         Set<ProjectId> projects) {
        ContinuityReport report = queries.query(new FindContinuity(cooperativeId, names,
                access.cooperative(cooperativeId).policies().maximumHoursPerWeek(), projects,
                claims.mayNameClaimants(cooperativeId)),
                ContinuityReport.class).join();
        return report.projects().stream().collect(Collectors.toMap(ProjectContinuity::projectId, Function.identity()));
    }

    private ProjectCard card(ProjectView p, ProjectContinuity continuity, Map<MemberId, String> names, boolean member) {
        LocalDate today = LocalDate.now(clock);
        String phase = p.closedOn() != null ? "CLOSED" : p.end().isBefore(today) ? "ENDED"
                : p.start().isAfter(today) ? "PLANNED" : "RUNNING";
        Map<String, SkillContinuity> bySkill = continuity == null ? Map.of()
                : continuity.skills().stream().collect(Collectors.toMap(SkillContinuity::skill, Function.identity(),
                (a, b) -> a));
        List<SkillCard> skills = p.requiredSkills().stream()
                .map(s -> skill(s, bySkill.get(s.skill()), member))
                .toList();
        List<String> teamNames = projects.team(p, names).stream().map(Projects.TeamMember::name).distinct().sorted().toList();
        return new ProjectCard(p.projectId(), p.name(), p.client(), p.start(), p.end(), p.closedOn(), phase,
                continuity == null ? null : continuity.status().name(), skills, teamNames);
    }

    private SkillCard skill(RequiredSkill required, SkillContinuity s, boolean member) {
        if (s == null) {
            return new SkillCard(required.skill(), required.hoursPerWeek(), null, List.of(), List.of());
        }
        List<String> candidates = member
                ? s.candidates().stream().map(c -> words.candidate(c.name(), c.spareHoursPerWeek())).toList()
                : List.of();
        return new SkillCard(s.skill(), required.hoursPerWeek(), s.status().name(), words.reasons(s),
                candidates);
    }

    /** A project as the pages show it; {@code status} is null when the project is not active (closed or ended). */
    record ProjectCard(ProjectId projectId, String name, String client, LocalDate start, LocalDate end,
                       LocalDate closedOn, String phase, String status, List<SkillCard> skills, List<String> team) {
    }

    record SkillCard(String skill, int hoursPerWeek, String status, List<String> reasons, List<String> candidates) {
    }

}
