package coop.cooperative.app.riskpool;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.app.web.SendsLocation;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindClaim;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Claims for illness: filing, the decision and the closing. A claim's details (who, since when,
 * why) are answered only to the claimant, treasurers and admins ({@link ClaimPrivacy}).
 */
@Tag(name = "Risk pool")
@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}/risk-pool/claims")
class ClaimController {

    private final RiskPoolClaims claims;
    private final ClaimReasons reasons;
    private final QueryGateway queries;
    private final CooperativeAccess access;
    private final ClaimPrivacy privacy;

    ClaimController(RiskPoolClaims claims, ClaimReasons reasons, QueryGateway queries, CooperativeAccess access,
                    ClaimPrivacy privacy) {
        this.claims = claims;
        this.reasons = reasons;
        this.queries = queries;
        this.access = access;
        this.privacy = privacy;
    }

    @Operation(summary = "File a claim for illness", operationId = "fileClaim")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping
    @PreAuthorize("@access.isOrHolds(#cooperativeId, #request.memberId(), 'TREASURER')")
    ResponseEntity<ClaimResponse> file(@PathVariable CooperativeId cooperativeId, @Valid @RequestBody ClaimRequest request) {
        MemberId memberId = access.activeMember(cooperativeId, request.memberId()).memberId();
        ClaimId claimId = claims.file(cooperativeId, memberId, request.startDate(), request.reason(),
                lateFiling(cooperativeId, request.lateFilingReason()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}").buildAndExpand(claimId.value()).toUri())
                .body(claimResponse(cooperativeId, claimId));
    }
    /** Only an admin accepts a claim filed more than 30 days after its start, and says why (the pool checks the days). */
    private RiskPoolClaims.LateFiling lateFiling(CooperativeId cooperativeId, String reason) {
        if (reason == null) {
            return null;
        }
        if (reason.isBlank()) {
            throw new InvalidRequestException("lateFilingReason", "must say why the late filing is accepted");
        }
        if (!access.holds(cooperativeId, "ADMIN")) {
            throw new AccessDeniedException("Only an admin accepts a claim filed late");
        }
        return new RiskPoolClaims.LateFiling(me(cooperativeId), reason);
    }
    private MemberId me(CooperativeId cooperativeId) {
        return access.currentMember(cooperativeId).map(MemberView::memberId)
                .orElseThrow(() -> new AccessDeniedException("Only a member of this cooperative decides here"));
    }
    /** A claim with its reason: for the claimant, treasurers and admins only. */
    @Operation(summary = "Get a claim", operationId = "getClaim")
    @GetMapping("/{claimId}")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    ClaimResponse claim(@PathVariable CooperativeId cooperativeId, @PathVariable ClaimId claimId) {
        ClaimView claim = findClaim(cooperativeId, claimId);
        if (!privacy.maySee(cooperativeId, claim.memberId())) {
            throw new AccessDeniedException("Only the claimant, treasurers and admins see a claim's details");
        }
        return claimResponse(cooperativeId, claimId);
    }
    @Operation(summary = "Approve a claim", operationId = "approveClaim")
    @PostMapping("/{claimId}/approve")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER') or @access.holds(#cooperativeId, 'ADMIN')")
    ClaimResponse approve(@PathVariable CooperativeId cooperativeId, @PathVariable ClaimId claimId) {
        findClaim(cooperativeId, claimId);
        claims.approve(cooperativeId, claimId, me(cooperativeId));
        return claimResponse(cooperativeId, claimId);
    }
    @Operation(summary = "Reject a claim", operationId = "rejectClaim")
    @PostMapping("/{claimId}/reject")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER') or @access.holds(#cooperativeId, 'ADMIN')")
    ClaimResponse reject(@PathVariable CooperativeId cooperativeId, @PathVariable ClaimId claimId) {
        findClaim(cooperativeId, claimId);
        claims.reject(cooperativeId, claimId);
        return claimResponse(cooperativeId, claimId);
    }
    @Operation(summary = "Close a claim when the member is back", operationId = "closeClaim")
    @PostMapping("/{claimId}/close")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    ClaimResponse close(@PathVariable CooperativeId cooperativeId, @PathVariable ClaimId claimId,
                        @Valid @RequestBody CloseRequest request) {
        ClaimView claim = findClaim(cooperativeId, claimId);
        if (!access.isOrHolds(cooperativeId, claim.memberId(), "TREASURER")) {
            throw new AccessDeniedException("Only the claimant or a treasurer closes a claim");
        }
        claims.close(cooperativeId, claimId, request.endDate());
        return claimResponse(cooperativeId, claimId);
    }
    private ClaimView findClaim(CooperativeId cooperativeId, ClaimId claimId) {
        return queries.query(new FindClaim(claimId), ResponseTypes.optionalInstanceOf(ClaimView.class)).join()
                .filter(c -> c.cooperativeId().equals(cooperativeId))
                .orElseThrow(() -> new NotFound(Refusal.POOL_CLAIM_NOT_FOUND, "No claim " + claimId + " in this cooperative", claimId));
    }
    private ClaimResponse claimResponse(CooperativeId cooperativeId, ClaimId claimId) {
        ClaimView c = findClaim(cooperativeId, claimId);
        return new ClaimResponse(c.claimId(), c.memberId(), c.startDate(), c.status().name(), c.payableFrom(),
                c.approvedOn(), c.endDate(), c.continues(), c.monthsPaid(), c.monthsLeft(),
                c.tier() != null ? c.tier().toString() : null, c.totalPaid().toString(), c.totalShortfall().toString(),
                reasons.of(claimId).orElse(null), c.payableUntil(), withheld(c), c.filedOn(), c.approvedBy(),
                reasons.lateFilingReasonOf(claimId).orElse(null));
    }
    static List<WithheldResponse> withheld(ClaimView c) {
        return c.withheld().stream().map(w -> new WithheldResponse(w.month(), w.enrolledMembers(), w.minimumMembers()))
                .toList();
    }
    /** {@code lateFilingReason}: an admin's reason to accept a start more than 30 days back; absent otherwise. */
    record ClaimRequest(@NotNull MemberId memberId, @NotNull LocalDate startDate,
                        @NotBlank @Size(max = 2000) String reason, @Size(max = 2000) String lateFilingReason) {
    }
    record CloseRequest(@NotNull LocalDate endDate) {
    }
    /**
     * {@code payableUntil}: the last day paid for; {@code withheldMonths}: months settled without a
     * payout and why; {@code approvedBy}: who approved; {@code lateFilingReason}: why an admin
     * accepted a late filing.
     */
    record ClaimResponse(ClaimId claimId, MemberId memberId, LocalDate startDate, String status, LocalDate payableFrom,
                         LocalDate approvedOn, LocalDate endDate, ClaimId continues, int monthsPaid, int monthsLeft,
                         String monthlyPayout, String totalPaid, String totalShortfall, String reason,
                         LocalDate payableUntil, List<WithheldResponse> withheldMonths, LocalDate filedOn,
                         MemberId approvedBy, String lateFilingReason) {
    }
    /** A month withheld: the pool had {@code enrolledMembers}, fewer than the {@code minimumMembers} it needs to pay. */
    record WithheldResponse(YearMonth month, Integer enrolledMembers, Integer minimumMembers) {
    }}
