package coop.cooperative.app.hours;

import coop.cooperative.app.pages.RefusalWords;
import coop.cooperative.app.costs.SharedCosts;
import coop.cooperative.app.hours.Timesheets;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.web.Amounts;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.costs.Category;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.hours.api.HoursKind;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.books.BookQueries.Balances;
import coop.cooperative.projections.books.BookQueries.FindBalances;
import coop.cooperative.projections.hours.HoursQueries.FindMemberHours;
import coop.cooperative.projections.hours.HoursQueries.MemberHours;
import coop.cooperative.projections.hours.HoursQueries.PeriodHours;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import coop.cooperative.projections.projects.ProjectQueries.ProjectView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.AccountEntry;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindAccountHistory;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindRiskPool;
import coop.cooperative.projections.riskpool.RiskPoolQueries.RiskPoolView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A member's own page, made for a phone first: their balance and the journal lines that explain it,
 * the costs they submitted, logging hours (the month's totals update in place with htmx, or after a
 * plain post), development against the budget, submitting a cost they paid, and their risk-pool
 * account. Hours and costs go through the same services as the API.
 */
@Controller
class MemberHomePage {

    static final List<String> CATEGORIES = List.of("insurance", "accountant", "software", "workspace", "training",
            "travel", "other");
    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal DAY = new BigDecimal("24");

    private final CooperativeAccess access;
    private final MemberProfiles profiles;
    private final QueryGateway queries;
    private final Timesheets timesheets;
    private final SharedCosts costs;
    private final MemberHomeFigures figures;
    private final Clock clock;
    private final RefusalWords refusals;

    MemberHomePage(CooperativeAccess access, MemberProfiles profiles, QueryGateway queries, Timesheets timesheets,
                   SharedCosts costs, MemberHomeFigures figures, Clock clock, RefusalWords refusals) {
        this.access = access;
        this.profiles = profiles;
        this.queries = queries;
        this.timesheets = timesheets;
        this.costs = costs;
        this.figures = figures;
        this.clock = clock;
        this.refusals = refusals;
    }

    @GetMapping("/cooperatives/{cooperativeId}/me")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    String home(@PathVariable CooperativeId cooperativeId, Model model) {
        LocalDate today = LocalDate.now(clock);
        MemberId memberId = me(cooperativeId).memberId();
        List<ProjectView> projects = figures.myProjects(cooperativeId, memberId);
        if (!model.containsAttribute("hoursForm")) {
            // Most hours are project hours: start there when the member has a project, on it if it is the only one.
            model.addAttribute("hoursForm", projects.isEmpty()
                    ? new HoursForm(today, "", HoursKind.COOPERATIVE.name(), "", "", "")
                    : new HoursForm(today, "", HoursKind.PROJECT.name(),
                            projects.size() == 1 ? projects.get(0).projectId().toString() : "", "", ""));
        }
        if (!model.containsAttribute("costForm")) {
            model.addAttribute("costForm", new CostForm("", "", today, "other"));
        }
        CooperativeView cooperative = access.cooperative(cooperativeId);
        Map<MemberId, String> names = profiles.names(cooperativeId);
        Money zero = Money.zero(cooperative.currency());

        model.addAttribute("cooperative", cooperative);
        model.addAttribute("currency", cooperative.currency());
        model.addAttribute("myName", names.get(memberId));
        Balances balances = queries.query(new FindBalances(cooperativeId, today, cooperative.currency()), Balances.class)
                .join();
        model.addAttribute("balance", balances.members().getOrDefault(memberId, zero));
        model.addAttribute("lines", figures.recentLines(cooperativeId, memberId));

        model.addAttribute("costs", figures.myCosts(cooperativeId, memberId, names));
        model.addAttribute("categories", CATEGORIES);

        YearMonth month = YearMonth.from(today);
        MemberHours hours = queries.query(new FindMemberHours(cooperativeId, memberId, today.getYear(),
                cooperative.policies().developmentBudgetPercent()), MemberHours.class).join();
        model.addAttribute("month", month);
        model.addAttribute("monthHours", hours.months().stream().filter(p -> p.period().equals(month.toString()))
                .findFirst().orElse(new PeriodHours(month.toString(), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO)));
        model.addAttribute("development", hours.development());
        model.addAttribute("year", String.valueOf(today.getYear())); // a year, not a number to group: 2026, not 2.026
        model.addAttribute("projects", projects);
        model.addAttribute("kinds", HoursKind.values());

        RiskPoolView pool = queries.query(new FindRiskPool(cooperativeId), RiskPoolView.class).join();
        model.addAttribute("poolMember", pool.members().stream().filter(m -> m.memberId().equals(memberId))
                .findFirst().orElse(null));
        List<AccountEntry> account = queries.query(new FindAccountHistory(cooperativeId, memberId),
                ResponseTypes.multipleInstancesOf(AccountEntry.class)).join();
        model.addAttribute("poolAccount", account.isEmpty() ? zero : account.get(account.size() - 1).balance());
        List<AccountEntry> recentEntries = new ArrayList<>(account.subList(Math.max(0, account.size() - 12), account.size()));
        Collections.reverse(recentEntries);
        model.addAttribute("poolEntries", recentEntries);
        model.addAttribute("claim", MemberHomeFigures.myClaim(pool, memberId).orElse(null));
        return "member-home";
    }

    /**
     * Logs hours. With htmx the answer (the page after the redirect, or the page with the errors)
     * replaces only the hours section; without it, this is a plain post and redirect.
     */
    @PostMapping("/cooperatives/{cooperativeId}/me/hours")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    String logHours(@PathVariable CooperativeId cooperativeId, @Valid @ModelAttribute("hoursForm") HoursForm form,
                    BindingResult errors, Model model, RedirectAttributes redirect) {
        MemberId memberId = me(cooperativeId).memberId();
        BigDecimal hours = form.validHours(errors);
        HoursKind kind = form.validKind(errors);
        ProjectId projectId = form.validProject(kind, errors);
        if (kind == HoursKind.DEVELOPMENT && (form.subject() == null || form.subject().isBlank())) {
            errors.rejectValue("subject", "me.hours.subject.required");
        }
        if (errors.hasErrors()) {
            return home(cooperativeId, model);
        }
        try {
            timesheets.log(cooperativeId, memberId, form.date(), hours, kind, projectId,
                    kind == HoursKind.DEVELOPMENT ? form.subject() : null, blankToNull(form.description()));
        } catch (DomainException e) {
            errors.reject("refused", refusals.say(e));
            return home(cooperativeId, model);
        }
        redirect.addFlashAttribute("hoursLogged", hours.stripTrailingZeros().toPlainString());
        return "redirect:/cooperatives/" + cooperativeId + "/me#hours";
    }

    /** Shares a cost the member paid, split equally among the members active on its date. */
    @PostMapping("/cooperatives/{cooperativeId}/me/costs")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    String submitCost(@PathVariable CooperativeId cooperativeId, @Valid @ModelAttribute("costForm") CostForm form,
                      BindingResult errors, Model model, RedirectAttributes redirect) {
        CooperativeView cooperative = access.cooperative(cooperativeId);
        MemberId memberId = me(cooperativeId).memberId();
        Money amount = null;
        if (!errors.hasFieldErrors("amount")) {
            try {
                amount = Amounts.positive("amount", form.amount().strip(), cooperative.currency());
            } catch (InvalidRequestException e) {
                errors.rejectValue("amount", "me.cost.amount.invalid");
            }
        }
        if (errors.hasErrors()) {
            return home(cooperativeId, model);
        }
        try {
            costs.share(cooperativeId, CostId.random(), new SharedCosts.NewCost(form.description().strip(), amount,
                            form.date(), form.category(), memberId, Split.equal(List.of())),
                    memberId, LocalDate.now(clock), null);
        } catch (DomainException e) {
            errors.reject("refused", refusals.say(e));
            return home(cooperativeId, model);
        }
        redirect.addFlashAttribute("costSubmitted", true);
        return "redirect:/cooperatives/" + cooperativeId + "/me#costs";
    }

    /**
     * A page re-rendered after a refused post has the post's address; the language switch (and a
     * reload) asks for it with GET, which leads back to the page itself.
     */
    @GetMapping({"/cooperatives/{cooperativeId}/me/hours", "/cooperatives/{cooperativeId}/me/costs"})
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    String backToThePage(@PathVariable CooperativeId cooperativeId) {
        return "redirect:/cooperatives/" + cooperativeId + "/me";
    }

    private MemberView me(CooperativeId cooperativeId) {
        return access.currentMember(cooperativeId).orElseThrow(() -> new AccessDeniedException("not a member"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The hours form; hours as typed, so that "abc" is an error next to the field, not a 400. */
    record HoursForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                     @NotBlank String hours,
                     @NotBlank String kind,
                     String projectId,
                     @Size(max = 100) String subject,
                     @Size(max = 2000) String description) {

        BigDecimal validHours(BindingResult errors) {
            if (errors.hasFieldErrors("hours")) {
                return null;
            }
            BigDecimal value;
            try {
                // People type 2,5 as often as 2.5; both mean two and a half hours.
                value = new BigDecimal(hours.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                errors.rejectValue("hours", "me.hours.invalid");
                return null;
            }
            if (value.signum() <= 0 || value.compareTo(DAY) > 0 || value.remainder(QUARTER).signum() != 0) {
                errors.rejectValue("hours", "me.hours.invalid");
                return null;
            }
            return value;
        }

        HoursKind validKind(BindingResult errors) {
            try {
                return kind == null ? null : HoursKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                errors.rejectValue("kind", "me.hours.kind.invalid");
                return null;
            }
        }

        ProjectId validProject(HoursKind kind, BindingResult errors) {
            if (kind != HoursKind.PROJECT) {
                return null;
            }
            try {
                return ProjectId.of(projectId.strip());
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.rejectValue("projectId", "me.hours.project.required");
                return null;
            }
        }
    }

    record CostForm(@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{me.cost.description.oneLine}")
                    String description,
                    @NotBlank String amount,
                    @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                    @NotNull @Pattern(regexp = Category.PATTERN) String category) {
    }
}
