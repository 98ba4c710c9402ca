package coop.cooperative.app.projects;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.web.Skill;
import coop.cooperative.app.web.SendsLocation;
import coop.cooperative.core.projects.api.AssignmentId;
import coop.cooperative.core.projects.api.AssignmentRole;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.hours.HoursQueries.FindProjectHours;
import coop.cooperative.projections.hours.HoursQueries.ProjectHours;
import coop.cooperative.projections.members.MemberQueries.FindMember;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import coop.cooperative.projections.projects.ProjectQueries.FindProject;
import coop.cooperative.projections.projects.ProjectQueries.FindProjects;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Projects and their teams. Admins register, plan, staff and close projects; members and the
 * project's invited clients see the team (names, skills, roles, hours per week: never rates).
 */
@Tag(name = "Projects", description = "Client projects, their teams and hours")
@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}/projects")
class ProjectController {

    private final Projects projects;
    private final QueryGateway queries;
    private final Assignments assignments;
    private final ProjectClients clients;
    private final CooperativeAccess access;
    private final MemberProfiles profiles;
    private final Clock clock;

    ProjectController(Projects projects, QueryGateway queries, Assignments assignments, ProjectClients clients,
                      CooperativeAccess access, MemberProfiles profiles, Clock clock) {
        this.projects = projects;
        this.queries = queries;
        this.assignments = assignments;
        this.clients = clients;
        this.access = access;
        this.profiles = profiles;
        this.clock = clock;
    }

    @Operation(summary = "Register a project for a client", operationId = "registerProject")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    ResponseEntity<ProjectResponse> register(@PathVariable CooperativeId cooperativeId,
                                             @Valid @RequestBody ProjectRequest request) {
        ProjectId projectId = projects.register(cooperativeId, request.name(), request.client(), request.start(),
                request.end(), request.skills());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}").buildAndExpand(projectId.value()).toUri())
                .body(project(cooperativeId, projectId));
    }

    /** Members see every project; a client sees the projects they were invited to. */
    @Operation(summary = "List the projects (a client sees only their own)", operationId = "listProjects")
    @GetMapping
    @PreAuthorize("@clients.isMemberOrClient(#cooperativeId)")
    List<ProjectResponse> projects(@PathVariable CooperativeId cooperativeId) {
        boolean member = access.holds(cooperativeId, "MEMBER");
        Set<ProjectId> mine = member ? Set.of() : clients.projectsOf(cooperativeId);
        Map<MemberId, String> names = profiles.names(cooperativeId);
        return queries.query(new FindProjects(cooperativeId), ResponseTypes.multipleInstancesOf(ProjectView.class)).join()
                .stream()
                .filter(p -> member || mine.contains(p.projectId()))
                .map(p -> response(p, names))
                .toList();
    }

    @Operation(summary = "Get a project", operationId = "getProject")
    @GetMapping("/{projectId}")
    @PreAuthorize("@clients.sees(#cooperativeId, #projectId)")
    ProjectResponse project(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId) {
        return response(find(cooperativeId, projectId), profiles.names(cooperativeId));
    }

    /** Change a project's dates or required skills (the whole plan). */
    @Operation(summary = "Change a project's plan: its skills and dates", operationId = "replanProject")
    @PutMapping("/{projectId}")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    ProjectResponse replan(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId,
                           @Valid @RequestBody PlanRequest request) {
        find(cooperativeId, projectId);
        projects.replan(projectId, request.start(), request.end(), request.skills());
        return project(cooperativeId, projectId);
    }

    @Operation(summary = "Close a project", operationId = "closeProject")
    @PostMapping("/{projectId}/close")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    ProjectResponse close(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId,
                          @Valid @RequestBody DateRequest request) {
        find(cooperativeId, projectId);
        assignments.close(projectId, request.date());
        return project(cooperativeId, projectId);
    }

    @Operation(summary = "Assign a member to a project for a skill", operationId = "assignMember")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping("/{projectId}/assignments")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    ResponseEntity<AssignmentCreated> assign(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId,
                                             @Valid @RequestBody AssignmentRequest request) {
        find(cooperativeId, projectId);
        MemberView member = queries.query(new FindMember(request.memberId()),
                        ResponseTypes.optionalInstanceOf(MemberView.class)).join()
                .filter(m -> m.cooperativeId().equals(cooperativeId))
                .orElseThrow(() -> new NotFound(Refusal.MEMBER_NOT_FOUND, "No member " + request.memberId() + " in this cooperative",
                        request.memberId()));
        AssignmentId assignmentId = assignments.assign(cooperativeId, projectId, member, request.role(), request.skill(),
                request.hoursPerWeek(), request.from(), request.to(), LocalDate.now(clock),
                access.cooperative(cooperativeId).policies().maximumHoursPerWeek());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}").buildAndExpand(assignmentId.value()).toUri())
                .body(new AssignmentCreated(assignmentId, project(cooperativeId, projectId)));
    }

    /** End an assignment early (its last day); to reassign, end it and assign anew. */
    @Operation(summary = "End a member's assignment", operationId = "endAssignment")
    @PostMapping("/{projectId}/assignments/{assignmentId}/end")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    ProjectResponse endAssignment(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId,
                                  @PathVariable AssignmentId assignmentId, @Valid @RequestBody DateRequest request) {
        find(cooperativeId, projectId);
        assignments.end(projectId, assignmentId, request.date());
        return project(cooperativeId, projectId);
    }

    /** Planned hours (the required skills' hours per week) against logged project hours, per ISO week. */
    @Operation(summary = "Hours logged on a project, per week", operationId = "listProjectHours")
    @GetMapping("/{projectId}/hours")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    List<WeekResponse> hours(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId) {
        ProjectView project = find(cooperativeId, projectId);
        Map<String, BigDecimal> logged = new HashMap<>();
        queries.query(new FindProjectHours(projectId), ProjectHours.class).join().weeks()
                .forEach(w -> logged.put(w.week(), w.hours()));
        LocalDate today = LocalDate.now(clock);
        LocalDate last = project.end().isBefore(today) ? project.end() : today;
        List<WeekResponse> weeks = new ArrayList<>();
        for (LocalDate monday = project.start().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
             !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            String week = "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            weeks.add(new WeekResponse(week, project.plannedHoursPerWeek(),
                    logged.getOrDefault(week, new BigDecimal("0.00"))));
        }
        return weeks;
    }

    /** Invite a client contact to see this project's team and continuity. */
    @Operation(summary = "Give a client access to a project", operationId = "inviteClient")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{projectId}/clients")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    ResponseEntity<ClientInvited> invite(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId,
                                         @Valid @RequestBody ClientRequest request) {
        ProjectView project = find(cooperativeId, projectId);
        String token = clients.invite(cooperativeId, projectId, project.name(), request.name(), request.email()).orElse(null);
        return ResponseEntity.status(201).body(new ClientInvited(projectId, request.email(), token, token == null));
    }

    private ProjectView find(CooperativeId cooperativeId, ProjectId projectId) {
        return queries.query(new FindProject(projectId), ResponseTypes.optionalInstanceOf(ProjectView.class)).join()
                .filter(p -> p.cooperativeId().equals(cooperativeId))
                .orElseThrow(() -> new NotFound(Refusal.PROJECT_NOT_FOUND, "No project " + projectId + " in this cooperative", projectId));
    }

    private static ProjectResponse response(ProjectView p, Map<MemberId, String> names) {
        List<TeamMember> team = p.assignments().stream()
                .filter(a -> !a.to().isBefore(a.from()))
                .map(a -> new TeamMember(a.assignmentId(), a.memberId(), names.get(a.memberId()), a.role(), a.skill(),
                        a.hoursPerWeek(), a.from(), a.to()))
                .toList();
        return new ProjectResponse(p.projectId(), p.name(), p.client(), p.start(), p.end(), p.closedOn(),
                p.requiredSkills(), p.plannedHoursPerWeek(), team);
    }

    record SkillRequest(@NotNull @Skill String skill, @Min(1) @Max(168) int hoursPerWeek) {
    }

    record ProjectRequest(@NotBlank @Size(max = 200) String name,
                          @NotBlank @Size(max = 200) String client,
                          @NotNull LocalDate start,
                          @NotNull LocalDate end,
                          @NotEmpty @Size(max = 30) List<@NotNull @Valid SkillRequest> requiredSkills) {

        List<RequiredSkill> skills() {
            return requiredSkills.stream().map(s -> new RequiredSkill(s.skill(), s.hoursPerWeek())).toList();
        }
    }

    record PlanRequest(@NotNull LocalDate start,
                       @NotNull LocalDate end,
                       @NotEmpty @Size(max = 30) List<@NotNull @Valid SkillRequest> requiredSkills) {

        List<RequiredSkill> skills() {
            return requiredSkills.stream().map(s -> new RequiredSkill(s.skill(), s.hoursPerWeek())).toList();
        }
    }

    record AssignmentRequest(@NotNull MemberId memberId,
                             @NotNull AssignmentRole role,
                             @NotNull @Skill String skill,
                             @Min(1) @Max(168) int hoursPerWeek,
                             @NotNull LocalDate from,
                             @NotNull LocalDate to) {
    }

    record DateRequest(@NotNull LocalDate date) {
    }

    record ClientRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email) {
    }

    /** {@code invitationToken}: the link's token for the admin to pass on, null when the invitation went by mail. */
    record ClientInvited(ProjectId projectId, String email, String invitationToken, boolean invitationMailed) {
    }

    record TeamMember(AssignmentId assignmentId, MemberId memberId, String name, AssignmentRole role, String skill,
                      int hoursPerWeek, LocalDate from, LocalDate to) {
    }

    record ProjectResponse(ProjectId projectId, String name, String client, LocalDate start, LocalDate end,
                           LocalDate closedOn, List<RequiredSkill> requiredSkills, int plannedHoursPerWeek,
                           List<TeamMember> team) {
    }

    record AssignmentCreated(AssignmentId assignmentId, ProjectResponse project) {
    }

    record WeekResponse(String week, int plannedHours, BigDecimal loggedHours) {
    }
}
