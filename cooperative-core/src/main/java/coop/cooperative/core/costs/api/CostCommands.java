package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Set;

/**
 * The commands of a shared cost. What a decision needs that the aggregate cannot know (today,
 * who is active, how many treasurers there are, the policy threshold) is computed by the sender
 * from the read models and travels in the command.
 */
public final class CostCommands {

    private CostCommands() {
    }

    /**
     * Share a cost.
     *
     * @param vat           the VAT included in the amount, or null for none
     * @param paidBy        the member who paid it, or null when the cooperative paid
     * @param submittedBy   the member submitting it
     * @param activeMembers every member active on the cost's date: participants and payer must be among them
     * @param recurringCostId the recurring cost this is an occurrence of, or null
     */
    public record ShareCost(@TargetAggregateIdentifier CostId costId,
                            CooperativeId cooperativeId,
                            String description,
                            Money amount,
                            Money vat,
                            LocalDate date,
                            String category,
                            MemberId paidBy,
                            Split split,
                            MemberId submittedBy,
                            LocalDate submittedOn,
                            Set<MemberId> activeMembers,
                            RecurringCostId recurringCostId) {
    }

    /**
     * A treasurer approves.
     *
     * @param singleTreasurer     whether the cooperative has only one treasurer (then no second pair of eyes exists)
     * @param secondApprovalAbove the policy: a cost above this needs two approvals
     */
    public record ApproveCost(@TargetAggregateIdentifier CostId costId,
                              CooperativeId cooperativeId,
                              MemberId approvedBy,
                              LocalDate approvedOn,
                              boolean singleTreasurer,
                              Money secondApprovalAbove) {
    }

    public record RejectCost(@TargetAggregateIdentifier CostId costId,
                             CooperativeId cooperativeId,
                             MemberId rejectedBy,
                             LocalDate rejectedOn,
                             String reason) {
    }

    /** Undo an approved cost's postings, dated {@code reversedOn} (an open period), with the reason on record. */
    public record ReverseCost(@TargetAggregateIdentifier CostId costId,
                              CooperativeId cooperativeId,
                              MemberId reversedBy,
                              LocalDate reversedOn,
                              String reason) {
    }
}
