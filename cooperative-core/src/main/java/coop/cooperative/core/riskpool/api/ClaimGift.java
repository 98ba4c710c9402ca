package coop.cooperative.core.riskpool.api;

import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.time.YearMonth;

/** A gift towards one claim's month, given ahead of that month's payout. */
public record ClaimGift(ClaimId claimId, MemberId claimant, YearMonth month, Money amount) {
}
