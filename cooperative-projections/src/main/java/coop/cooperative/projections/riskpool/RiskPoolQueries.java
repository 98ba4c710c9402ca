package coop.cooperative.projections.riskpool;

import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/** The queries the risk-pool read model answers, and the views it answers with. */
public final class RiskPoolQueries {

    private RiskPoolQueries() {
    }

    /** The pool of a cooperative; answers an empty pool when nobody enrolled yet. */
    public record FindRiskPool(CooperativeId cooperativeId) {
    }

    public record FindAccountHistory(CooperativeId cooperativeId, MemberId memberId) {
    }

    public record FindClaim(ClaimId claimId) {
    }

    /** Approved claims, in every cooperative, that may still have a month to pay: for the payout scheduler. */
    public record FindPayableClaims() {
    }

    public enum ClaimStatus { FILED, APPROVED, REJECTED, CLOSED }

    public enum EntryKind {
        /** A monthly deposit paid in. */
        DEPOSIT,
        /** A gift to a colleague's payout, taken from the account. */
        GIFT,
        /** Above the cap at year-end, returned to the member. */
        CAP_RETURN,
        /** The balance the member took on leaving the pool. */
        LEFT
    }

    public record RiskPoolView(CooperativeId cooperativeId, String currency, Money balance,
                               List<PoolMember> members, List<ClaimView> claims) {
    }

    /** {@code nextTier} from {@code nextTierOn}, and {@code leavesOn}: changes announced for a later day, or null. */
    public record PoolMember(MemberId memberId, Money tier, Money monthlyDeposit, Money account, LocalDate enrolledOn,
                             LocalDate tierChangedOn, Money nextTier, LocalDate nextTierOn, LocalDate leavesOn) {
    }

    /** Announced changes due on or before {@code upTo}, in every cooperative: for the daily run that makes them. */
    public record FindAnnouncedChanges(LocalDate upTo) {
    }

    /** A member's announced change that is due: a tier ({@code tier} from {@code tierOn}) and/or leaving ({@code leavesOn}). */
    public record AnnouncedChange(CooperativeId cooperativeId, MemberId memberId, Money tier, LocalDate tierOn,
                                  LocalDate leavesOn) {
    }

    /**
     * A claim. {@code payableFrom}: the day its waiting period ends; {@code payableUntil}: the last
     * day it is paid for (its end date, or the end of its 24 months); {@code monthsPaid}: months
     * paid under this claim; {@code monthsLeft}: calendar months still to pay up to
     * {@code payableUntil}, the last possibly in part; {@code withheld}: months settled without a
     * payout because the pool had too few members. {@code filedOn}, {@code approvedBy}: null for
     * claims from before they were recorded.
     */
    public record ClaimView(ClaimId claimId, CooperativeId cooperativeId, MemberId memberId, LocalDate startDate,
                            LocalDate payableFrom, ClaimStatus status, LocalDate approvedOn, LocalDate endDate,
                            ClaimId continues, int monthsCarried, int monthsPaid, int monthsLeft, Money tier,
                            Money totalPaid, Money totalShortfall, Set<YearMonth> monthsSettled, LocalDate payableUntil,
                            List<WithheldMonth> withheld, LocalDate filedOn, MemberId approvedBy) {

        public boolean isOpen() {
            return status == ClaimStatus.FILED || status == ClaimStatus.APPROVED;
        }

        /** Approved, open and with months still to pay: what the pool pays out each month. */
        public boolean isPaying() {
            return isOpen() && approvedOn != null && tier != null && monthsLeft > 0;
        }
    }

    /** A month settled without a payout: {@code enrolledMembers} were in the pool, {@code minimumMembers} needed (null before recorded). */
    public record WithheldMonth(YearMonth month, Integer enrolledMembers, Integer minimumMembers) {
    }

    public record AccountEntry(LocalDate date, EntryKind kind, Money amount, YearMonth month, ClaimId claimId,
                               Money balance) {
    }

    /** The pool's balance at the end of each month, from the month of its first entry to the month of its last. */
    public record FindPoolHistory(CooperativeId cooperativeId) {
    }

    /** One month of the pool: what came in (deposits), what went out (gifts, returns), the balance at its end. */
    public record PoolMonth(YearMonth month, Money paidIn, Money paidOut, Money balance) {
    }
}
