package coop.cooperative.app.riskpool;

import coop.cooperative.core.riskpool.api.RiskPoolCommands.ApproveClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.CloseClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.FileClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.RejectClaim;
import coop.cooperative.core.riskpool.api.RiskPoolId;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Claims for illness: filing (the reason is stored in the same transaction as the command, so a
 * refused claim leaves none), and a treasurer's or admin's decision on them.
 */
@Service
public class RiskPoolClaims {

    private final CommandGateway commands;
    private final ClaimReasons reasons;
    private final Clock clock;

    RiskPoolClaims(CommandGateway commands, ClaimReasons reasons, Clock clock) {
        this.clock = clock;
        this.commands = commands;
        this.reasons = reasons;
    }

    /**
     * @param lateFiling the admin who accepts a start more than 30 days back, and why; null for a
     *                   claim filed in time
     */
    @Transactional
    ClaimId file(CooperativeId cooperativeId, MemberId memberId, LocalDate startDate, String reason,
                 LateFiling lateFiling) {
        return file(cooperativeId, memberId, startDate, reason, lateFiling, LocalDate.now(clock));
    }

    /** As filed on {@code filedOn}: for the demo's history. */
    @Transactional
    ClaimId file(CooperativeId cooperativeId, MemberId memberId, LocalDate startDate, String reason,
                 LateFiling lateFiling, LocalDate filedOn) {
        ClaimId claimId = ClaimId.random();
        reasons.add(claimId, cooperativeId, memberId, reason, lateFiling == null ? null : lateFiling.reason());
        commands.sendAndWait(new FileClaim(RiskPoolId.of(cooperativeId), claimId, memberId, startDate, filedOn,
                lateFiling == null ? null : lateFiling.acceptedBy()));
        return claimId;
    }

    /** Approved today by {@code approver}; the pool refuses the claimant approving their own claim. */
    void approve(CooperativeId cooperativeId, ClaimId claimId, MemberId approver) {
        approve(cooperativeId, claimId, approver, LocalDate.now(clock));
    }

    /** As approved on {@code approvedOn}: for the demo's history. */
    void approve(CooperativeId cooperativeId, ClaimId claimId, MemberId approver, LocalDate approvedOn) {
        commands.sendAndWait(new ApproveClaim(RiskPoolId.of(cooperativeId), claimId, approvedOn, approver));
    }

    void reject(CooperativeId cooperativeId, ClaimId claimId) {
        commands.sendAndWait(new RejectClaim(RiskPoolId.of(cooperativeId), claimId, LocalDate.now(clock)));
    }

    /** The member is back: the claim ends on {@code endDate}, its last day of illness. */
    void close(CooperativeId cooperativeId, ClaimId claimId, LocalDate endDate) {
        commands.sendAndWait(new CloseClaim(RiskPoolId.of(cooperativeId), claimId, endDate));
    }

    /**
     * The reasons of a claim: health data, for the claimant, treasurers and admins only (the caller
     * checks who asks). Both null when the claim has no stored reasons (erased, or an unknown claim).
     */
    public Reasons reasonsOf(ClaimId claimId) {
        return new Reasons(reasons.of(claimId).orElse(null), reasons.lateFilingReasonOf(claimId).orElse(null));
    }

    /** {@code lateFilingReason}: why an admin accepted a claim filed late; null for one filed in time. */
    public record Reasons(String reason, String lateFilingReason) {
    }

    /** An admin's acceptance of a claim filed more than 30 days after it started. */
    record LateFiling(MemberId acceptedBy, String reason) {
    }
}
