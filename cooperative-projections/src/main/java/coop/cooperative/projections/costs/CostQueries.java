package coop.cooperative.projections.costs;

import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.Frequency;
import coop.cooperative.core.costs.api.RecurringCostId;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.costs.api.SplitMethod;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The queries the shared-costs and recurring-costs read models answer, and their views. */
public final class CostQueries {

    private CostQueries() {
    }

    public record FindCost(CooperativeId cooperativeId, CostId costId) {
    }

    /** Every cost of a cooperative, newest first; {@code status} null means all. */
    public record FindCosts(CooperativeId cooperativeId, CostStatus status) {
    }

    public enum CostStatus { SUBMITTED, APPROVED, REJECTED, REVERSED }

    public record ShareView(MemberId memberId, Money amount) {
    }

    public record Decision(MemberId by, LocalDate on, String reason) {
    }

    /**
     * A shared cost. {@code vat} is the VAT included in {@code amount}; {@code inputVat}: the
     * cooperative reclaims it (VAT-registered), so the shares add up to the amount less the VAT.
     * {@code secondApprovalAbove}: the threshold it was shared under (null for a cost shared before
     * costs recorded it: the policy of the day decides).
     */
    public record CostView(CostId costId, CooperativeId cooperativeId, String description, Money amount, LocalDate date,
                           String category, MemberId paidBy, SplitMethod splitMethod, List<ShareView> shares,
                           MemberId submittedBy, LocalDate submittedOn, RecurringCostId recurringCostId,
                           CostStatus status, Decision firstApproval, Decision approval, Decision rejection,
                           Decision reversal, Money vat, boolean inputVat, Money secondApprovalAbove) {

        /** Submitted and approved once, waiting for a second treasurer. */
        public boolean awaitingSecondApproval() {
            return status == CostStatus.SUBMITTED && firstApproval != null;
        }
    }

    /**
     * Per member, how many leftover cents (the cents a split leaves over, one each to some
     * participants) they carry in the cooperative's submitted and approved costs.
     */
    public record FindLeftoverCentsCarried(CooperativeId cooperativeId) {
    }

    public record LeftoverCentsCarried(Map<MemberId, Long> cents) {
    }

    public record FindRecurringCosts(CooperativeId cooperativeId) {
    }

    public record FindRecurringCost(RecurringCostId recurringCostId) {
    }

    /**
     * The occurrences on or before {@code today} that still need submitting or creating, in every
     * cooperative, oldest recurring cost first; at most {@link #MOST_PER_RUN}, so one run's work is
     * bounded and the next run goes on where it stopped.
     */
    public record FindDueOccurrences(LocalDate today) {
        public static final int MOST_PER_RUN = 500;
    }

    public record Occurrence(LocalDate date, CostId costId, boolean created) {
    }

    public record RecurringCostView(RecurringCostId recurringCostId, CooperativeId cooperativeId, String description,
                                    Money amount, String category, MemberId paidBy, Split split, Frequency frequency,
                                    LocalDate firstDate, LocalDate endDate, MemberId setUpBy, LocalDate setUpOn,
                                    List<Occurrence> occurrences) {
    }

    /**
     * An occurrence to act on: not claimed yet ({@code claimedAs} null), or claimed as that cost but
     * the cost not created yet (the sender stopped between the two commands).
     */
    public record DueOccurrence(RecurringCostView recurringCost, LocalDate date, CostId claimedAs) {
    }
}
