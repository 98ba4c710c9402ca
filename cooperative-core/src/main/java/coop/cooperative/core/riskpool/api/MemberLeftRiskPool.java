package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A member left the pool and took their account balance with them. */
@Revision("1")
public record MemberLeftRiskPool(CooperativeId cooperativeId, MemberId memberId, Money balanceReturned, LocalDate leftOn) {
}
