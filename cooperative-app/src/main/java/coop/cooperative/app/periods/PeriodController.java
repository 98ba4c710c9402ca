package coop.cooperative.app.periods;

import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.projections.periods.PeriodQueries.ClosedPeriods;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** A treasurer closes a month; an admin may reopen it with a reason. */
@Tag(name = "Periods", description = "Closing and reopening months of the books")
@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}/periods")
class PeriodController {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final Periods periods;

    PeriodController(Periods periods) {
        this.periods = periods;
    }

    @Operation(summary = "List the closed months", operationId = "listClosedPeriods")
    @GetMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    ClosedPeriods closed(@PathVariable CooperativeId cooperativeId) {
        return periods.closed(cooperativeId);
    }

    @Operation(summary = "Close a month", operationId = "closePeriod")
    @PostMapping("/{period}/close")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    ClosedPeriods close(@PathVariable CooperativeId cooperativeId, @PathVariable String period) {
        YearMonth month = month(period);
        periods.close(cooperativeId, month);
        return closed(cooperativeId);
    }

    @Operation(summary = "Reopen a closed month, with a reason", operationId = "reopenPeriod")
    @PostMapping("/{period}/reopen")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")
    ClosedPeriods reopen(@PathVariable CooperativeId cooperativeId, @PathVariable String period,
                         @Valid @RequestBody ReopenRequest request) {
        YearMonth month = month(period);
        periods.reopen(cooperativeId, month, request.reason());
        return closed(cooperativeId);
    }

    /** Exactly YYYY-MM: YearMonth.parse alone takes a sign and more digits too (-2026-01, +10000-01). */
    private static YearMonth month(String text) {
        try {
            if (!MONTH.matcher(text).matches()) {
                throw new DateTimeParseException("not YYYY-MM", text, 0);
            }
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("period", "is not a month; expected YYYY-MM");
        }
    }

    record ReopenRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
