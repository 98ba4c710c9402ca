package coop.cooperative.core.membership.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record MemberLeft(CooperativeId cooperativeId, MemberId memberId, LocalDate leftOn) {
}
