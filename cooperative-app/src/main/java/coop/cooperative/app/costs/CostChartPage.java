package coop.cooperative.app.costs;

import coop.cooperative.app.pages.Formats;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.books.BookQueries.CategoryTotal;
import coop.cooperative.projections.books.BookQueries.FindCategoryTotals;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Approved shared costs per category per month: a chart, and the same figures as a table. */
@Controller
@RequestMapping("/cooperatives/{cooperativeId}/books")
class CostChartPage {

    private final CooperativeAccess access;
    private final QueryGateway queries;
    private final ObjectMapper json;
    private final Formats formats;
    private final BookWords words;

    CostChartPage(CooperativeAccess access, QueryGateway queries, ObjectMapper json, Formats formats, BookWords words) {
        this.access = access;
        this.words = words;
        this.queries = queries;
        this.json = json;
        this.formats = formats;
    }

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
        chart.put("series", table.categories().stream().map(category -> Map.of("name", words.category(category), "data",
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
}
