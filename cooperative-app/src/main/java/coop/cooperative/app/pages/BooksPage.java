package coop.cooperative.app.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.app.books.BookReports;
import coop.cooperative.app.costs.BookRules;
import coop.cooperative.app.costs.SharedCosts;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.membership.api.MembershipCommands.ClosePeriod;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.books.BookQueries.CategoryTotal;
import coop.cooperative.projections.books.BookQueries.FindCategoryTotals;
import coop.cooperative.projections.books.BookQueries.FindJournal;
import coop.cooperative.projections.books.BookQueries.JournalPage;
import coop.cooperative.projections.costs.CostQueries.CostStatus;
import coop.cooperative.projections.costs.CostQueries.CostView;
import coop.cooperative.projections.costs.CostQueries.FindCosts;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The treasurer's pages: the approval queue (decided in place with htmx, or as a plain form post),
 * the journal, the balances as of a date with the closing of periods, the costs per category per
 * month, and the two exports as downloads for the signed-in treasurer.
 */
@Controller
@RequestMapping("/cooperatives/{cooperativeId}/books")
class BooksPage {

    private static final int JOURNAL_PAGE_SIZE = 100;
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final CooperativeAccess access;
    private final SharedCosts costs;
    private final BookRules rules;
    private final BookReports reports;
    private final MemberProfiles profiles;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final ProjectionCatchUp views;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Formats formats;
    private final Clock clock;

    BooksPage(CooperativeAccess access, SharedCosts costs, BookRules rules, BookReports reports,
              MemberProfiles profiles, QueryGateway queries, CommandGateway commands, ProjectionCatchUp views,
              MessageSource messages, ObjectMapper json, Formats formats, Clock clock) {
        this.access = access;
        this.costs = costs;
        this.rules = rules;
        this.reports = reports;
        this.profiles = profiles;
        this.queries = queries;
        this.commands = commands;
        this.views = views;
        this.messages = messages;
        this.json = json;
        this.formats = formats;
        this.clock = clock;
    }

    // ---- the approval queue -------------------------------------------------------------------

    /** A share of a cost, by name. */
    record ShareLine(String name, Money amount) {
    }

    /**
     * A cost in the queue as the treasurer reads it: names instead of ids, and after a decision on
     * this row its outcome, a refusal in words, or the error of the reason field.
     */
    record QueueItem(CostView cost, String paidBy, String submittedBy, List<ShareLine> shares, String firstApprovedBy,
                     String refusal, String reason, String reasonError) {

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
        CostView before = costs.find(cooperativeId, costId);
        MemberId me = rules.caller(cooperativeId);
        String refusal = null;
        try {
            costs.approve(cooperativeId, costId, me, LocalDate.now(clock), cooperative.policies().secondApprovalAbove());
            views.await();
        } catch (RuntimeException e) {
            refusal = explainApprovalRefusal(refusal(e), before, me, cooperative);
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
            views.await();
        } catch (RuntimeException e) {
            refusal = refusal(e).getMessage();
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
            model.addAttribute("item", item(costs.find(cooperativeId, costId), names, refusal, reason, reasonError));
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
                refusal, reason, reasonError) : item);
    }

    private String queuePage(CooperativeId cooperativeId, Model model,
                             java.util.function.UnaryOperator<QueueItem> decidedRow) {
        Map<MemberId, String> names = profiles.names(cooperativeId);
        List<CostView> oldestFirst = new ArrayList<>(queries.query(new FindCosts(cooperativeId, CostStatus.SUBMITTED),
                ResponseTypes.multipleInstancesOf(CostView.class)).join());
        Collections.reverse(oldestFirst);
        List<QueueItem> queue = oldestFirst.stream().map(c -> item(c, names, null, null, null))
                .map(i -> decidedRow == null ? i : decidedRow.apply(i)).toList();
        model.addAttribute("cooperative", access.cooperative(cooperativeId));
        model.addAttribute("queue", queue);
        model.addAttribute("tab", "queue");
        return "books/queue";
    }

    private QueueItem item(CostView cost, Map<MemberId, String> names, String refusal, String reason,
                           String reasonError) {
        return new QueueItem(cost, cost.paidBy() == null ? null : names.get(cost.paidBy()), names.get(cost.submittedBy()),
                cost.shares().stream().map(s -> new ShareLine(names.get(s.memberId()), s.amount())).toList(),
                cost.firstApproval() == null ? null : names.get(cost.firstApproval().by()), refusal, reason, reasonError);
    }

    /** The domain's refusal inside what the command bus threw; anything else is not a refusal and goes on. */
    private static DomainException refusal(RuntimeException e) {
        if (e instanceof DomainException domain) {
            return domain;
        }
        if (e instanceof CommandExecutionException && e.getCause() instanceof DomainException domain) {
            return domain;
        }
        throw e;
    }

    /**
     * Says in the reader's language why an approval was refused. The aggregate decided; this only
     * reads the cost as it was to name the rule (a closed period first, as the service checks it first).
     */
    private String explainApprovalRefusal(DomainException refusal, CostView cost, MemberId me,
                                          CooperativeView cooperative) {
        var locale = LocaleContextHolder.getLocale();
        if (rules.closedPeriods(cost.cooperativeId()).contains(cost.date())) {
            return messages.getMessage("books.refused.closedPeriod", new Object[]{YearMonth.from(cost.date()).toString()}, locale);
        }
        if (refusal instanceof DomainException.RuleViolation && me.equals(cost.submittedBy())) {
            return messages.getMessage("books.refused.fourEyes.submitted", null, locale);
        }
        if (refusal instanceof DomainException.RuleViolation && me.equals(cost.paidBy())) {
            return messages.getMessage("books.refused.fourEyes.paid", null, locale);
        }
        if (refusal instanceof DomainException.Conflict && cost.firstApproval() != null
                && me.equals(cost.firstApproval().by())) {
            Money threshold = cooperative.policies().secondApprovalAbove();
            return messages.getMessage("books.refused.secondApproval",
                    new Object[]{formats.money(threshold)}, locale);
        }
        return refusal.getMessage();
    }

    // ---- the journal --------------------------------------------------------------------------

    record JournalRow(LocalDate date, String description, String category, String account, String memberName,
                      Money amount, Money memberBalance) {
    }

    @GetMapping("/journal")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    String journal(@PathVariable CooperativeId cooperativeId,
                   @RequestParam(required = false) String period,
                   @RequestParam(required = false) String member,
                   @RequestParam(required = false) String category,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        CooperativeView cooperative = access.cooperative(cooperativeId);
        Map<MemberId, String> names = profiles.names(cooperativeId);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        var locale = LocaleContextHolder.getLocale();
        YearMonth month = null;
        if (period != null && !period.isBlank()) {
            try {
                month = YearMonth.parse(period.strip());
            } catch (DateTimeParseException e) {
                fieldErrors.put("period", messages.getMessage("books.journal.period.invalid", null, locale));
            }
        }
        MemberId memberId = null;
        if (member != null && !member.isBlank()) {
            memberId = names.keySet().stream().filter(id -> id.toString().equals(member.strip())).findFirst().orElse(null);
            if (memberId == null) {
                fieldErrors.put("member", messages.getMessage("books.journal.member.invalid", null, locale));
            }
        }
        String categoryFilter = category == null || category.isBlank() ? null : category.strip();
        if (categoryFilter != null && !CATEGORY.matcher(categoryFilter).matches()) {
            fieldErrors.put("category", messages.getMessage("books.journal.category.invalid", null, locale));
        }
        int pageNumber = Math.max(0, page);
        List<JournalRow> rows = List.of();
        long total = 0;
        if (fieldErrors.isEmpty()) {
            JournalPage journal = queries.query(new FindJournal(cooperativeId,
                    month == null ? null : month.atDay(1), month == null ? null : month.atEndOfMonth(),
                    memberId, categoryFilter, pageNumber, JOURNAL_PAGE_SIZE), JournalPage.class).join();
            total = journal.totalLines();
            rows = journal.lines().stream().map(l -> new JournalRow(l.date(), l.description(), l.category(),
                    l.account(), l.memberId() == null ? null : names.getOrDefault(l.memberId(), "?"),
                    l.amount(), l.memberBalance())).toList();
        }
        model.addAttribute("cooperative", cooperative);
        model.addAttribute("tab", "journal");
        model.addAttribute("period", period == null ? "" : period);
        model.addAttribute("member", member == null ? "" : member);
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("members", byName(names));
        model.addAttribute("categories", categories(cooperativeId));
        model.addAttribute("rows", rows);
        model.addAttribute("page", pageNumber);
        model.addAttribute("first", total == 0 ? 0 : (long) pageNumber * JOURNAL_PAGE_SIZE + 1);
        model.addAttribute("last", (long) pageNumber * JOURNAL_PAGE_SIZE + rows.size());
        model.addAttribute("totalLines", total);
        model.addAttribute("hasNext", (long) (pageNumber + 1) * JOURNAL_PAGE_SIZE < total);
        return "books/journal";
    }

    private static Map<String, String> byName(Map<MemberId, String> names) {
        Map<String, String> sorted = new LinkedHashMap<>();
        names.entrySet().stream()
                .sorted(Map.Entry.<MemberId, String>comparingByValue(String::compareToIgnoreCase))
                .forEach(e -> sorted.put(e.getKey().toString(), e.getValue()));
        return sorted;
    }

    private List<String> categories(CooperativeId cooperativeId) {
        return new ArrayList<>(new TreeSet<>(categoryTotals(cooperativeId).stream().map(CategoryTotal::category).toList()));
    }

    // ---- balances and periods -----------------------------------------------------------------

    record CloseForm(String period) {
    }

    @GetMapping("/balances")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    String balances(@PathVariable CooperativeId cooperativeId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    Model model) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        model.addAttribute("cooperative", access.cooperative(cooperativeId));
        model.addAttribute("tab", "balances");
        model.addAttribute("sheet", reports.balances(cooperativeId, date));
        model.addAttribute("closedPeriods", rules.closedPeriods(cooperativeId).periods().stream()
                .sorted(Comparator.reverseOrder()).toList());
        if (!model.containsAttribute("closeForm")) {
            model.addAttribute("closeForm", new CloseForm(YearMonth.now(clock).minusMonths(1).toString()));
        }
        return "books/balances";
    }

    @PostMapping("/periods")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    String close(@PathVariable CooperativeId cooperativeId, @ModelAttribute("closeForm") CloseForm form,
                 BindingResult errors, Model model, RedirectAttributes redirect) {
        YearMonth month = null;
        try {
            month = YearMonth.parse(form.period() == null ? "" : form.period().strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue("period", "books.close.period.invalid");
        }
        if (month != null) {
            try {
                commands.sendAndWait(new ClosePeriod(cooperativeId, month, LocalDate.now(clock)));
                views.await();
                redirect.addFlashAttribute("closed", month.toString());
                return "redirect:/cooperatives/" + cooperativeId + "/books/balances";
            } catch (RuntimeException e) {
                DomainException refusal = refusal(e);
                errors.reject(refusal instanceof DomainException.Conflict
                        ? "books.close.alreadyClosed" : "books.close.notEnded", new Object[]{month.toString()}, null);
            }
        }
        return balances(cooperativeId, null, model);
    }

    // ---- shared costs per category per month --------------------------------------------------

    /** The chart's figures: one row per month, one column per category, and the months' totals. */
    record CategoryTable(List<YearMonth> months, List<String> categories, Map<YearMonth, Map<String, Money>> cells,
                         Map<YearMonth, Money> totals) {
    }

    @GetMapping("/chart")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    String chart(@PathVariable CooperativeId cooperativeId, Model model) throws JsonProcessingException {
        CooperativeView cooperative = access.cooperative(cooperativeId);
        CategoryTable table = table(categoryTotals(cooperativeId));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", table.months().stream().map(formats::month).toList());
        chart.put("locale", LocaleContextHolder.getLocale().toLanguageTag());
        chart.put("currency", cooperative.currency().getCurrencyCode());
        chart.put("series", table.categories().stream().map(category -> Map.of("name", category, "data",
                table.months().stream().map(m -> {
                    Money cell = table.cells().get(m).get(category);
                    return cell == null ? BigDecimal.ZERO : cell.amount();
                }).toList())).toList());
        model.addAttribute("cooperative", cooperative);
        model.addAttribute("tab", "chart");
        model.addAttribute("table", table);
        model.addAttribute("chartData", json.writeValueAsString(chart));
        return "books/chart";
    }

    private List<CategoryTotal> categoryTotals(CooperativeId cooperativeId) {
        return queries.query(new FindCategoryTotals(cooperativeId, null, null),
                ResponseTypes.multipleInstancesOf(CategoryTotal.class)).join();
    }

    static CategoryTable table(List<CategoryTotal> totals) {
        Map<YearMonth, Map<String, Money>> cells = new TreeMap<>();
        TreeSet<String> categories = new TreeSet<>();
        Map<YearMonth, Money> monthTotals = new TreeMap<>();
        for (CategoryTotal total : totals) {
            cells.computeIfAbsent(total.month(), m -> new TreeMap<>()).merge(total.category(), total.total(), Money::plus);
            categories.add(total.category());
            monthTotals.merge(total.month(), total.total(), Money::plus);
        }
        return new CategoryTable(new ArrayList<>(cells.keySet()), new ArrayList<>(categories), cells, monthTotals);
    }

    /** An unknown cost (an old link, a cost of another cooperative): the page says it does not exist. */
    @ExceptionHandler(DomainException.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    // ---- the exports, for the signed-in treasurer (the API's are for Basic auth) -------------

    @GetMapping("/ledger.journal")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    ResponseEntity<String> journalExport(@PathVariable CooperativeId cooperativeId) {
        return reports.journalExport(cooperativeId).response();
    }

    @GetMapping("/ledger.csv")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    ResponseEntity<String> csvExport(@PathVariable CooperativeId cooperativeId) {
        return reports.csvExport(cooperativeId).response();
    }
}
