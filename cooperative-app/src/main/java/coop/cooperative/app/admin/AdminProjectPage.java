package coop.cooperative.app.admin;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.pages.InvitationNotice;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.membership.Members;
import coop.cooperative.app.pages.RefusalWords;
import coop.cooperative.app.projects.Assignments;
import coop.cooperative.app.projects.ProjectClients;
import coop.cooperative.app.projects.Projects;
import coop.cooperative.core.projects.api.AssignmentRole;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.members.MemberQueries.MemberStatus;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The admin's page of one project: its team (assign a member with a role, skill and hours) and its
 * client contacts (invite one). The same services and ADMIN check as the API; a refusal is shown in
 * words on the page.
 */
@Controller
@PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
class AdminProjectPage {

    private final CooperativeAccess access;
    private final Members members;
    private final MemberProfiles profiles;
    private final Projects projects;
    private final ProjectClients clients;
    private final Assignments assignments;
    private final Clock clock;
    private final RefusalWords refusals;

    AdminProjectPage(CooperativeAccess access, Members members, MemberProfiles profiles, Projects projects,
                     ProjectClients clients, Assignments assignments, Clock clock, RefusalWords refusals) {
        this.access = access;
        this.members = members;
        this.profiles = profiles;
        this.projects = projects;
        this.clients = clients;
        this.assignments = assignments;
        this.clock = clock;
        this.refusals = refusals;
    }

    @GetMapping("/cooperatives/{cooperativeId}/admin/projects/{projectId}")
    String project(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId, Model model) {
        ProjectView project = findProject(cooperativeId, projectId);
        if (!model.containsAttribute("assignForm")) {
            model.addAttribute("assignForm", new AssignForm("", AssignmentRole.CORE.name(), "", "",
                    later(project.start(), LocalDate.now(clock)).toString(), project.end().toString()));
        }
        if (!model.containsAttribute("clientForm")) {
            model.addAttribute("clientForm", new ClientForm("", ""));
        }
        model.addAttribute("cooperative", access.cooperative(cooperativeId));
        model.addAttribute("project", project);
        model.addAttribute("team", projects.team(project, profiles.names(cooperativeId)));
        model.addAttribute("contacts", clients.contacts(cooperativeId).stream()
                .filter(c -> c.projectId().equals(projectId)).toList());
        model.addAttribute("candidates", members.of(cooperativeId).stream()
                .filter(m -> m.status() != MemberStatus.LEFT).toList());
        model.addAttribute("roles", AssignmentRole.values());
        return "admin-project";
    }
    @PostMapping("/cooperatives/{cooperativeId}/admin/projects/{projectId}/assignments")
    String assign(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId,
                  @Valid @ModelAttribute("assignForm") AssignForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        findProject(cooperativeId, projectId);
        Optional<MemberView> member = errors.hasFieldErrors("memberId") ? Optional.empty() : member(cooperativeId, form.memberId());
        if (!errors.hasFieldErrors("memberId") && member.isEmpty()) {
            errors.rejectValue("memberId", "admin.assign.memberUnknown");
        }
        AssignmentRole role = errors.hasFieldErrors("role") ? null : AssignmentRole.valueOf(form.role());
        Integer hours = hoursPerWeek(errors, "hoursPerWeek", form.hoursPerWeek());
        LocalDate from = FormFields.date(errors, "from", form.from());
        LocalDate to = FormFields.date(errors, "to", form.to());
        if (errors.hasErrors()) {
            return project(cooperativeId, projectId, model);
        }
        try {
            assignments.assign(cooperativeId, projectId, member.get(), role, form.skill(), hours, from, to,
                    LocalDate.now(clock),
                    access.cooperative(cooperativeId).policies().maximumHoursPerWeek());
        } catch (DomainException e) {
            errors.reject("refused", refusals.say(e));
            return project(cooperativeId, projectId, model);
        }
        redirect.addFlashAttribute("done", "admin.assigned");
        redirect.addFlashAttribute("doneName", profiles.names(cooperativeId).get(member.get().memberId()));
        return "redirect:/cooperatives/" + cooperativeId + "/admin/projects/" + projectId;
    }
    /** Gives a client contact access to this project (the same service as the API's invite). */
    @PostMapping("/cooperatives/{cooperativeId}/admin/projects/{projectId}/clients")
    String invite(@PathVariable CooperativeId cooperativeId, @PathVariable ProjectId projectId,
                  @Valid @ModelAttribute("clientForm") ClientForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        ProjectView project = findProject(cooperativeId, projectId);
        if (errors.hasErrors()) {
            return project(cooperativeId, projectId, model);
        }
        InvitationNotice.flash(redirect, form.name().strip(),
                clients.invite(cooperativeId, projectId, project.name(), form.name(), form.email()));
        return "redirect:/cooperatives/" + cooperativeId + "/admin/projects/" + projectId;
    }

    private Optional<MemberView> member(CooperativeId cooperativeId, String memberId) {
        try {
            return access.memberOf(cooperativeId, MemberId.of(memberId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
    /** Hours a week: a whole number from 1 to 168. */
    static Integer hoursPerWeek(BindingResult errors, String field, String text) {
        if (errors.hasFieldErrors(field)) {
            return null;
        }
        try {
            int hours = Integer.parseInt(text == null ? "" : text.strip());
            if (hours >= 1 && hours <= 168) {
                return hours;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.rejectValue(field, "admin.field.hoursInvalid");
        return null;
    }
    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
    record AssignForm(@NotBlank String memberId,
                      @NotNull @Pattern(regexp = "CORE|BACKUP|EXPERT") String role,
                      @NotBlank @Size(max = 40) String skill,
                      String hoursPerWeek,
                      String from,
                      String to) {
    }
    record ClientForm(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email) {
    }

    private ProjectView findProject(CooperativeId cooperativeId, ProjectId projectId) {
        return projects.find(cooperativeId, projectId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
