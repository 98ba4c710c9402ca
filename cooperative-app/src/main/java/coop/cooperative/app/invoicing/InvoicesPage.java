package coop.cooperative.app.invoicing;

import coop.cooperative.app.costs.BookRules;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.pages.RefusalWords;
import coop.cooperative.app.pages.Refusals;
import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.projections.invoicing.InvoicingQueries.DocumentStatus;
import coop.cooperative.projections.invoicing.InvoicingQueries.InvoiceView;
import coop.cooperative.projections.projects.ProjectQueries.FindProjects;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The invoices page, by role: a treasurer or admin sees drafts (to approve), sent invoices with what
 * is still due and which are overdue, per client, and drafts a new invoice from a project's hours; a
 * client sees their own projects' sent invoices with their PDF and UBL; a member sees their earnings.
 */
@Controller
@RequestMapping("/cooperatives/{cooperativeId}/invoices")
class InvoicesPage {

    private final Invoicing invoicing;
    private final InvoiceVisibility visibility;
    private final CooperativeAccess access;
    private final MemberProfiles profiles;
    private final BookRules rules;
    private final QueryGateway queries;
    private final RefusalWords refusals;
    private final Clock clock;

    InvoicesPage(Invoicing invoicing, InvoiceVisibility visibility, CooperativeAccess access, MemberProfiles profiles,
                 BookRules rules, QueryGateway queries, RefusalWords refusals, Clock clock) {
        this.invoicing = invoicing;
        this.visibility = visibility;
        this.access = access;
        this.profiles = profiles;
        this.rules = rules;
        this.queries = queries;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** A draft from a project's unbilled hours; dates as the browser sends them. */
    record DraftForm(String project, String from, String to) {
    }

    @GetMapping
    @PreAuthorize("@clients.isMemberOrClient(#cooperativeId)")
    String invoices(@PathVariable CooperativeId cooperativeId, @RequestParam(required = false) UUID project, Model model) {
        LocalDate today = LocalDate.now(clock);
        boolean seesAll = visibility.seesAll(cooperativeId);
        Map<ProjectId, ProjectView> projects = projects(cooperativeId);
        List<InvoiceView> documents = visibility.list(cooperativeId).stream()
                .filter(d -> project == null || d.projectId().value().equals(project))
                .toList();
        model.addAttribute("cooperative", access.cooperative(cooperativeId));
        model.addAttribute("today", today);
        model.addAttribute("seesAll", seesAll);
        model.addAttribute("isTreasurer", access.holds(cooperativeId, "TREASURER"));
        model.addAttribute("isMember", access.holds(cooperativeId, "MEMBER"));
        model.addAttribute("isAdmin", access.holds(cooperativeId, "ADMIN"));
        model.addAttribute("projects", projects);
        model.addAttribute("selectedProject", project);
        model.addAttribute("drafts", documents.stream().filter(d -> d.status() == DocumentStatus.DRAFT).toList());
        model.addAttribute("sent", documents.stream().filter(d -> d.status() == DocumentStatus.SENT).toList());
        model.addAttribute("overdue", documents.stream().filter(d -> d.overdueOn(today)).toList());
        model.addAttribute("names", profiles.names(cooperativeId));
        model.addAttribute("earnings", access.currentMember(cooperativeId)
                .map(me -> invoicing.earnings(cooperativeId, me.memberId())).orElse(List.of()));
        if (!model.containsAttribute("draftForm")) {
            YearMonth last = YearMonth.from(today).minusMonths(1);
            model.addAttribute("draftForm", new DraftForm(null, last.atDay(1).toString(), last.atEndOfMonth().toString()));
        }
        return "invoicing/invoices";
    }

    @PostMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    String draft(@PathVariable CooperativeId cooperativeId, @ModelAttribute("draftForm") DraftForm form,
                 BindingResult errors, Model model) {
        ProjectId projectId = projectOf(cooperativeId, form.project(), errors);
        LocalDate from = InvoiceForms.date(errors, "from", form.from());
        LocalDate to = InvoiceForms.date(errors, "to", form.to());
        if (!errors.hasErrors()) {
            try {
                InvoiceId draft = invoicing.draftFromHours(cooperativeId, projectId, from, to,
                        rules.caller(cooperativeId), LocalDate.now(clock));
                return "redirect:/cooperatives/" + cooperativeId + "/invoices/" + draft;
            } catch (RuntimeException e) {
                errors.reject("refused", refusals.say(Refusals.of(e)));
            }
        }
        return invoices(cooperativeId, null, model);
    }

    private ProjectId projectOf(CooperativeId cooperativeId, String text, BindingResult errors) {
        try {
            ProjectId projectId = new ProjectId(UUID.fromString(text == null ? "" : text.strip()));
            if (projects(cooperativeId).containsKey(projectId)) {
                return projectId;
            }
        } catch (IllegalArgumentException e) {
            // an unreadable id is an unknown project
        }
        errors.rejectValue("project", "invoicing.draft.project.unknown");
        return null;
    }

    private Map<ProjectId, ProjectView> projects(CooperativeId cooperativeId) {
        return queries.query(new FindProjects(cooperativeId), ResponseTypes.multipleInstancesOf(ProjectView.class)).join()
                .stream()
                .sorted(Comparator.comparing(ProjectView::name, String.CASE_INSENSITIVE_ORDER))
                .collect(Collectors.toMap(ProjectView::projectId, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }
}
