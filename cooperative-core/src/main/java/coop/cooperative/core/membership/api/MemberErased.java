package coop.cooperative.core.membership.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

/**
 * A departed member's personal data was erased (GDPR article 17): their name, email, login and
 * the key of their email's fingerprint are gone from beside the event store. The member id stays, in
 * the books and the trail, and names no one any more: they are "former member N".
 */
@Revision("1")
public record MemberErased(CooperativeId cooperativeId, MemberId memberId) {
}
