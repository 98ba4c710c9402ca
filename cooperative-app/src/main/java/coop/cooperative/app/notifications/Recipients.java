package coop.cooperative.app.notifications;

import coop.cooperative.core.shared.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Who a notification goes to, and in which language: the one place that ties a member to their
 * email (member_profiles), the account that accepted their invitation, the account's
 * language and whether it wants this kind of notification. A member without an account gets it in
 * the installation's default language.
 */
@Component
class Recipients {

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Recipient(MemberId memberId, String name, String email, Locale locale) {
    }

    /** Those of these members who have not turned this notification off, in member-id order. */
    List<Recipient> wanting(NotificationKind kind, Collection<MemberId> members) {
        if (members.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT p.member_id, p.name, p.email, a.language
                        FROM member_profiles p
                        LEFT JOIN accounts a ON a.account_id = p.account_id
                        LEFT JOIN notification_settings s ON s.account_id = a.account_id AND s.kind = :kind
                        WHERE p.member_id IN (:members) AND (s.enabled IS NULL OR s.enabled = TRUE)
                        ORDER BY p.member_id""")
                .param("kind", kind.key())
                .param("members", members.stream().map(MemberId::value).toList())
                .query((rs, row) -> new Recipient(new MemberId(rs.getObject("member_id", UUID.class)),
                        rs.getString("name"), rs.getString("email"), locale(rs.getString("language"))))
                .list();
    }

    private static Locale locale(String language) {
        return language == null ? AccountSettings.DEFAULT_LANGUAGE : Locale.forLanguageTag(language);
    }
}
