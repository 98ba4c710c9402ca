package coop.cooperative.app.costs;

import coop.cooperative.app.pages.RefusalWords;
import coop.cooperative.app.pages.Refusals;
import coop.cooperative.app.costs.BookRules;
import coop.cooperative.app.costs.SharedCosts;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.core.costs.CostApprovers;
import coop.cooperative.core.costs.CostApprovers.Waiting;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.costs.CostQueries.CostStatus;
import coop.cooperative.projections.costs.CostQueries.CostView;
import coop.cooperative.projections.costs.CostQueries.FindCosts;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The treasurer's approval queue: submitted costs, approved or rejected in place (htmx) or by a plain form post. */
@Controller
@RequestMapping("/cooperatives/{cooperativeId}/books")
class ApprovalQueuePage {

    private final CooperativeAccess access;
    private final SharedCosts costs;
    private final BookRules rules;
    private final MemberProfiles profiles;
    private final QueryGateway queries;
    private final MessageSource messages;
    private final Clock clock;
    private final RefusalWords refusals;

    ApprovalQueuePage(CooperativeAccess access, SharedCosts costs, BookRules rules, MemberProfiles profiles,
                      QueryGateway queries, MessageSource messages, Clock clock, RefusalWords refusals) {
        this.access = access;
        this.costs = costs;
        this.rules = rules;
        this.profiles = profiles;
        this.queries = queries;
        this.messages = messages;
        this.clock = clock;
        this.refusals = refusals;
    }

    /** A share of a cost, by name. */
    record ShareLine(String name, Money amount) {
    }

    /**
     * A cost in the queue as the treasurer reads it: names instead of ids, who may approve it next
     * (or why nobody may, so it waits), and after a decision on this row its outcome, a refusal in
     * words, or the error of the reason field.
     */
    record QueueItem(CostView cost, String paidBy, String submittedBy, List<ShareLine> shares, String firstApprovedBy,
                     String nextApprovers, Waiting waiting, String refusal, String reason, String reasonError) {

        public String id() {
            return cost.costId().toString();
        }
    }

    record RejectForm(@NotBlank(message = "{books.reject.reason.required}")
                      @Size(max = 500, message = "{books.reject.reason.tooLong}") String reason) {
    }

    @GetMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    String queue(@PathVariable CooperativeId cooperativeId, Model model) {
        return queuePage(cooperativeId, model, null);
    }

    @PostMapping("/costs/{costId}/approve")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    String approve(@PathVariable CooperativeId cooperativeId, @PathVariable CostId costId,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                   RedirectAttributes redirect) {
        CooperativeView cooperative = access.cooperative(cooperativeId);
        costs.find(cooperativeId, costId);
        String refusal = null;
        try {
            costs.approve(cooperativeId, costId, rules.caller(cooperativeId), LocalDate.now(clock));
        } catch (RuntimeException e) {
            refusal = refusals.say(Refusals.of(e)); // the rule that refused, by its code
        }
        return decided(cooperativeId, costId, htmx, refusal, null, null, model, redirect);
    }

    @PostMapping("/costs/{costId}/reject")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    String reject(@PathVariable CooperativeId cooperativeId, @PathVariable CostId costId,
                  @Valid @ModelAttribute RejectForm form, BindingResult errors,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                  RedirectAttributes redirect) {
        costs.find(cooperativeId, costId);
        if (errors.hasFieldErrors("reason")) {
            String message = messages.getMessage(errors.getFieldError("reason"), LocaleContextHolder.getLocale());
            return decided(cooperativeId, costId, htmx, null, form.reason(), message, model, redirect);
        }
        String refusal = null;
        try {
            costs.reject(cooperativeId, costId, rules.caller(cooperativeId), LocalDate.now(clock), form.reason());
        } catch (RuntimeException e) {
            refusal = refusals.say(Refusals.of(e));
        }
        return decided(cooperativeId, costId, htmx, refusal, form.reason(), null, model, redirect);
    }

    /**
     * After a decision: htmx gets the cost's row alone (always 200, so htmx swaps a refusal in too);
     * a plain post goes back to the queue, which shows a refusal on the cost's row.
     */
    private String decided(CooperativeId cooperativeId, CostId costId, String htmx, String refusal, String reason,
                           String reasonError, Model model, RedirectAttributes redirect) {
        if (htmx != null) {
            Map<MemberId, String> names = profiles.names(cooperativeId);
            model.addAttribute("cooperative", access.cooperative(cooperativeId));
            model.addAttribute("item", item(costs.find(cooperativeId, costId), names, approvers(cooperativeId), refusal,
                    reason, reasonError));
            return "books/queue :: cost";
        }
        if (refusal == null && reasonError == null) {
            CostView cost = costs.find(cooperativeId, costId);
            redirect.addFlashAttribute("decided", cost.description());
            redirect.addFlashAttribute("decision", cost.status().name());
            return "redirect:/cooperatives/" + cooperativeId + "/books";
        }
        return queuePage(cooperativeId, model, item -> item.cost().costId().equals(costId)
                ? new QueueItem(item.cost(), item.paidBy(), item.submittedBy(), item.shares(), item.firstApprovedBy(),
                item.nextApprovers(), item.waiting(), refusal, reason, reasonError) : item);
    }

    private String queuePage(CooperativeId cooperativeId, Model model,
                             java.util.function.UnaryOperator<QueueItem> decidedRow) {
        Map<MemberId, String> names = profiles.names(cooperativeId);
        List<CostView> oldestFirst = new ArrayList<>(queries.query(new FindCosts(cooperativeId, CostStatus.SUBMITTED),
                ResponseTypes.multipleInstancesOf(CostView.class)).join());
        Collections.reverse(oldestFirst);
        Function<CostView, CostApprovers> approvers = approvers(cooperativeId);
        List<QueueItem> queue = oldestFirst.stream().map(c -> item(c, names, approvers, null, null, null))
                .map(i -> decidedRow == null ? i : decidedRow.apply(i)).toList();
        model.addAttribute("cooperative", access.cooperative(cooperativeId));
        model.addAttribute("queue", queue);
        model.addAttribute("tab", "queue");
        return "books/queue";
    }

    /** Who may approve a cost of the cooperative as it is now: its roles and threshold read once per page. */
    private Function<CostView, CostApprovers> approvers(CooperativeId cooperativeId) {
        Map<MemberId, MemberView> members = rules.members(cooperativeId);
        Money threshold = access.cooperative(cooperativeId).policies().secondApprovalAbove();
        return cost -> SharedCosts.approvers(cost, members, threshold);
    }

    private QueueItem item(CostView cost, Map<MemberId, String> names, Function<CostView, CostApprovers> approversOf,
                           String refusal, String reason, String reasonError) {
        CostApprovers approvers = approversOf.apply(cost);
        return new QueueItem(cost, cost.paidBy() == null ? null : names.get(cost.paidBy()), names.get(cost.submittedBy()),
                cost.shares().stream().map(s -> new ShareLine(names.get(s.memberId()), s.amount())).toList(),
                cost.firstApproval() == null ? null : names.get(cost.firstApproval().by()),
                approvers.next().stream().map(names::get).collect(Collectors.joining(", ")), approvers.waiting(),
                refusal, reason, reasonError);
    }

    /** An unknown cost (an old link, a cost of another cooperative): the page says it does not exist. */
    @ExceptionHandler(DomainException.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }
}
