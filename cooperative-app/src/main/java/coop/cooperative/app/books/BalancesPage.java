package coop.cooperative.app.books;

import coop.cooperative.app.pages.RefusalWords;
import coop.cooperative.app.pages.Refusals;
import coop.cooperative.app.books.BookReports;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.periods.Periods;
import coop.cooperative.core.shared.CooperativeId;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/** Every member's balance as of a date, the closed periods, and closing a month. */
@Controller
@RequestMapping("/cooperatives/{cooperativeId}/books")
class BalancesPage {

    private final CooperativeAccess access;
    private final Periods periods;
    private final BookReports reports;
    private final Clock clock;
    private final RefusalWords refusals;

    BalancesPage(CooperativeAccess access, Periods periods, BookReports reports, Clock clock, RefusalWords refusals) {
        this.access = access;
        this.periods = periods;
        this.reports = reports;
        this.clock = clock;
        this.refusals = refusals;
    }

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
        model.addAttribute("vatReturn", reports.inputVat(cooperativeId, date.getYear()));
        model.addAttribute("closedPeriods", periods.closed(cooperativeId).periods().stream()
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
                // a parked view answers a 503 page, as the API does, not "not ended"
                periods.close(cooperativeId, month);
                redirect.addFlashAttribute("closed", month.toString());
                return "redirect:/cooperatives/" + cooperativeId + "/books/balances";
            } catch (RuntimeException e) {
                errors.reject("refused", refusals.say(Refusals.of(e)));
            }
        }
        return balances(cooperativeId, null, model);
    }
}
