package coop.cooperative.app.costs;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.core.costs.CostApprovers;
import coop.cooperative.core.costs.api.CostCommands.ApproveCost;
import coop.cooperative.core.costs.api.CostCommands.RejectCost;
import coop.cooperative.core.costs.api.CostCommands.ReverseCost;
import coop.cooperative.core.costs.api.CostCommands.ShareCost;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.RecurringCostId;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.membership.api.Policies;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.costs.CostQueries.CostView;
import coop.cooperative.projections.costs.CostQueries.FindCost;
import coop.cooperative.projections.costs.CostQueries.FindLeftoverCentsCarried;
import coop.cooperative.projections.costs.CostQueries.LeftoverCentsCarried;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Map;

/**
 * Sends the shared-cost commands with what the aggregate cannot look up itself: who was active on
 * the cost's date, the VAT registration, the leftover cents members carry, who holds the treasurer
 * and admin roles and the policy threshold. (The aggregate asks whether a month is closed itself.)
 */
@Service
public class SharedCosts {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final BookRules rules;
    private final CooperativeAccess access;

    SharedCosts(CommandGateway commands, QueryGateway queries, BookRules rules,
                CooperativeAccess access) {
        this.commands = commands;
        this.queries = queries;
        this.rules = rules;
        this.access = access;
    }

    /** {@code vat}: the VAT included in the amount, or null for none. */
    public record NewCost(String description, Money amount, Money vat, LocalDate date, String category,
                          MemberId paidBy, Split split) {

        public NewCost(String description, Money amount, LocalDate date, String category, MemberId paidBy,
                       Split split) {
            this(description, amount, null, date, category, paidBy, split);
        }
    }

    /**
     * Shares a cost with the cooperative's VAT registration (its policy) and the leftover cents each
     * member already carries, so the next leftover cents go to those who carry the fewest. Two costs
     * shared in the same instant may both see the same counts; the one after them evens it out.
     */
    public CostId share(CooperativeId cooperativeId, CostId costId, NewCost cost, MemberId submittedBy,
                        LocalDate today, RecurringCostId recurringCostId) {
        Map<MemberId, MemberView> members = rules.members(cooperativeId);
        boolean vatRegistered = policies(cooperativeId).vatRegistered();
        Map<MemberId, Long> leftoverCents = queries.query(new FindLeftoverCentsCarried(cooperativeId),
                LeftoverCentsCarried.class).join().cents();
        commands.sendAndWait(new ShareCost(costId, cooperativeId, cost.description(), cost.amount(), cost.vat(), cost.date(),
                cost.category(), cost.paidBy(), cost.split(), submittedBy, today,
                BookRules.activeOn(members, cost.date()), recurringCostId, vatRegistered, leftoverCents,
                policies(cooperativeId).secondApprovalAbove()));
        return costId;
    }

    /**
     * Approves with the roles as they are now; the threshold is the one the cost was shared under
     * (today's policy goes along only for a cost shared before costs recorded it).
     */
    public void approve(CooperativeId cooperativeId, CostId costId, MemberId approver, LocalDate today) {
        CostView cost = find(cooperativeId, costId);
        Map<MemberId, MemberView> members = rules.members(cooperativeId);
        commands.sendAndWait(new ApproveCost(costId, cooperativeId, approver, today,
                BookRules.holding(members, Role.TREASURER), BookRules.holding(members, Role.ADMIN),
                policies(cooperativeId).secondApprovalAbove()));
    }

    /**
     * Who may give a submitted cost its next approval with the roles as they are now, and why nobody
     * may; under the threshold the cost was shared under ({@code policyToday} only for an older cost).
     */
    public static CostApprovers approvers(CostView cost, Map<MemberId, MemberView> members, Money policyToday) {
        return new CostApprovers(cost.amount(), cost.submittedBy(), cost.paidBy(),
                cost.firstApproval() == null ? null : cost.firstApproval().by(),
                BookRules.holding(members, Role.TREASURER), BookRules.holding(members, Role.ADMIN),
                CostApprovers.threshold(cost.secondApprovalAbove(), policyToday));
    }

    private Policies policies(CooperativeId cooperativeId) {
        return access.cooperative(cooperativeId).policies();
    }

    public void reject(CooperativeId cooperativeId, CostId costId, MemberId treasurer, LocalDate today, String reason) {
        find(cooperativeId, costId);
        commands.sendAndWait(new RejectCost(costId, cooperativeId, treasurer, today, reason));
    }

    public void reverse(CooperativeId cooperativeId, CostId costId, MemberId treasurer, LocalDate today, String reason) {
        find(cooperativeId, costId);
        commands.sendAndWait(new ReverseCost(costId, cooperativeId, treasurer, today, reason));
    }

    public CostView find(CooperativeId cooperativeId, CostId costId) {
        return queries.query(new FindCost(cooperativeId, costId), ResponseTypes.optionalInstanceOf(CostView.class))
                .join()
                .orElseThrow(() -> new NotFound(Refusal.COST_NOT_FOUND, "No cost " + costId + " in this cooperative", costId));
    }
}
