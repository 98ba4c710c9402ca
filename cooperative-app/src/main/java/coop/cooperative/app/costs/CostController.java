package coop.cooperative.app.costs;

import coop.cooperative.app.costs.CostRequests.ReasonRequest;
import coop.cooperative.app.costs.CostRequests.ShareCostRequest;
import coop.cooperative.app.costs.CostResponses.CostResponse;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.app.web.Amounts;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.app.web.SendsLocation;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.costs.CostQueries.CostStatus;
import coop.cooperative.projections.costs.CostQueries.CostView;
import coop.cooperative.projections.costs.CostQueries.FindCosts;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Share a cost; a treasurer approves, rejects or reverses it; the queue shows what awaits a decision. */
@Tag(name = "Costs", description = "Shared costs and their approval")
@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}/costs")
class CostController {

    private final SharedCosts costs;
    private final BookRules rules;
    private final CooperativeAccess access;
    private final MemberProfiles profiles;
    private final QueryGateway queries;
    private final Clock clock;

    CostController(SharedCosts costs, BookRules rules, CooperativeAccess access, MemberProfiles profiles,
                   QueryGateway queries, Clock clock) {
        this.costs = costs;
        this.rules = rules;
        this.access = access;
        this.profiles = profiles;
        this.queries = queries;
        this.clock = clock;
    }

    /** Any member may share a cost they paid themselves; a treasurer may share any cost. */
    @Operation(summary = "Share a cost", operationId = "shareCost")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    ResponseEntity<CostResponse> share(@PathVariable CooperativeId cooperativeId,
                                       @Valid @RequestBody ShareCostRequest request) {
        CooperativeView cooperative = access.cooperative(cooperativeId);
        Money amount = CostRequests.amount(request.amount(), cooperative.currency());
        Money vat = request.vat() == null ? null : Amounts.notNegative("vat", request.vat(), cooperative.currency());
        MemberId caller = rules.caller(cooperativeId);
        if (!rules.callerHolds(cooperativeId, Role.TREASURER) && !caller.equals(request.paidBy())) {
            throw new AccessDeniedException("a member shares only costs they paid themselves");
        }
        Map<MemberId, MemberView> members = rules.members(cooperativeId);
        if (request.paidBy() != null && !members.containsKey(request.paidBy())) {
            throw new InvalidRequestException("paidBy", "is not a member of this cooperative");
        }
        Split split = CostRequests.split(request.split(), members,
                BookRules.sorted(BookRules.activeOn(members, request.date())),
                rules.hoursLogged(cooperativeId, YearMonth.from(request.date())), cooperative.currency());
        CostId costId = costs.share(cooperativeId, CostId.random(), new SharedCosts.NewCost(request.description(),
                amount, vat, request.date(), request.category(), request.paidBy(), split), caller, LocalDate.now(clock), null);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}").buildAndExpand(costId.value()).toUri())
                .body(response(cooperativeId, costs.find(cooperativeId, costId)));
    }

    @Operation(summary = "List the costs, optionally by status", operationId = "listCosts")
    @GetMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    List<CostResponse> list(@PathVariable CooperativeId cooperativeId,
                            @RequestParam(required = false) CostStatus status) {
        return responses(cooperativeId, find(cooperativeId, status));
    }

    /** The treasurer's queue: submitted costs awaiting a decision, oldest first, each with who may approve it. */
    @Operation(summary = "The treasurer's queue of costs awaiting a decision", operationId = "listCostQueue")
    @GetMapping("/queue")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    List<CostResponse> queue(@PathVariable CooperativeId cooperativeId) {
        List<CostView> oldestFirst = new ArrayList<>(find(cooperativeId, CostStatus.SUBMITTED));
        Collections.reverse(oldestFirst);
        return responses(cooperativeId, oldestFirst);
    }

    @Operation(summary = "Get a cost", operationId = "getCost")
    @GetMapping("/{costId}")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    CostResponse cost(@PathVariable CooperativeId cooperativeId, @PathVariable CostId costId) {
        return response(cooperativeId, costs.find(cooperativeId, costId));
    }

    /** A treasurer approves; an admin too, where too few treasurers may (the aggregate decides). */
    @Operation(summary = "Approve a cost", operationId = "approveCost")
    @PostMapping("/{costId}/approve")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER') or @access.holds(#cooperativeId, 'ADMIN')")
    CostResponse approve(@PathVariable CooperativeId cooperativeId, @PathVariable CostId costId) {
        costs.approve(cooperativeId, costId, rules.caller(cooperativeId), LocalDate.now(clock));
        return cost(cooperativeId, costId);
    }

    @Operation(summary = "Reject a cost, with a reason", operationId = "rejectCost")
    @PostMapping("/{costId}/reject")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    CostResponse reject(@PathVariable CooperativeId cooperativeId, @PathVariable CostId costId,
                        @Valid @RequestBody ReasonRequest request) {
        costs.reject(cooperativeId, costId, rules.caller(cooperativeId), LocalDate.now(clock), request.reason());
        return cost(cooperativeId, costId);
    }

    @Operation(summary = "Reverse an approved cost, with a reason", operationId = "reverseCost")
    @PostMapping("/{costId}/reverse")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    CostResponse reverse(@PathVariable CooperativeId cooperativeId, @PathVariable CostId costId,
                         @Valid @RequestBody ReasonRequest request) {
        costs.reverse(cooperativeId, costId, rules.caller(cooperativeId), LocalDate.now(clock), request.reason());
        return cost(cooperativeId, costId);
    }

    private List<CostView> find(CooperativeId cooperativeId, CostStatus status) {
        return queries.query(new FindCosts(cooperativeId, status), ResponseTypes.multipleInstancesOf(CostView.class)).join();
    }

    private CostResponse response(CooperativeId cooperativeId, CostView cost) {
        return responses(cooperativeId, List.of(cost)).get(0);
    }

    private List<CostResponse> responses(CooperativeId cooperativeId, List<CostView> costs) {
        Map<MemberId, String> names = profiles.names(cooperativeId);
        Map<MemberId, MemberView> members = rules.members(cooperativeId);
        Money threshold = access.cooperative(cooperativeId).policies().secondApprovalAbove();
        return costs.stream().map(c -> CostResponses.of(c, names,
                c.status() == CostStatus.SUBMITTED ? SharedCosts.approvers(c, members, threshold) : null)).toList();
    }
}
