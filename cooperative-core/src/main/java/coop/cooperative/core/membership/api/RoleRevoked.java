package coop.cooperative.core.membership.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RoleRevoked(CooperativeId cooperativeId, MemberId memberId, Role role) {
}
