package coop.cooperative.core.costs.api;

import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

/** The part of a cost charged to one member. */
public record Share(MemberId memberId, Money amount) {
}
