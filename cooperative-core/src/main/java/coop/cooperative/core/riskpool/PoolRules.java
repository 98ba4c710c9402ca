package coop.cooperative.core.riskpool;

import coop.cooperative.core.riskpool.api.PoolChangeDates;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.FileClaim;
import coop.cooperative.core.riskpool.api.RiskPoolId;
import coop.cooperative.core.riskpool.api.Tier;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pool's rules that need no member's account or claim: a tier's currency and level, room to
 * enrol, the days a change takes effect, how far a claim's start may lie from the day it is filed,
 * the minimum of members to pay out, and when the year-end returns are made. The tiers' levels,
 * deposit rate and cap are {@link Tier}'s, because the read side shows them too; the payout
 * calendar (waiting period, 24 months, pro rata) is {@code PayoutCalendar}'s for the same reason.
 */
final class PoolRules {

    /** How far ahead a claim may start: a planned operation is known a few weeks before. */
    static final int MOST_DAYS_AHEAD = 30;

    /** How far back a claim may start: the fund asks to hear of an illness within a month. */
    static final int MOST_DAYS_BEFORE = 30;

    private PoolRules() {
    }

    /** The pool's identifier is derived from its cooperative's, so a pool is found without a lookup. */
    static void requireOwnPool(RiskPoolId riskPoolId, CooperativeId cooperativeId) {
        if (!riskPoolId.equals(RiskPoolId.of(cooperativeId))) {
            throw new RuleViolation(Refusal.POOL_OTHER_COOPERATIVE, "This is not the risk pool of cooperative " + cooperativeId,
                    cooperativeId);
        }
    }

    /** A tier is one of the levels, in the pool's currency ({@code null} before the pool opens). */
    static void requireLevel(Currency poolCurrency, Money tier) {
        if (poolCurrency != null && !tier.currency().equals(poolCurrency)) {
            throw new RuleViolation(Refusal.POOL_TIER_CURRENCY, "The tier must be in the pool's currency, " + poolCurrency,
                    poolCurrency);
        }
        if (!Tier.isLevel(tier)) {
            String levels = Tier.levels(tier.currency()).stream().map(Money::toString).collect(Collectors.joining(", "));
            throw new RuleViolation(Refusal.POOL_TIER_LEVEL, "The tier must be one of " + levels + " a month", levels);
        }
    }

    /** A member enrols once; the cooperative's policy caps the pool, so all members can know each other. */
    static void requireEnrolment(Set<MemberId> enrolled, MemberId member, int maximumMembers) {
        if (enrolled.contains(member)) {
            throw new Conflict(Refusal.POOL_ALREADY_ENROLLED, "The member is already enrolled in the risk pool");
        }
        if (enrolled.size() >= maximumMembers) {
            throw new RuleViolation(Refusal.POOL_FULL, "The risk pool is full: it takes at most " + maximumMembers + " members",
                    maximumMembers);
        }
    }

    /** Tier changes and leaving take effect on the fund's fixed dates only (the cooperative's policy). */
    static void requireChangeDate(String field, LocalDate day, PoolChangeDates changeDates) {
        if (!changeDates.allows(day)) {
            throw new RuleViolation(Refusal.POOL_CHANGE_DATE, field + ": changes in the pool take effect on the first day of a quarter;"
                    + " the next is " + changeDates.firstFrom(day), field, changeDates.firstFrom(day));
        }
    }

    /**
     * A claim starts at most {@link #MOST_DAYS_AHEAD} days after it is filed and at most
     * {@link #MOST_DAYS_BEFORE} days before, unless an admin other than the claimant accepts the
     * later filing.
     *
     * @return whether the claim was filed late (and the filing accepted)
     */
    static boolean requireStartWithinReach(FileClaim command) {
        if (command.startDate().isAfter(command.filedOn().plusDays(MOST_DAYS_AHEAD))) {
            throw new RuleViolation(Refusal.POOL_CLAIM_AHEAD, "startDate: a claim starts at most " + MOST_DAYS_AHEAD + " days ahead ("
                    + command.filedOn().plusDays(MOST_DAYS_AHEAD) + "); file it closer to the day",
                    MOST_DAYS_AHEAD, command.filedOn().plusDays(MOST_DAYS_AHEAD));
        }
        boolean filedLate = command.startDate().isBefore(command.filedOn().minusDays(MOST_DAYS_BEFORE));
        if (filedLate) {
            requireLateFilingAccepted(command);
        }
        return filedLate;
    }

    /** A claim filed late needs an admin's acceptance, never the claimant's own. */
    private static void requireLateFilingAccepted(FileClaim command) {
        if (command.lateFilingAcceptedBy() == null) {
            throw new RuleViolation(Refusal.POOL_LATE_FILING, "startDate: a claim starts at most " + MOST_DAYS_BEFORE + " days before it is filed ("
                    + command.filedOn().minusDays(MOST_DAYS_BEFORE) + "); only an admin may accept a later filing, with a reason",
                    MOST_DAYS_BEFORE, command.filedOn().minusDays(MOST_DAYS_BEFORE));
        }
        if (command.lateFilingAcceptedBy().equals(command.memberId())) {
            throw new RuleViolation(Refusal.POOL_OWN_LATE_FILING, "lateFilingReason: the claimant cannot accept their own late filing; another admin does");
        }
    }

    /** Gifts are made only while the pool has its minimum of members; below it a due month is withheld. */
    static boolean paysOut(int enrolled, int minimumMembers) {
        return enrolled >= minimumMembers;
    }

    /** The cap is measured on 31 December, so the returns are made once, from that day on. */
    static void requireYearEnd(int year, LocalDate returnedOn, Set<Integer> yearsReturned) {
        if (yearsReturned.contains(year)) {
            throw new Conflict(Refusal.POOL_YEAR_END_MADE, "The year-end returns for " + year + " were already made", year);
        }
        if (returnedOn.isBefore(yearEnd(year))) {
            throw new RuleViolation(Refusal.POOL_YEAR_END_EARLY, "The year-end returns for " + year
                    + " are made from its last day on", year);
        }
    }

    static LocalDate yearEnd(int year) {
        return LocalDate.of(year, 12, 31);
    }
}
