package coop.cooperative.app.admin;

import coop.cooperative.app.erasure.Erasure;
import coop.cooperative.app.pages.RefusalWords;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.pages.InvitationNotice;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.membership.Members;
import coop.cooperative.app.membership.Members.Member;
import coop.cooperative.app.membership.Membership;
import coop.cooperative.app.projects.Assignments;
import coop.cooperative.app.projects.Projects;
import coop.cooperative.app.projects.ProjectClients;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.members.MemberQueries.MemberStatus;
import coop.cooperative.projections.projects.ProjectQueries.FindProjects;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The admin's page: members (leaving, roles), open invitations, projects (register, staff, invite the
 * client) and the policies. It sends the same commands through the same services as the API, with
 * the same ADMIN check; a refusal is shown in words on the page, never as an error page.
 */
@Controller
@PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
class AdminPage {

    /** Roles an admin appoints and revokes; MEMBER comes with membership. */
    static final List<Role> APPOINTED = List.of(Role.ADMIN, Role.TREASURER);
    private static final java.util.regex.Pattern SKILL = java.util.regex.Pattern.compile("\\s*([A-Za-z0-9][A-Za-z0-9 +#./-]{0,39}?)\\s*:\\s*(\\d{1,3})\\s*");

    private final CooperativeAccess access;
    private final Members members;
    private final Membership membership;
    private final MemberProfiles profiles;
    private final ProjectClients clients;
    private final Assignments assignments;
    private final Projects projects;
    private final QueryGateway queries;
    private final Clock clock;
    private final RefusalWords refusals;
    private final Erasure erasure;

    AdminPage(CooperativeAccess access, Members members, Membership membership, MemberProfiles profiles,
              ProjectClients clients, Assignments assignments,
              Projects projects, QueryGateway queries, Clock clock, RefusalWords refusals, Erasure erasure) {
        this.erasure = erasure;
        this.access = access;
        this.members = members;
        this.membership = membership;
        this.profiles = profiles;
        this.clients = clients;
        this.assignments = assignments;
        this.projects = projects;
        this.queries = queries;
        this.clock = clock;
        this.refusals = refusals;
    }

    @GetMapping("/cooperatives/{cooperativeId}/admin")
    String admin(@PathVariable CooperativeId cooperativeId, Model model) {
        if (!model.containsAttribute("projectForm")) {
            model.addAttribute("projectForm", new ProjectForm("", "", null, null, ""));
        }
        List<Member> all = members.of(cooperativeId);
        List<ProjectView> projects = queries.query(new FindProjects(cooperativeId),
                        ResponseTypes.multipleInstancesOf(ProjectView.class)).join().stream()
                .sorted(Comparator.comparing(ProjectView::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        Map<ProjectId, String> projectNames = new HashMap<>();
        projects.forEach(p -> projectNames.put(p.projectId(), p.name()));
        List<OpenInvitation> open = new ArrayList<>();
        all.stream()
                .filter(m -> m.status() != MemberStatus.LEFT && m.email() != null && !m.invitationAccepted())
                .forEach(m -> open.add(new OpenInvitation(m.name(), m.email(), m.memberId(), null, null)));
        clients.contacts(cooperativeId).stream()
                .filter(c -> !c.hasLogin())
                .forEach(c -> open.add(new OpenInvitation(c.name(), c.email(), null, c.projectId(),
                        projectNames.get(c.projectId()))));
        model.addAttribute("cooperative", access.cooperative(cooperativeId));
        model.addAttribute("members", all);
        model.addAttribute("appointed", APPOINTED);
        model.addAttribute("invitations", open);
        model.addAttribute("projects", projects);
        return "admin";
    }

    @PostMapping("/cooperatives/{cooperativeId}/admin/members/{memberId}/leave")
    String leave(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                 @RequestParam(required = false) String date, Model model, RedirectAttributes redirect) {
        Member member = members.get(cooperativeId, memberId);
        LocalDate leftOn;
        try {
            leftOn = LocalDate.parse(date == null ? "" : date.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute("leaveMember", memberId);
            model.addAttribute("leaveError", "admin.leave.dateRequired");
            return admin(cooperativeId, model);
        }
        return act(cooperativeId, model, redirect, () -> membership.leave(cooperativeId, memberId, leftOn),
                "admin.left", member.name());
    }

    /**
     * Erases a departed member's personal data, once the page asked to confirm (docs/data.md, "Erasure");
     * the notice names them as they are named from now on, "former member N".
     */
    @PostMapping("/cooperatives/{cooperativeId}/admin/members/{memberId}/erase")
    String erase(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId, Model model,
                 RedirectAttributes redirect, Locale locale) {
        members.get(cooperativeId, memberId);
        Erasure.Erased erased;
        try {
            erased = erasure.erase(cooperativeId, memberId, locale);
        } catch (DomainException e) {
            model.addAttribute("refusal", refusals.say(e));
            return admin(cooperativeId, model);
        }
        redirect.addFlashAttribute("done", "admin.erased");
        redirect.addFlashAttribute("doneName", erased.erasedAs());
        return "redirect:/cooperatives/" + cooperativeId + "/admin#members";
    }

    @PostMapping("/cooperatives/{cooperativeId}/admin/members/{memberId}/roles")
    String appoint(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                   @RequestParam Role role, Model model, RedirectAttributes redirect) {
        Member member = members.get(cooperativeId, memberId);
        return act(cooperativeId, model, redirect, () -> membership.appoint(cooperativeId, memberId, appointed(role)),
                "admin.appointed", member.name());
    }

    @PostMapping("/cooperatives/{cooperativeId}/admin/members/{memberId}/roles/{role}/revoke")
    String revoke(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                  @PathVariable Role role, Model model, RedirectAttributes redirect) {
        Member member = members.get(cooperativeId, memberId);
        return act(cooperativeId, model, redirect, () -> membership.revoke(cooperativeId, memberId, appointed(role)),
                "admin.revoked", member.name());
    }

    /** A new invitation for a member whose login does not hold their membership yet (the old link works until it expires). */
    @PostMapping("/cooperatives/{cooperativeId}/admin/members/{memberId}/invitation")
    String reissue(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                   RedirectAttributes redirect) {
        Member member = members.get(cooperativeId, memberId);
        if (member.status() != MemberStatus.LEFT && !member.invitationAccepted()) {
            InvitationNotice.flash(redirect, member.name(), membership.invite(cooperativeId, memberId, member.name(),
                    member.email()));
        }
        return "redirect:/cooperatives/" + cooperativeId + "/admin#invitations";
    }

    @PostMapping("/cooperatives/{cooperativeId}/admin/projects")
    String register(@PathVariable CooperativeId cooperativeId, @Valid @ModelAttribute("projectForm") ProjectForm form,
                    BindingResult errors, Model model, RedirectAttributes redirect) {
        LocalDate start = FormFields.date(errors, "start", form.start());
        LocalDate end = FormFields.date(errors, "end", form.end());
        List<RequiredSkill> skills = errors.hasFieldErrors("skills") ? null : form.requiredSkills();
        if (!errors.hasFieldErrors("skills") && skills == null) {
            errors.rejectValue("skills", "admin.project.skills.invalid");
        }
        if (errors.hasErrors()) {
            return admin(cooperativeId, model);
        }
        ProjectId projectId;
        try {
            projectId = projects.register(cooperativeId, form.name().strip(), form.client().strip(), start, end, skills);
        } catch (DomainException e) {
            errors.reject("refused", refusals.say(e));
            return admin(cooperativeId, model);
        }
        redirect.addFlashAttribute("done", "admin.project.registered");
        redirect.addFlashAttribute("doneName", form.name().strip());
        return "redirect:/cooperatives/" + cooperativeId + "/admin/projects/" + projectId;
    }

    /** Sends a membership command; a refusal stays on the page, in words, with the rule's own message as fallback. */
    private String act(CooperativeId cooperativeId, Model model, RedirectAttributes redirect, Runnable command,
                       String done, String name) {
        try {
            command.run();
        } catch (DomainException e) {
            model.addAttribute("refusal", refusals.say(e));
            return admin(cooperativeId, model);
        }
        redirect.addFlashAttribute("done", done);
        redirect.addFlashAttribute("doneName", name);
        return "redirect:/cooperatives/" + cooperativeId + "/admin#members";
    }

    private static Role appointed(Role role) {
        if (!APPOINTED.contains(role)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return role;
    }

    /** An invitation nobody has used yet: a member's, or a project client's. */
    record OpenInvitation(String name, String email, MemberId memberId, ProjectId projectId, String projectName) {
    }

    /**
     * A new project; required skills as one line, "java:32, ux:16" (skill and hours per week). Every field
     * is text, read here, so a form with an unreadable date still binds and shows its errors.
     */
    record ProjectForm(@NotBlank @Size(max = 200) String name,
                       @NotBlank @Size(max = 200) String client,
                       String start,
                       String end,
                       @NotBlank @Size(max = 1000) String skills) {

        /** The skills, or null when the line does not read as "skill:hours, ...". */
        List<RequiredSkill> requiredSkills() {
            List<RequiredSkill> required = new ArrayList<>();
            for (String part : skills.split(",")) {
                Matcher m = SKILL.matcher(part);
                if (!m.matches()) {
                    return null;
                }
                int hours = Integer.parseInt(m.group(2));
                if (hours < 1 || hours > 168) {
                    return null;
                }
                required.add(new RequiredSkill(m.group(1).toLowerCase(Locale.ROOT), hours));
            }
            return required.size() > 30 ? null : required;
        }
    }

}
