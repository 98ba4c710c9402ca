package coop.cooperative.app.notifications;

import coop.cooperative.app.costs.BookRules;
import coop.cooperative.app.membership.MemberProfiles;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.riskpool.api.ClaimFiled;
import coop.cooperative.core.riskpool.api.ClaimMonthPaid;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The treasurers hear that a claim was filed, the claimant that a month was paid. Claims are
 * private: the treasurers' mail names the claimant and the start date, never a reason or anything
 * about their health.
 */
@Component
@ProcessingGroup(NotificationsProcessor.NAME)
@DisallowReplay
class RiskPoolNotifications {

    private final Notices notices;
    private final BookRules rules;
    private final MemberProfiles profiles;

    RiskPoolNotifications(Notices notices, BookRules rules, MemberProfiles profiles) {
        this.notices = notices;
        this.rules = rules;
        this.profiles = profiles;
    }

    /** To the treasurers, but not to a treasurer about their own claim. */
    @EventHandler
    void on(ClaimFiled event, @MessageIdentifier String eventId) {
        if (!notices.on()) {
            return;
        }
        Set<MemberId> treasurers = new TreeSet<>(BookRules.holding(rules.members(event.cooperativeId()), Role.TREASURER));
        treasurers.remove(event.memberId());
        notices.send(NotificationKind.CLAIM_FILED, "claim-filed", eventId, event.cooperativeId(), treasurers,
                "/risk-pool", Map.of("claimant", profiles.names(event.cooperativeId()).getOrDefault(event.memberId(), ""),
                        "startDate", event.startDate()));
    }

    /** A month withheld or paid nothing is no payout; the claimant sees the shortfall on their page. */
    @EventHandler
    void on(ClaimMonthPaid event, @MessageIdentifier String eventId) {
        if (!event.paid().isPositive()) {
            return;
        }
        notices.send(NotificationKind.PAYOUT_MADE, "payout-made", eventId, event.cooperativeId(),
                Set.of(event.memberId()), "/risk-pool", Map.of("paid", event.paid(), "month", event.month()));
    }
}
