package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The commands of the risk pool. Dates ("today") and policies arrive in the command: the pool
 * keeps no clock and does no lookups. A claim's reason never travels here; the app keeps it aside.
 */
public final class RiskPoolCommands {

    private RiskPoolCommands() {
    }

    /** Enrol a member at a payout level (tier); the first enrolment opens the cooperative's pool. */
    public record EnrolMember(@TargetAggregateIdentifier RiskPoolId riskPoolId, CooperativeId cooperativeId,
                              MemberId memberId, Money tier, int maximumMembers, LocalDate enrolledOn) {
    }

    /**
     * A tier change taking effect on {@code changedOn}, which must be one of the {@code changeDates};
     * one on a later day than {@code today} is announced and made on that day.
     */
    public record ChangeTier(@TargetAggregateIdentifier RiskPoolId riskPoolId, MemberId memberId, Money tier,
                             LocalDate changedOn, PoolChangeDates changeDates, LocalDate today) {
    }

    /** A treasurer records that a member's deposit for a month was paid. */
    public record RecordContribution(@TargetAggregateIdentifier RiskPoolId riskPoolId, MemberId memberId,
                                     YearMonth month, LocalDate paidOn) {
    }

    /**
     * {@code filedOn}: today; the start lies at most 30 days before it (the fund's notice period)
     * unless {@code lateFilingAcceptedBy}, an admin other than the claimant, accepts a later filing
     * (the app records their reason), and at most 30 days after it (a planned operation).
     */
    public record FileClaim(@TargetAggregateIdentifier RiskPoolId riskPoolId, ClaimId claimId, MemberId memberId,
                            LocalDate startDate, LocalDate filedOn, MemberId lateFilingAcceptedBy) {
    }

    /** {@code approvedBy}: the treasurer or admin deciding, who is never the claimant. */
    public record ApproveClaim(@TargetAggregateIdentifier RiskPoolId riskPoolId, ClaimId claimId, LocalDate approvedOn,
                               MemberId approvedBy) {
    }

    public record RejectClaim(@TargetAggregateIdentifier RiskPoolId riskPoolId, ClaimId claimId, LocalDate rejectedOn) {
    }

    public record CloseClaim(@TargetAggregateIdentifier RiskPoolId riskPoolId, ClaimId claimId, LocalDate endDate) {
    }

    /**
     * Pay a claim's month. Sent by the scheduler; the pool refuses a month it has already handled,
     * so sending it twice (after a restart, or from two nodes) never pays twice.
     */
    public record PayClaimMonth(@TargetAggregateIdentifier RiskPoolId riskPoolId, ClaimId claimId, YearMonth month,
                                int minimumMembers, LocalDate paidOn) {
    }

    /** Return to each member what their account holds above the cap, at the end of a year. */
    public record ReturnAboveCap(@TargetAggregateIdentifier RiskPoolId riskPoolId, int year, LocalDate returnedOn) {
    }

    /**
     * A member leaves the pool (or the cooperative): they give their share of the gifts due for the
     * month they leave in, and take what their account then holds. {@code leftOn} must be one of
     * the {@code changeDates} (leaving the cooperative leaves the pool on any day); one later than
     * {@code today} is announced and made on that day.
     */
    public record LeaveRiskPool(@TargetAggregateIdentifier RiskPoolId riskPoolId, MemberId memberId, LocalDate leftOn,
                                int minimumMembers, PoolChangeDates changeDates, LocalDate today) {
    }
}
