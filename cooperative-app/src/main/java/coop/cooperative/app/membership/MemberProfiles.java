package coop.cooperative.app.membership;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.app.security.InvitationAccepted;
import coop.cooperative.projections.audit.AuditQueries.FindMemberNumbers;
import coop.cooperative.projections.audit.AuditQueries.MemberNumbers;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Members' names and emails: personal data, kept beside the event store rather than in it so it
 * can be erased. Written in the same transaction as the command that makes the member.
 */
@Service
public class MemberProfiles {

    private final JdbcClient jdbc;
    private final QueryGateway queries;
    private final MessageSource messages;

    MemberProfiles(JdbcClient jdbc, QueryGateway queries, MessageSource messages) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.messages = messages;
    }

    /** {@code accountId}: the login the membership belongs to, or null until its invitation is accepted. */
    void add(MemberId memberId, CooperativeId cooperativeId, String name, String email, UUID accountId) {
        jdbc.sql("INSERT INTO member_profiles (member_id, cooperative_id, name, email, account_id) VALUES (?, ?, ?, ?, ?)")
                .params(memberId.value(), cooperativeId.value(), name.strip(), normalise(email), accountId)
                .update();
    }

    /** The membership invited is now the accepting account's, whatever other logins share its email. */
    @EventListener
    void accepted(InvitationAccepted accepted) {
        if (accepted.memberId() != null) {
            jdbc.sql("UPDATE member_profiles SET account_id = ? WHERE member_id = ? AND cooperative_id = ?")
                    .params(accepted.accountId(), accepted.memberId(), accepted.cooperativeId())
                    .update();
        }
    }

    /**
     * Every member's name in this cooperative, for answers that show people by name; an erased member
     * (who has no profile any more) as "former member N" in the reader's language.
     */
    public Map<MemberId, String> names(CooperativeId cooperativeId) {
        return names(cooperativeId, LocaleContextHolder.getLocale());
    }

    /**
     * As {@link #names(CooperativeId)}, an erased member named in {@code locale}: "former member N",
     * N their place in the order the cooperative's members joined (the audit trail's numbers).
     */
    public Map<MemberId, String> names(CooperativeId cooperativeId, Locale locale) {
        Map<MemberId, String> names = new HashMap<>();
        of(cooperativeId).forEach((id, profile) -> names.put(id, profile.name()));
        queries.query(new FindMemberNumbers(cooperativeId), MemberNumbers.class).join().numbers()
                .forEach((id, number) -> names.computeIfAbsent(id, erased -> formerMember(number, locale)));
        return names;
    }

    /** "former member N" ("oud-lid N"): the words the audit trail uses for an erased member. */
    public String formerMember(int number, Locale locale) {
        return messages.getMessage("audit.person.formerMember", null, locale).replace("{number}", Integer.toString(number));
    }

    /** Deletes the membership's profile (name and email); what it held, for erasing what else belongs to the person. */
    public Optional<Erased> erase(MemberId memberId) {
        Optional<Erased> erased = jdbc.sql("SELECT email, account_id FROM member_profiles WHERE member_id = ?")
                .param(memberId.value())
                .query((rs, row) -> new Erased(rs.getString("email"), rs.getObject("account_id", UUID.class)))
                .optional();
        jdbc.sql("DELETE FROM member_profiles WHERE member_id = ?").param(memberId.value()).update();
        return erased;
    }

    /** {@code accountId}: the login that held the membership, or null if its invitation was never accepted. */
    public record Erased(String email, UUID accountId) {
    }

    /** Which member of this cooperative each account is, by account id: the audit trail names people by the account that acted. */
    public Map<String, MemberId> membersByAccount(CooperativeId cooperativeId) {
        Map<String, MemberId> members = new HashMap<>();
        // and the accounts they acted under in the installations an imported cooperative came from
        jdbc.sql("""
                        SELECT member_id, account_id FROM member_former_accounts WHERE cooperative_id = :c
                        UNION
                        SELECT member_id, account_id FROM member_profiles WHERE cooperative_id = :c AND account_id IS NOT NULL""")
                .param("c", cooperativeId.value())
                .query(rs -> {
                    members.put(rs.getObject("account_id", UUID.class).toString(), new MemberId(rs.getObject("member_id", UUID.class)));
                });
        return members;
    }

    /** The name and email a membership holds, for the member's own copy of their data. */
    public Optional<PersonalData> personalData(MemberId memberId) {
        return jdbc.sql("SELECT name, email FROM member_profiles WHERE member_id = ?").param(memberId.value())
                .query((rs, row) -> new PersonalData(rs.getString("name"), rs.getString("email"))).optional();
    }

    public record PersonalData(String name, String email) {
    }

    Map<MemberId, Profile> of(CooperativeId cooperativeId) {
        Map<MemberId, Profile> profiles = new HashMap<>();
        jdbc.sql("SELECT member_id, name, email, account_id FROM member_profiles WHERE cooperative_id = ?")
                .param(cooperativeId.value())
                .query(rs -> {
                    profiles.put(new MemberId(rs.getObject("member_id", UUID.class)),
                            new Profile(rs.getString("name"), rs.getString("email"), rs.getObject("account_id") != null));
                });
        return profiles;
    }

    /** The memberships, in any cooperative, that belong to this account. */
    List<Membership> membershipsOf(UUID accountId) {
        return jdbc.sql("SELECT member_id, cooperative_id FROM member_profiles WHERE account_id = ?")
                .param(accountId)
                .query((rs, row) -> new Membership(new CooperativeId(rs.getObject("cooperative_id", UUID.class)),
                        new MemberId(rs.getObject("member_id", UUID.class))))
                .list();
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code accepted}: a login holds the membership (its invitation was accepted, or it founded the cooperative). */
    record Profile(String name, String email, boolean accepted) {
    }

    record Membership(CooperativeId cooperativeId, MemberId memberId) {
    }
}
