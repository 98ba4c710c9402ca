package coop.cooperative.app.membership;

import coop.cooperative.app.membership.MemberProfiles.Profile;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.members.MemberQueries.FindMember;
import coop.cooperative.projections.members.MemberQueries.FindMembers;
import coop.cooperative.projections.members.MemberQueries.MemberStatus;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The members of a cooperative as people see them: the read model joined with their names and
 * emails from the profiles. Shared by the API and the pages.
 */
@Service
public class Members {

    private final QueryGateway queries;
    private final MemberProfiles profiles;

    Members(QueryGateway queries, MemberProfiles profiles) {
        this.queries = queries;
        this.profiles = profiles;
    }

    /** Everyone who is or was a member, by name. */
    public List<Member> of(CooperativeId cooperativeId) {
        Map<MemberId, Profile> known = profiles.of(cooperativeId);
        Map<MemberId, String> names = profiles.names(cooperativeId);
        return queries.query(new FindMembers(cooperativeId), ResponseTypes.multipleInstancesOf(MemberView.class)).join()
                .stream()
                .map(m -> member(m, known, names))
                .sorted(Comparator.comparing(Member::name, Comparator.nullsLast(String::compareToIgnoreCase)))
                .toList();
    }

    /** The member, if they belong to this cooperative; a member of another one is as unknown as a made-up id. */
    public Member get(CooperativeId cooperativeId, MemberId memberId) {
        return queries.query(new FindMember(memberId), ResponseTypes.optionalInstanceOf(MemberView.class)).join()
                .filter(m -> m.cooperativeId().equals(cooperativeId))
                .map(m -> member(m, profiles.of(cooperativeId), profiles.names(cooperativeId)))
                .orElseThrow(() -> new NotFound(Refusal.MEMBER_NOT_FOUND, "No member " + memberId + " in this cooperative", memberId));
    }

    /** A member without a profile was erased: named "former member N", without email. */
    private static Member member(MemberView member, Map<MemberId, Profile> profiles, Map<MemberId, String> names) {
        Profile profile = profiles.get(member.memberId());
        return new Member(member.memberId(), profile != null ? profile.name() : names.get(member.memberId()),
                profile != null ? profile.email() : null, member.status(), member.skills(), member.rolesHeld(),
                member.hourlyRate().toString(), member.joinedOn(), member.leftOn(), profile != null && profile.accepted(),
                profile == null);
    }

    /**
     * A member as the API answers and the pages show: with name and email, amounts as decimal strings;
     * {@code invitationAccepted}: a login holds the membership (false while their invitation is open);
     * {@code erased}: their personal data was erased (they left): the name is "former member N", no email.
     */
    public record Member(MemberId memberId, String name, String email, MemberStatus status, List<String> skills,
                         List<Role> roles, String hourlyRate, LocalDate joinedOn, LocalDate leftOn,
                         boolean invitationAccepted, boolean erased) {
    }
}
