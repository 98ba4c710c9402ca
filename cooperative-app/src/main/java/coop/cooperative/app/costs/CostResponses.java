package coop.cooperative.app.costs;

import coop.cooperative.core.costs.CostApprovers;
import coop.cooperative.core.costs.CostApprovers.Waiting;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.RecurringCostId;
import coop.cooperative.core.costs.api.SplitMethod;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.costs.CostQueries.CostStatus;
import coop.cooperative.projections.costs.CostQueries.CostView;
import coop.cooperative.projections.costs.CostQueries.Decision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** How a shared cost looks in the API: amounts as decimal strings, members with their names. */
final class CostResponses {

    private CostResponses() {
    }

    record ShareResponse(MemberId memberId, String name, String amount) {
    }

    record DecisionResponse(MemberId by, LocalDate on, String reason) {
    }

    /**
     * A cost. {@code vat}: the VAT included in the amount ("0.00" when none); {@code inputVat}: the
     * cooperative is VAT-registered and reclaims it, so the members share {@code sharedAmount}, the
     * amount less the VAT (otherwise the whole amount). While the cost awaits a decision:
     * {@code approvalsNeeded} in all, {@code nextApprovers} who may give the next one, and
     * {@code waitingReason} when nobody may ({@code NO_ELIGIBLE_APPROVER}, {@code NO_SECOND_APPROVER});
     * after a decision these are null.
     */
    record CostResponse(CostId costId, String description, String amount, String currency, LocalDate date,
                        String category, MemberId paidBy, SplitMethod splitMethod, List<ShareResponse> shares,
                        CostStatus status, boolean awaitingSecondApproval, MemberId submittedBy, LocalDate submittedOn,
                        RecurringCostId recurringCostId, DecisionResponse firstApproval, DecisionResponse approval,
                        DecisionResponse rejection, DecisionResponse reversal, String vat, boolean inputVat,
                        String sharedAmount, Integer approvalsNeeded, List<ApproverResponse> nextApprovers,
                        Waiting waitingReason) {
    }

    record ApproverResponse(MemberId memberId, String name) {
    }

    /** {@code approvers}: for a cost awaiting a decision, who may approve it; null for a decided cost. */
    static CostResponse of(CostView cost, Map<MemberId, String> names, CostApprovers approvers) {
        Money shared = cost.inputVat() ? cost.amount().minus(cost.vat()) : cost.amount();
        boolean open = approvers != null && cost.status() == CostStatus.SUBMITTED;
        return new CostResponse(cost.costId(), cost.description(), cost.amount().toString(),
                cost.amount().currency().getCurrencyCode(), cost.date(), cost.category(), cost.paidBy(),
                cost.splitMethod(),
                cost.shares().stream().map(s -> new ShareResponse(s.memberId(), names.get(s.memberId()),
                        s.amount().toString())).toList(),
                cost.status(), cost.awaitingSecondApproval(), cost.submittedBy(), cost.submittedOn(),
                cost.recurringCostId(), decision(cost.firstApproval()), decision(cost.approval()),
                decision(cost.rejection()), decision(cost.reversal()), cost.vat().toString(), cost.inputVat(),
                shared.toString(), open ? approvers.approvalsNeeded() : null,
                open ? approvers.next().stream().map(m -> new ApproverResponse(m, names.get(m))).toList() : null,
                open ? approvers.waiting() : null);
    }

    private static DecisionResponse decision(Decision decision) {
        return decision == null ? null : new DecisionResponse(decision.by(), decision.on(), decision.reason());
    }
}
