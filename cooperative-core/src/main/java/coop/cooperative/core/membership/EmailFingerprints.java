package coop.cooperative.core.membership;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;

import java.util.Map;

/**
 * The port through which the {@link Cooperative} fingerprints emails (Axon hands the installation's
 * implementation to the command handlers as a parameter). What the event store keeps of a member's
 * email is an HMAC under a key of that member alone ({@link Fingerprint#keyed}), kept outside the
 * events; erasing the member deletes the key, so their fingerprint can no longer be recomputed from a
 * guessed address, while every other member's still can, to refuse a second membership.
 */
public interface EmailFingerprints {

    /**
     * Makes a new key for the member, keeps it (in the transaction of the command, so no event ever
     * carries a fingerprint whose key was not kept), and answers the email's fingerprint under it.
     */
    String issue(CooperativeId cooperativeId, MemberId memberId, String email);

    /**
     * Whether the email is the one of any of these members, given the fingerprint each one's
     * {@code MemberJoined} carries: under the member's own key, or, for members who joined before
     * members had keys of their own, under the installation's key or unkeyed ({@link Fingerprint#matches}).
     */
    boolean taken(CooperativeId cooperativeId, Map<MemberId, String> fingerprints, String email);
}
