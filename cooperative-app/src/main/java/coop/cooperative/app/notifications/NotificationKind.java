package coop.cooperative.app.notifications;

import java.util.Arrays;
import java.util.Optional;

/** The notifications a person can turn off, by the name the settings API and the table use. */
public enum NotificationKind {
    COST_WAITING("costWaiting"),
    COST_DECIDED("costDecided"),
    CLAIM_FILED("claimFiled"),
    PAYOUT_MADE("payoutMade"),
    CONTINUITY_AT_RISK("continuityAtRisk");

    private final String key;

    NotificationKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<NotificationKind> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
