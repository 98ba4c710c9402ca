package coop.cooperative.app.riskpool;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.web.Amounts;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.app.web.SendsLocation;
import coop.cooperative.core.membership.api.Policies;
import coop.cooperative.core.riskpool.api.PoolChangeDates;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.ApproveClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.ChangeTier;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.CloseClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.EnrolMember;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.LeaveRiskPool;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.RecordContribution;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.RejectClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.ReturnAboveCap;
import coop.cooperative.core.riskpool.api.RiskPoolId;
import coop.cooperative.core.riskpool.api.Tier;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import coop.cooperative.projections.members.MemberQueries.FindMember;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.AccountEntry;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindAccountHistory;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindClaim;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindRiskPool;
import coop.cooperative.projections.riskpool.RiskPoolQueries.PoolMember;
import coop.cooperative.projections.riskpool.RiskPoolQueries.RiskPoolView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The risk pool: enrolments, deposits, claims and their payouts. Members see the pool and their
 * own account; treasurers record deposits and decide on claims; a claim's reason is shown only to
 * the claimant, treasurers and admins.
 */
@Tag(name = "Risk pool", description = "The solidarity fund for illness: enrolments, contributions, claims and payouts")
@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}/risk-pool")
class RiskPoolController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final CooperativeAccess access;
    private final RiskPoolClaims claims;
    private final ClaimReasons reasons;
    private final RiskPoolPayouts payouts;
    private final ClaimPrivacy privacy;
    private final Clock clock;

    RiskPoolController(CommandGateway commands, QueryGateway queries, CooperativeAccess access, RiskPoolClaims claims,
                       ClaimReasons reasons, RiskPoolPayouts payouts, ClaimPrivacy privacy,
                       Clock clock) {
        this.privacy = privacy;
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.claims = claims;
        this.reasons = reasons;
        this.payouts = payouts;
        this.clock = clock;
    }

    @Operation(summary = "The pool: balance, reserve and members", operationId = "getRiskPool")
    @GetMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    PoolResponse pool(@PathVariable CooperativeId cooperativeId) {
        RiskPoolView pool = view(cooperativeId);
        Money zero = Money.zero(access.cooperative(cooperativeId).currency());
        List<ClaimView> open = pool.claims().stream().filter(ClaimView::isOpen).toList();
        Money balance = pool.balance() != null ? pool.balance() : zero;
        BigDecimal reserve = PoolFigures.reserveMonths(balance, PoolFigures.monthlyPayouts(open, zero));
        String reserveMonths = reserve == null ? null : reserve.toPlainString();
        return new PoolResponse(balance.toString(),
                pool.members().stream().filter(m -> privacy.maySee(cooperativeId, m.memberId()))
                        .map(RiskPoolController::member).toList(),
                open.stream().map(c -> privacy.maySee(cooperativeId, c.memberId()) ? openClaim(c) : aColleagues(c))
                        .toList(),
                reserveMonths);
    }

    @Operation(summary = "Enrol a member in the pool", operationId = "enrolInRiskPool")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping("/enrolments")
    @PreAuthorize("@access.isOrHolds(#cooperativeId, #request.memberId(), 'TREASURER')")
    ResponseEntity<MemberResponse> enrol(@PathVariable CooperativeId cooperativeId,
                                         @Valid @RequestBody EnrolmentRequest request) {
        CooperativeView cooperative = access.cooperative(cooperativeId);
        Money tier = tierOf(request, cooperative);
        MemberView member = activeMember(cooperativeId, request.memberId());
        MemberId memberId = member.memberId();
        LocalDate today = LocalDate.now(clock);
        LocalDate enrolledOn = request.enrolledOn() != null ? request.enrolledOn() : today;
        if (enrolledOn.isAfter(today) || enrolledOn.isBefore(member.joinedOn())) {
            throw new InvalidRequestException("enrolledOn", "must lie between the day the member joined ("
                    + member.joinedOn() + ") and today");
        }
        commands.sendAndWait(new EnrolMember(RiskPoolId.of(cooperativeId), cooperativeId, memberId, tier,
                cooperative.policies().riskPoolMaximumMembers(), enrolledOn));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/cooperatives/{cid}/risk-pool/members/{mid}/account")
                        .buildAndExpand(cooperativeId.value(), memberId.value()).toUri())
                .body(poolMember(cooperativeId, memberId));
    }

    @Operation(summary = "Change a member's tier", operationId = "changeRiskPoolTier")
    @PostMapping("/members/{memberId}/tier")
    @PreAuthorize("@access.isOrHolds(#cooperativeId, #memberId, 'TREASURER')")
    MemberResponse changeTier(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                              @Valid @RequestBody TierRequest request) {
        CooperativeView cooperative = access.cooperative(cooperativeId);
        Money tier = Amounts.positive("tier", request.tier(), cooperative.currency());
        PoolChangeDates changeDates = cooperative.policies().riskPoolChangeDates();
        LocalDate today = LocalDate.now(clock);
        LocalDate effectiveOn = request.effectiveOn() != null ? request.effectiveOn() : changeDates.firstFrom(today);
        if (effectiveOn.isBefore(today)) {
            throw new InvalidRequestException("effectiveOn", "must be today or later");
        }
        commands.sendAndWait(new ChangeTier(RiskPoolId.of(cooperativeId), memberId, tier, effectiveOn, changeDates, today));
        return poolMember(cooperativeId, memberId);
    }

    @Operation(summary = "Let a member leave the pool", operationId = "leaveRiskPool")
    @PostMapping("/members/{memberId}/leave")
    @PreAuthorize("@access.isOrHolds(#cooperativeId, #memberId, 'TREASURER')")
    PoolResponse leave(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                       @Valid @RequestBody DateRequest request) {
        Policies policies = access.cooperative(cooperativeId).policies();
        commands.sendAndWait(new LeaveRiskPool(RiskPoolId.of(cooperativeId), memberId, request.date(),
                policies.riskPoolMinimumMembers(), policies.riskPoolChangeDates(), LocalDate.now(clock)));
        return pool(cooperativeId);
    }

    /** A monthly deposit recorded as paid; its amount is the member's tier deposit. */
    @Operation(summary = "Record a member's monthly contribution", operationId = "recordContribution")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping("/contributions")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    ResponseEntity<MemberResponse> contribution(@PathVariable CooperativeId cooperativeId,
                                                @Valid @RequestBody ContributionRequest request) {
        YearMonth month = month("month", request.month());
        commands.sendAndWait(new RecordContribution(RiskPoolId.of(cooperativeId), request.memberId(), month,
                LocalDate.now(clock)));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/cooperatives/{cid}/risk-pool/members/{mid}/account")
                        .buildAndExpand(cooperativeId.value(), request.memberId().value()).toUri())
                .body(poolMember(cooperativeId, request.memberId()));
    }

    @Operation(summary = "A member's pool account and its history", operationId = "getRiskPoolAccount")
    @GetMapping("/members/{memberId}/account")
    @PreAuthorize("@access.isOrHolds(#cooperativeId, #memberId, 'TREASURER')")
    AccountResponse account(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId) {
        List<AccountEntry> entries = queries.query(new FindAccountHistory(cooperativeId, memberId),
                ResponseTypes.multipleInstancesOf(AccountEntry.class)).join();
        Optional<PoolMember> member = view(cooperativeId).members().stream()
                .filter(m -> m.memberId().equals(memberId)).findFirst();
        if (member.isEmpty() && entries.isEmpty()) {
            throw new NotFound(Refusal.POOL_NO_ACCOUNT, "Member " + memberId + " has no account in the risk pool", memberId);
        }
        return new AccountResponse(memberId, member.map(m -> m.tier().toString()).orElse(null),
                member.map(m -> m.monthlyDeposit().toString()).orElse(null),
                entries.isEmpty() ? "0.00" : entries.get(entries.size() - 1).balance().toString(),
                entries.stream().map(e -> new EntryResponse(e.date(), e.kind().name(), e.amount().toString(),
                        e.month(), e.claimId(), e.balance().toString())).toList());
    }

    @Operation(summary = "File a claim for illness", operationId = "fileClaim")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping("/claims")
    @PreAuthorize("@access.isOrHolds(#cooperativeId, #request.memberId(), 'TREASURER')")
    ResponseEntity<ClaimResponse> file(@PathVariable CooperativeId cooperativeId, @Valid @RequestBody ClaimRequest request) {
        MemberId memberId = activeMember(cooperativeId, request.memberId()).memberId();
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
    @GetMapping("/claims/{claimId}")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    ClaimResponse claim(@PathVariable CooperativeId cooperativeId, @PathVariable ClaimId claimId) {
        ClaimView claim = findClaim(cooperativeId, claimId);
        if (!privacy.maySee(cooperativeId, claim.memberId())) {
            throw new AccessDeniedException("Only the claimant, treasurers and admins see a claim's details");
        }
        return claimResponse(cooperativeId, claimId);
    }

    @Operation(summary = "Approve a claim", operationId = "approveClaim")
    @PostMapping("/claims/{claimId}/approve")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER') or @access.holds(#cooperativeId, 'ADMIN')")
    ClaimResponse approve(@PathVariable CooperativeId cooperativeId, @PathVariable ClaimId claimId) {
        findClaim(cooperativeId, claimId);
        commands.sendAndWait(new ApproveClaim(RiskPoolId.of(cooperativeId), claimId, LocalDate.now(clock),
                me(cooperativeId)));
        return claimResponse(cooperativeId, claimId);
    }

    @Operation(summary = "Reject a claim", operationId = "rejectClaim")
    @PostMapping("/claims/{claimId}/reject")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER') or @access.holds(#cooperativeId, 'ADMIN')")
    ClaimResponse reject(@PathVariable CooperativeId cooperativeId, @PathVariable ClaimId claimId) {
        findClaim(cooperativeId, claimId);
        commands.sendAndWait(new RejectClaim(RiskPoolId.of(cooperativeId), claimId, LocalDate.now(clock)));
        return claimResponse(cooperativeId, claimId);
    }

    @Operation(summary = "Close a claim when the member is back", operationId = "closeClaim")
    @PostMapping("/claims/{claimId}/close")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    ClaimResponse close(@PathVariable CooperativeId cooperativeId, @PathVariable ClaimId claimId,
                        @Valid @RequestBody CloseRequest request) {
        ClaimView claim = findClaim(cooperativeId, claimId);
        if (!access.isOrHolds(cooperativeId, claim.memberId(), "TREASURER")) {
            throw new AccessDeniedException("Only the claimant or a treasurer closes a claim");
        }
        commands.sendAndWait(new CloseClaim(RiskPoolId.of(cooperativeId), claimId, request.endDate()));
        return claimResponse(cooperativeId, claimId);
    }

    /** Runs the payout job now for this cooperative (it also runs daily and at start-up). */
    @Operation(summary = "Pay the payouts that are due", operationId = "payDuePayouts")
    @PostMapping("/payouts")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    List<RiskPoolPayouts.Outcome> payDue(@PathVariable CooperativeId cooperativeId) {
        List<RiskPoolPayouts.Outcome> outcomes = payouts.payDue(cooperativeId, LocalDate.now(clock));
        return outcomes;
    }

    @Operation(summary = "Return what is above the cap at year end", operationId = "closeRiskPoolYear")
    @PostMapping("/year-end/{year}")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    PoolResponse yearEnd(@PathVariable CooperativeId cooperativeId, @PathVariable int year) {
        commands.sendAndWait(new ReturnAboveCap(RiskPoolId.of(cooperativeId), year, LocalDate.now(clock)));
        return pool(cooperativeId);
    }

    /**
     * The pool's balance at the end of each of the next twelve months if every member keeps
     * depositing and every approved open claim is paid in full until its 24 months are used.
     */
    @Operation(summary = "The pool's balance projected month by month", operationId = "projectRiskPool")
    @GetMapping("/projection")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    List<ProjectedMonth> projection(@PathVariable CooperativeId cooperativeId) {
        RiskPoolView pool = view(cooperativeId);
        Money zero = Money.zero(access.cooperative(cooperativeId).currency());
        Money deposits = pool.members().stream().map(PoolMember::monthlyDeposit).reduce(zero, Money::plus);
        List<ClaimView> paying = pool.claims().stream().filter(ClaimView::isPaying).toList();
        Money balance = pool.balance() != null ? pool.balance() : zero;
        YearMonth month = YearMonth.now(clock);
        List<ProjectedMonth> months = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            YearMonth next = month.plusMonths(i);
            int ahead = i;
            Money out = paying.stream().filter(c -> c.monthsLeft() >= ahead).map(ClaimView::tier).reduce(zero, Money::plus);
            balance = balance.plus(deposits).minus(out);
            months.add(new ProjectedMonth(next, deposits.toString(), out.toString(), balance.toString()));
        }
        return months;
    }

    private RiskPoolView view(CooperativeId cooperativeId) {
        return queries.query(new FindRiskPool(cooperativeId), RiskPoolView.class).join();
    }

    private MemberResponse poolMember(CooperativeId cooperativeId, MemberId memberId) {
        return view(cooperativeId).members().stream().filter(m -> m.memberId().equals(memberId))
                .map(RiskPoolController::member).findFirst()
                .orElseThrow(() -> new NotFound(Refusal.POOL_MEMBER_NOT_ENROLLED, "Member " + memberId + " is not enrolled in the risk pool",
                        memberId));
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

    /** The member, if an active member of this cooperative; anyone else is as unknown as a made-up id. */
    private MemberView activeMember(CooperativeId cooperativeId, MemberId memberId) {
        return queries.query(new FindMember(memberId), ResponseTypes.optionalInstanceOf(MemberView.class)).join()
                .filter(m -> m.cooperativeId().equals(cooperativeId) && m.isMember())
                .orElseThrow(() -> new NotFound(Refusal.MEMBER_NOT_FOUND, "No member " + memberId + " in this cooperative", memberId));
    }

    /** DESIGN's contract names the deposit ({@code monthlyContribution}); the tier may be given instead, or as well. */
    private static Money tierOf(EnrolmentRequest request, CooperativeView cooperative) {
        Money tier = request.tier() == null ? null : Amounts.positive("tier", request.tier(), cooperative.currency());
        if (request.monthlyContribution() == null) {
            if (tier == null) {
                throw new InvalidRequestException("monthlyContribution", "is required (or give the tier)");
            }
            return tier;
        }
        Money deposit = Amounts.positive("monthlyContribution", request.monthlyContribution(), cooperative.currency());
        Money matching = Tier.forDeposit(deposit).orElseThrow(() -> new InvalidRequestException("monthlyContribution",
                "must be the deposit of one of the tiers: " + Tier.levels(cooperative.currency()).stream()
                        .map(l -> Tier.depositFor(l) + " (tier " + l + ")").collect(Collectors.joining(", "))));
        if (tier != null && !tier.equals(matching)) {
            throw new InvalidRequestException("tier", "does not match the monthly contribution " + deposit);
        }
        return matching;
    }

    private static YearMonth month(String field, String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidRequestException(field, "is not a month; expected YYYY-MM");
        }
    }

    private static MemberResponse member(PoolMember m) {
        return new MemberResponse(m.memberId(), m.tier().toString(), m.monthlyDeposit().toString(), m.account().toString(),
                m.nextTier() == null ? null : m.nextTier().toString(), m.nextTierOn(), m.leavesOn());
    }

    /** A colleague's open claim: that it is there and how far along, never whose, since when, or at what tier. */
    private static OpenClaimResponse aColleagues(ClaimView c) {
        return new OpenClaimResponse(null, null, null, c.status().name(), null, c.monthsPaid(), c.monthsLeft(), null,
                withheld(c));
    }

    private static OpenClaimResponse openClaim(ClaimView c) {
        return new OpenClaimResponse(c.claimId(), c.memberId(), c.startDate(), c.status().name(), c.payableFrom(),
                c.monthsPaid(), c.monthsLeft(), c.tier() != null ? c.tier().toString() : null, withheld(c));
    }

    private static List<WithheldResponse> withheld(ClaimView c) {
        return c.withheld().stream().map(w -> new WithheldResponse(w.month(), w.enrolledMembers(), w.minimumMembers()))
                .toList();
    }

    record EnrolmentRequest(@NotNull MemberId memberId, String monthlyContribution, String tier, LocalDate enrolledOn) {
    }

    /** {@code effectiveOn}: by default the fund's next fixed date (today, if it is one). */
    record TierRequest(@NotBlank String tier, LocalDate effectiveOn) {
    }

    record ContributionRequest(@NotNull MemberId memberId, @NotBlank String month) {
    }

    /** {@code lateFilingReason}: an admin's reason to accept a start more than 30 days back; absent otherwise. */
    record ClaimRequest(@NotNull MemberId memberId, @NotNull LocalDate startDate,
                        @NotBlank @Size(max = 2000) String reason, @Size(max = 2000) String lateFilingReason) {
    }

    record CloseRequest(@NotNull LocalDate endDate) {
    }

    record DateRequest(@NotNull LocalDate date) {
    }

    /** {@code members}: every enrolled member for treasurers and admins; a plain member's own account only. */
    record PoolResponse(String balance, List<MemberResponse> members, List<OpenClaimResponse> openClaims,
                        String reserveMonths) {
    }

    /** {@code nextTier} from {@code nextTierOn}, {@code leavesOn}: changes announced for a later day, else null. */
    record MemberResponse(MemberId memberId, String tier, String monthlyDeposit, String account, String nextTier,
                          LocalDate nextTierOn, LocalDate leavesOn) {
    }

    /**
     * An open claim: no reason, ever; who, since when and at what tier only for the claimant,
     * treasurers and admins (ClaimPrivacy), the rest null.
     */
    record OpenClaimResponse(ClaimId claimId, MemberId memberId, LocalDate startDate, String status,
                             LocalDate payableFrom, int monthsPaid, int monthsLeft, String monthlyPayout,
                             List<WithheldResponse> withheldMonths) {
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
    }

    record AccountResponse(MemberId memberId, String tier, String monthlyDeposit, String balance,
                           List<EntryResponse> history) {
    }

    record EntryResponse(LocalDate date, String kind, String amount, YearMonth month, ClaimId claimId, String balance) {
    }

    record ProjectedMonth(YearMonth month, String deposits, String payouts, String balance) {
    }
}
