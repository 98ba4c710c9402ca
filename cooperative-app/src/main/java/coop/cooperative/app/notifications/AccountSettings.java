package coop.cooperative.app.notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An account's own settings: the language it reads mail in ({@code accounts.language}; none means
 * the installation's default) and which notifications it gets (notification_settings; a kind
 * without a row is on).
 */
@Repository
public class AccountSettings {

    /** The languages mails and pages exist in. */
    public static final Set<String> LANGUAGES = Set.of("en", "nl");
    /** What a person without a language of their own reads, as the pages fall back to English. */
    public static final Locale DEFAULT_LANGUAGE = Locale.ENGLISH;

    private final JdbcClient jdbc;

    AccountSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Settings(String language, Map<NotificationKind, Boolean> notifications) {
    }

    public Settings of(UUID accountId) {
        String language = jdbc.sql("SELECT language FROM accounts WHERE account_id = ?").param(accountId)
                .query(String.class).optional().orElse(null);
        Map<NotificationKind, Boolean> notifications = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            notifications.put(kind, true);
        }
        jdbc.sql("SELECT kind, enabled FROM notification_settings WHERE account_id = ?").param(accountId)
                .query(rs -> {
                    boolean enabled = rs.getBoolean("enabled");
                    NotificationKind.byKey(rs.getString("kind")).ifPresent(kind -> notifications.put(kind, enabled));
                });
        return new Settings(language, notifications);
    }

    /**
     * Changes what is given: {@code language} null leaves it, empty clears it; a kind not in
     * {@code notifications} keeps its setting. The caller checked both.
     */
    @Transactional
    public void change(UUID accountId, Optional<String> language, Map<NotificationKind, Boolean> notifications) {
        if (language != null) {
            jdbc.sql("UPDATE accounts SET language = ? WHERE account_id = ?")
                    .params(language.orElse(null), accountId).update();
        }
        notifications.forEach((kind, enabled) -> {
            int updated = jdbc.sql("UPDATE notification_settings SET enabled = ? WHERE account_id = ? AND kind = ?")
                    .params(enabled, accountId, kind.key()).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO notification_settings (account_id, kind, enabled) VALUES (?, ?, ?)")
                        .params(accountId, kind.key(), enabled).update();
            }
        });
    }
}
