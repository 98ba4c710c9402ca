package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

/** One member's gift towards a claimant's monthly payout, taken from the giver's account. */
public record Gift(MemberId from, Money amount) {
}
