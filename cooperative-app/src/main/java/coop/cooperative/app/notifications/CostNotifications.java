package coop.cooperative.app.notifications;

import coop.cooperative.app.costs.BookRules;
import coop.cooperative.app.costs.SharedCosts;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.core.costs.CostApprovers;
import coop.cooperative.core.costs.api.CostApproved;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.CostRejected;
import coop.cooperative.core.costs.api.CostShared;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.costs.CostQueries.CostView;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A shared cost waits for the treasurers who may approve it; its submitter hears the decision. */
@Component
@ProcessingGroup(NotificationsProcessor.NAME)
@DisallowReplay
class CostNotifications {

    private final Notices notices;
    private final BookRules rules;
    private final SharedCosts costs;
    private final CooperativeAccess access;
    private final MemberProfiles profiles;

    CostNotifications(Notices notices, BookRules rules, SharedCosts costs, CooperativeAccess access,
                      MemberProfiles profiles) {
        this.notices = notices;
        this.rules = rules;
        this.costs = costs;
        this.access = access;
        this.profiles = profiles;
    }

    /**
     * To whoever may give its first approval, as the cost's own rules decide, except its submitter
     * (who may approve their own cost only in a cooperative with one treasurer, and knows of it).
     * Those are also the ones a second approval is asked of, so it is not mailed again after the first.
     */
    @EventHandler
    void on(CostShared event, @MessageIdentifier String eventId) {
        if (!notices.on()) {
            return;
        }
        Map<MemberId, MemberView> members = rules.members(event.cooperativeId());
        CostApprovers approvers = new CostApprovers(event.amount(), event.submittedBy(), event.paidBy(), null,
                BookRules.holding(members, Role.TREASURER), BookRules.holding(members, Role.ADMIN),
                CostApprovers.threshold(event.secondApprovalAbove(),
                        access.cooperative(event.cooperativeId()).policies().secondApprovalAbove()));
        Set<MemberId> to = new TreeSet<>(approvers.next());
        to.remove(event.submittedBy());
        String submitter = event.submittedBy() == null ? ""
                : profiles.names(event.cooperativeId()).getOrDefault(event.submittedBy(), "");
        notices.send(NotificationKind.COST_WAITING, "cost-waiting", eventId, event.cooperativeId(), to, "/books",
                Map.of("description", event.description(), "amount", event.amount(), "submitter", submitter));
    }

    @EventHandler
    void on(CostApproved event, @MessageIdentifier String eventId) {
        decided(event.cooperativeId(), event.costId(), "cost-approved", eventId, Map.of());
    }

    /** The reason goes to the submitter: it is their cost, and why it was refused is theirs to know. */
    @EventHandler
    void on(CostRejected event, @MessageIdentifier String eventId) {
        decided(event.cooperativeId(), event.costId(), "cost-rejected", eventId,
                Map.of("reason", event.reason() == null ? "" : event.reason()));
    }

    private void decided(CooperativeId cooperativeId, CostId costId, String template, String eventId,
                         Map<String, Object> more) {
        if (!notices.on()) {
            return;
        }
        CostView cost = costs.find(cooperativeId, costId);
        if (cost.submittedBy() == null) {
            return;
        }
        Map<String, Object> model = new HashMap<>(more);
        model.put("description", cost.description());
        model.put("amount", cost.amount());
        notices.send(NotificationKind.COST_DECIDED, template, eventId, cost.cooperativeId(), Set.of(cost.submittedBy()),
                "/me", model);
    }
}
