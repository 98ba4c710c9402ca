package coop.cooperative.app.riskpool;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.web.Amounts;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.app.web.SendsLocation;
import coop.cooperative.core.riskpool.api.Tier;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.AccountEntry;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindAccountHistory;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindRiskPool;
import coop.cooperative.projections.riskpool.RiskPoolQueries.PoolMember;
import coop.cooperative.projections.riskpool.RiskPoolQueries.RiskPoolView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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

    private final RiskPoolMembership pool;
    private final RiskPoolPayouts payouts;
    private final QueryGateway queries;
    private final CooperativeAccess access;
    private final ClaimPrivacy privacy;
    private final Clock clock;

    RiskPoolController(RiskPoolMembership pool, RiskPoolPayouts payouts, QueryGateway queries, CooperativeAccess access,
                       ClaimPrivacy privacy, Clock clock) {
        this.pool = pool;
        this.payouts = payouts;
        this.queries = queries;
        this.access = access;
        this.privacy = privacy;
        this.clock = clock;
    }

    @Operation(summary = "The pool: balance, reserve and members", operationId = "getRiskPool")
    @GetMapping
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    PoolResponse pool(@PathVariable CooperativeId cooperativeId) {
        RiskPoolView view = view(cooperativeId);
        Money zero = Money.zero(access.cooperative(cooperativeId).currency());
        List<ClaimView> open = view.claims().stream().filter(ClaimView::isOpen).toList();
        Money balance = view.balance() != null ? view.balance() : zero;
        BigDecimal reserve = PoolFigures.reserveMonths(balance, PoolFigures.monthlyPayouts(open, zero));
        String reserveMonths = reserve == null ? null : reserve.toPlainString();
        return new PoolResponse(balance.toString(),
                view.members().stream().filter(m -> privacy.maySee(cooperativeId, m.memberId()))
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
        MemberView member = access.activeMember(cooperativeId, request.memberId());
        MemberId memberId = member.memberId();
        LocalDate today = LocalDate.now(clock);
        LocalDate enrolledOn = request.enrolledOn() != null ? request.enrolledOn() : today;
        if (enrolledOn.isAfter(today) || enrolledOn.isBefore(member.joinedOn())) {
            throw new InvalidRequestException("enrolledOn", "must lie between the day the member joined ("
                    + member.joinedOn() + ") and today");
        }
        pool.enrol(cooperativeId, memberId, tier, enrolledOn);
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
        Money tier = Amounts.positive("tier", request.tier(), access.cooperative(cooperativeId).currency());
        if (request.effectiveOn() != null && request.effectiveOn().isBefore(LocalDate.now(clock))) {
            throw new InvalidRequestException("effectiveOn", "must be today or later");
        }
        pool.changeTier(cooperativeId, memberId, tier, request.effectiveOn());
        return poolMember(cooperativeId, memberId);
    }

    @Operation(summary = "Let a member leave the pool", operationId = "leaveRiskPool")
    @PostMapping("/members/{memberId}/leave")
    @PreAuthorize("@access.isOrHolds(#cooperativeId, #memberId, 'TREASURER')")
    PoolResponse leave(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                       @Valid @RequestBody DateRequest request) {
        pool.leave(cooperativeId, memberId, request.date());
        return pool(cooperativeId);
    }

    /** A monthly deposit recorded as paid; its amount is the member's tier deposit. */
    @Operation(summary = "Record a member's monthly contribution", operationId = "recordContribution")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping("/contributions")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    ResponseEntity<MemberResponse> recordDeposit(@PathVariable CooperativeId cooperativeId,
                                                @Valid @RequestBody ContributionRequest request) {
        YearMonth month = month("month", request.month());
        pool.recordDeposit(cooperativeId, request.memberId(), month);
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

    /** Runs the payout job now for this cooperative (it also runs daily and at start-up). */
    @Operation(summary = "Pay the payouts that are due", operationId = "payDuePayouts")
    @PostMapping("/payouts")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    List<RiskPoolPayouts.Outcome> payDue(@PathVariable CooperativeId cooperativeId) {
        return payouts.payDue(cooperativeId, LocalDate.now(clock));
    }

    @Operation(summary = "Return what is above the cap at year end", operationId = "closeRiskPoolYear")
    @PostMapping("/year-end/{year}")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    PoolResponse yearEnd(@PathVariable CooperativeId cooperativeId, @PathVariable int year) {
        payouts.returnAboveCap(cooperativeId, year);
        return pool(cooperativeId);
    }

    /**
     * The pool's balance at the end of each of the next twelve months if every member keeps
     * depositing and every approved open claim is paid in full until its 24 months are used.
     */
    @Operation(summary = "The pool's balance projected month by month", operationId = "projectRiskPool")
    @GetMapping("/projection")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    List<PoolFigures.ProjectedMonth> projection(@PathVariable CooperativeId cooperativeId) {
        return PoolFigures.projection(view(cooperativeId), Money.zero(access.cooperative(cooperativeId).currency()),
                YearMonth.now(clock));
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

    /**
     * The request names the monthly deposit {@code monthlyContribution} (the API keeps its first name); the tier
     * may be given instead, or as well, for a client that thinks in tiers.
     */
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
                ClaimController.withheld(c));
    }

    private static OpenClaimResponse openClaim(ClaimView c) {
        return new OpenClaimResponse(c.claimId(), c.memberId(), c.startDate(), c.status().name(), c.payableFrom(),
                c.monthsPaid(), c.monthsLeft(), c.tier() != null ? c.tier().toString() : null, ClaimController.withheld(c));
    }

    record EnrolmentRequest(@NotNull MemberId memberId, String monthlyContribution, String tier, LocalDate enrolledOn) {
    }

    /** {@code effectiveOn}: by default the fund's next fixed date (today, if it is one). */
    record TierRequest(@NotBlank String tier, LocalDate effectiveOn) {
    }

    record ContributionRequest(@NotNull MemberId memberId, @NotBlank String month) {
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
                             List<ClaimController.WithheldResponse> withheldMonths) {
    }

    record AccountResponse(MemberId memberId, String tier, String monthlyDeposit, String balance,
                           List<EntryResponse> history) {
    }

    record EntryResponse(LocalDate date, String kind, String amount, YearMonth month, ClaimId claimId, String balance) {
    }

}
