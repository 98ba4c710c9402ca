package coop.cooperative.app.membership;

import coop.cooperative.app.security.SignedInAccount;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.members.MemberQueries.CooperativeView;
import coop.cooperative.projections.members.MemberQueries.FindCooperative;
import coop.cooperative.projections.members.MemberQueries.FindMember;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * The per-cooperative role checks, used in {@code @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN')")}.
 * Roles come from the members read model; who the caller is in a cooperative comes from the member
 * profile their account holds there (the one whose invitation it accepted, or that founded it).
 */
@Service("access")
public class CooperativeAccess {

    private final QueryGateway queries;
    private final MemberProfiles profiles;

    CooperativeAccess(QueryGateway queries, MemberProfiles profiles) {
        this.queries = queries;
        this.profiles = profiles;
    }

    /** Whether the caller is an active member of the cooperative holding this role (404 if it does not exist). */
    public boolean holds(CooperativeId cooperativeId, String role) {
        cooperative(cooperativeId);
        return currentMember(cooperativeId).map(m -> m.holds(Role.valueOf(role))).orElse(false);
    }

    /** Whether the caller is this very member, or holds the role. */
    public boolean isOrHolds(CooperativeId cooperativeId, MemberId memberId, String role) {
        return holds(cooperativeId, role)
                || currentMember(cooperativeId).map(m -> m.memberId().equals(memberId) && m.isMember()).orElse(false);
    }

    public CooperativeView cooperative(CooperativeId cooperativeId) {
        return queries.query(new FindCooperative(cooperativeId), ResponseTypes.optionalInstanceOf(CooperativeView.class))
                .join()
                .orElseThrow(() -> new NotFound(Refusal.COOPERATIVE_NOT_FOUND, "No cooperative " + cooperativeId, cooperativeId));
    }

    /** The caller's current membership of this cooperative, if any. */
    public Optional<MemberView> currentMember(CooperativeId cooperativeId) {
        return profiles.membershipsOf(signedIn().accountId()).stream()
                .filter(m -> m.cooperativeId().equals(cooperativeId))
                .map(m -> member(m.memberId()))
                .flatMap(Optional::stream)
                .filter(MemberView::isMember)
                .findFirst();
    }

    /** The cooperatives the caller is a member of. */
    public List<CooperativeView> myCooperatives() {
        return profiles.membershipsOf(signedIn().accountId()).stream()
                .filter(m -> member(m.memberId()).map(MemberView::isMember).orElse(false))
                .map(m -> cooperative(m.cooperativeId()))
                .toList();
    }

    /** The member, active or not, if they belong to this cooperative. */
    public Optional<MemberView> memberOf(CooperativeId cooperativeId, MemberId memberId) {
        return member(memberId).filter(m -> m.cooperativeId().equals(cooperativeId));
    }

    /** The member, if an active member of this cooperative; anyone else is as unknown as a made-up id. */
    public MemberView activeMember(CooperativeId cooperativeId, MemberId memberId) {
        return member(memberId).filter(m -> m.cooperativeId().equals(cooperativeId) && m.isMember())
                .orElseThrow(() -> new NotFound(Refusal.MEMBER_NOT_FOUND, "No member " + memberId + " in this cooperative", memberId));
    }

    Optional<MemberView> member(MemberId memberId) {
        return queries.query(new FindMember(memberId), ResponseTypes.optionalInstanceOf(MemberView.class)).join();
    }

    public static SignedInAccount signedIn() {
        return (SignedInAccount) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }
}
