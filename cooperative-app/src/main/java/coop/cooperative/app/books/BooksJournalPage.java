package coop.cooperative.app.books;

import coop.cooperative.app.books.BookReports;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.core.costs.Category;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.books.BookQueries.CategoryTotal;
import coop.cooperative.projections.books.BookQueries.FindCategoryTotals;
import coop.cooperative.projections.books.BookQueries.FindJournal;
import coop.cooperative.projections.books.BookQueries.JournalPage;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The journal with its filters and running balances, and the two exports as downloads for the signed-in treasurer. */
@Controller
@RequestMapping("/cooperatives/{cooperativeId}/books")
class BooksJournalPage {

    private static final int JOURNAL_PAGE_SIZE = 100;

    private final CooperativeAccess access;
    private final BookReports reports;
    private final MemberProfiles profiles;
    private final QueryGateway queries;
    private final MessageSource messages;

    BooksJournalPage(CooperativeAccess access, BookReports reports, MemberProfiles profiles, QueryGateway queries, MessageSource messages) {
        this.access = access;
        this.reports = reports;
        this.profiles = profiles;
        this.queries = queries;
        this.messages = messages;
    }

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
        if (categoryFilter != null && !Category.isValid(categoryFilter)) {
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
        return new ArrayList<>(new TreeSet<>(queries.query(new FindCategoryTotals(cooperativeId, null, null),
                ResponseTypes.multipleInstancesOf(CategoryTotal.class)).join().stream().map(CategoryTotal::category).toList()));
    }

    // The API's exports are for Basic auth; these are the same files for the signed-in treasurer.
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
