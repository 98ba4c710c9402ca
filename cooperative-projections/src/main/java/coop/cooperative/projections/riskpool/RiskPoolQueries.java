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

    /** The most months one claim (with those it continues) is paid; the aggregate enforces it. */
    public static final int MAXIMUM_MONTHS = 24;

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

    public record PoolMember(MemberId memberId, Money tier, Money monthlyDeposit, Money account, LocalDate enrolledOn,
                             LocalDate tierChangedOn) {
    }

    /**
     * A claim. {@code payableFrom}: the day its waiting period ends; {@code monthsPaid}: months
     * paid under this claim; {@code monthsLeft}: of the 24, after the months of claims it continues.
     */
    public record ClaimView(ClaimId claimId, CooperativeId cooperativeId, MemberId memberId, LocalDate startDate,
                            LocalDate payableFrom, ClaimStatus status, LocalDate approvedOn, LocalDate endDate,
                            ClaimId continues, int monthsCarried, int monthsPaid, int monthsLeft, Money tier,
                            Money totalPaid, Money totalShortfall, Set<YearMonth> monthsSettled) {

        public boolean isOpen() {
            return status == ClaimStatus.FILED || status == ClaimStatus.APPROVED;
        }
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
