package coop.cooperative.app.membership;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Members' names and emails: personal data, kept beside the event store rather than in it so it
 * can be erased. Written in the same transaction as the command that makes the member.
 */
@Repository
public class MemberProfiles {

    private final JdbcClient jdbc;

    MemberProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(MemberId memberId, CooperativeId cooperativeId, String name, String email) {
        jdbc.sql("INSERT INTO member_profiles (member_id, cooperative_id, name, email) VALUES (?, ?, ?, ?)")
                .params(memberId.value(), cooperativeId.value(), name.strip(), normalise(email))
                .update();
    }

    /** Every member's name in this cooperative, for answers that show people by name. */
    public Map<MemberId, String> names(CooperativeId cooperativeId) {
        Map<MemberId, String> names = new HashMap<>();
        of(cooperativeId).forEach((id, profile) -> names.put(id, profile.name()));
        return names;
    }

    Map<MemberId, Profile> of(CooperativeId cooperativeId) {
        Map<MemberId, Profile> profiles = new HashMap<>();
        jdbc.sql("SELECT member_id, name, email FROM member_profiles WHERE cooperative_id = ?")
                .param(cooperativeId.value())
                .query(rs -> {
                    profiles.put(new MemberId(rs.getObject("member_id", UUID.class)),
                            new Profile(rs.getString("name"), rs.getString("email")));
                });
        return profiles;
    }

    /** The memberships, in any cooperative, that belong to this email; newest last. */
    List<Membership> membershipsOf(String email) {
        return jdbc.sql("SELECT member_id, cooperative_id FROM member_profiles WHERE email = ?")
                .param(normalise(email))
                .query((rs, row) -> new Membership(new CooperativeId(rs.getObject("cooperative_id", UUID.class)),
                        new MemberId(rs.getObject("member_id", UUID.class))))
                .list();
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    record Profile(String name, String email) {
    }

    record Membership(CooperativeId cooperativeId, MemberId memberId) {
    }
}
