package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Map;
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
     * @param vatRegistered the cooperative's policy: its VAT is input VAT, and members share the amount net of it
     * @param leftoverCentsCarried per member, the leftover cents of earlier costs they carry (null or missing: none)
     * @param secondApprovalAbove the policy now: a cost above this needs two approvals, recorded on the cost
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
                            RecurringCostId recurringCostId,
                            boolean vatRegistered,
                            Map<MemberId, Long> leftoverCentsCarried,
                            Money secondApprovalAbove) {

        public ShareCost {
            leftoverCentsCarried = leftoverCentsCarried == null ? Map.of() : Map.copyOf(leftoverCentsCarried);
        }
    }

    /**
     * A treasurer approves, or an admin standing in where too few treasurers may ({@code CostApprovers}).
     *
     * @param treasurers          the cooperative's treasurers now (one alone: no second pair of eyes exists)
     * @param admins              the cooperative's admins now
     * @param secondApprovalAbove the policy now; it decides only for a cost shared before costs recorded
     *                            their own threshold
     */
    public record ApproveCost(@TargetAggregateIdentifier CostId costId,
                              CooperativeId cooperativeId,
                              MemberId approvedBy,
                              LocalDate approvedOn,
                              Set<MemberId> treasurers,
                              Set<MemberId> admins,
                              Money secondApprovalAbove) {

        public ApproveCost {
            treasurers = treasurers == null ? Set.of() : Set.copyOf(treasurers);
            admins = admins == null ? Set.of() : Set.copyOf(admins);
        }
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
