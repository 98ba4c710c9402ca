package coop.cooperative.app.riskpool;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.springframework.stereotype.Service;

/**
 * Who may tie a member to a claim: the claimant, treasurers and admins. Everyone else (other
 * members, clients) learns that "a colleague" has a claim, or that a team member is unavailable,
 * never who, since when or why: a claim is health data. Every answer and page asks here.
 */
@Service
public class ClaimPrivacy {

    private final CooperativeAccess access;

    ClaimPrivacy(CooperativeAccess access) {
        this.access = access;
    }

    /** Whether the signed-in user may see who is on a claim in this cooperative. */
    public boolean mayNameClaimants(CooperativeId cooperativeId) {
        return access.holds(cooperativeId, "TREASURER") || access.holds(cooperativeId, "ADMIN");
    }

    /** Whether the signed-in user may see this member's claims and pool account. */
    public boolean maySee(CooperativeId cooperativeId, MemberId member) {
        return mayNameClaimants(cooperativeId) || isMe(cooperativeId, member);
    }

    public boolean isMe(CooperativeId cooperativeId, MemberId member) {
        return access.currentMember(cooperativeId).filter(me -> me.memberId().equals(member)).isPresent();
    }
}
