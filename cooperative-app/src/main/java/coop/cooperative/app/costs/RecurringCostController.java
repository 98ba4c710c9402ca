package coop.cooperative.app.costs;

import coop.cooperative.app.costs.CostRequests.SplitRequest;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.app.web.SendsLocation;
import coop.cooperative.core.costs.api.Frequency;
import coop.cooperative.core.costs.api.RecurringCostId;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.costs.CostQueries.FindRecurringCosts;
import coop.cooperative.projections.costs.CostQueries.Occurrence;
import coop.cooperative.projections.costs.CostQueries.RecurringCostView;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import coop.cooperative.app.membership.CooperativeAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A treasurer sets up a recurring shared cost; each occurrence is submitted on its date. */
@Tag(name = "Costs")
@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}/recurring-costs")
class RecurringCostController {

    private final QueryGateway queries;
    private final BookRules rules;
    private final CooperativeAccess access;
    private final RecurringCosts recurring;

    RecurringCostController(QueryGateway queries, BookRules rules, CooperativeAccess access, RecurringCosts recurring) {
        this.queries = queries;
        this.rules = rules;
        this.access = access;
        this.recurring = recurring;
    }

    record RecurringCostRequest(@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be one line") String description,
                                @NotNull String amount,
                                @NotNull @Pattern(regexp = CostRequests.CATEGORY, message = "must be a lowercase word such as insurance or software") String category,
                                MemberId paidBy,
                                @NotNull @Valid SplitRequest split,
                                @NotNull Frequency frequency,
                                @NotNull LocalDate firstDate,
                                @NotNull LocalDate endDate) {
    }

    record OccurrenceResponse(LocalDate date, String costId, boolean created) {
    }

    record RecurringCostResponse(RecurringCostId recurringCostId, String description, String amount, String category,
                                 MemberId paidBy, String splitMethod, List<MemberId> participants, List<String> weights,
                                 Frequency frequency, LocalDate firstDate, LocalDate endDate, MemberId setUpBy,
                                 LocalDate setUpOn, List<OccurrenceResponse> occurrences) {
    }

    @Operation(summary = "Set up a recurring cost", operationId = "setUpRecurringCost")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    ResponseEntity<RecurringCostResponse> setUp(@PathVariable CooperativeId cooperativeId,
                                                @Valid @RequestBody RecurringCostRequest request) {
        CooperativeView cooperative = access.cooperative(cooperativeId);
        Money amount = CostRequests.amount(request.amount(), cooperative.currency());
        Map<MemberId, MemberView> members = rules.members(cooperativeId);
        if (request.paidBy() != null && !members.containsKey(request.paidBy())) {
            throw new InvalidRequestException("paidBy", "is not a member of this cooperative");
        }
        // An EQUAL split without participants stays open: everyone active on each occurrence's date.
        Split split = CostRequests.split(request.split(), members, List.of(), null, cooperative.currency());
        RecurringCostId id = recurring.setUp(cooperativeId, request.description(), amount, request.category(),
                request.paidBy(), split, request.frequency(), request.firstDate(), request.endDate(),
                rules.caller(cooperativeId));
        RecurringCostResponse body = list(cooperativeId).stream()
                .filter(r -> r.recurringCostId().equals(id)).findFirst().orElseThrow();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}").buildAndExpand(id.value()).toUri()).body(body);
    }

    @Operation(summary = "List the recurring costs", operationId = "listRecurringCosts")
    @GetMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    List<RecurringCostResponse> list(@PathVariable CooperativeId cooperativeId) {
        return queries.query(new FindRecurringCosts(cooperativeId),
                        ResponseTypes.multipleInstancesOf(RecurringCostView.class)).join().stream()
                .map(RecurringCostController::response)
                .toList();
    }

    private static RecurringCostResponse response(RecurringCostView r) {
        return new RecurringCostResponse(r.recurringCostId(), r.description(), r.amount().toString(), r.category(),
                r.paidBy(), r.split().method().name(), r.split().participants(),
                r.split().weights().stream().map(BigDecimal::toPlainString).toList(), r.frequency(), r.firstDate(),
                r.endDate(), r.setUpBy(), r.setUpOn(),
                r.occurrences().stream().map(RecurringCostController::occurrence).toList());
    }

    private static OccurrenceResponse occurrence(Occurrence o) {
        return new OccurrenceResponse(o.date(), o.costId().toString(), o.created());
    }
}
