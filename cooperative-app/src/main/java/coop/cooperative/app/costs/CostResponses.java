package coop.cooperative.app.costs;

import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.RecurringCostId;
import coop.cooperative.core.costs.api.SplitMethod;
import coop.cooperative.core.shared.MemberId;
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

    record CostResponse(CostId costId, String description, String amount, String currency, LocalDate date,
                        String category, MemberId paidBy, SplitMethod splitMethod, List<ShareResponse> shares,
                        CostStatus status, boolean awaitingSecondApproval, MemberId submittedBy, LocalDate submittedOn,
                        RecurringCostId recurringCostId, DecisionResponse firstApproval, DecisionResponse approval,
                        DecisionResponse rejection, DecisionResponse reversal) {
    }

    static CostResponse of(CostView cost, Map<MemberId, String> names) {
        return new CostResponse(cost.costId(), cost.description(), cost.amount().toString(),
                cost.amount().currency().getCurrencyCode(), cost.date(), cost.category(), cost.paidBy(),
                cost.splitMethod(),
                cost.shares().stream().map(s -> new ShareResponse(s.memberId(), names.get(s.memberId()),
                        s.amount().toString())).toList(),
                cost.status(), cost.awaitingSecondApproval(), cost.submittedBy(), cost.submittedOn(),
                cost.recurringCostId(), decision(cost.firstApproval()), decision(cost.approval()),
                decision(cost.rejection()), decision(cost.reversal()));
    }

    private static DecisionResponse decision(Decision decision) {
        return decision == null ? null : new DecisionResponse(decision.by(), decision.on(), decision.reason());
    }
}
