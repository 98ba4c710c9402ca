package coop.cooperative.core.riskpool;

import coop.cooperative.core.riskpool.api.PayoutCalendar;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A claim as far as deciding on it and paying it out need it. {@code tier}: the claimant's, which
 * does not change during a claim; {@code payableFrom}: the day the waiting period ends;
 * {@code monthsCarried}: months paid under the claims this one continues; {@code monthsHandled}:
 * the months settled, paid or withheld; {@code givenEarlier}: per month, what leavers gave. A
 * record, so sourced and snapshotted state compare by value.
 *
 * <p>Snapshots store these components by name (they were those of {@code RiskPool.Claim}), so
 * renaming, adding or removing one changes the stored format: see {@code RiskPoolSnapshotFormatTest}.
 * A public method named like a getter ({@code getX}, {@code isX}) would be written into snapshots
 * too: keep such methods package-private.
 */
record PoolClaim(MemberId memberId, Money tier, LocalDate startDate, LocalDate payableFrom, int monthsCarried,
                 boolean approved, boolean rejected, LocalDate endDate, Set<YearMonth> monthsHandled,
                 Set<YearMonth> monthsPaid, Map<YearMonth, Money> givenEarlier) {

    /** A new claim: payable a month after it starts (the waiting period). */
    static PoolClaim filed(MemberId claimant, Money tier, LocalDate startDate) {
        return new PoolClaim(claimant, tier, startDate, startDate.plusMonths(1), 0, false, false, null,
                new TreeSet<>(), new TreeSet<>(), new HashMap<>());
    }

    /** The claim filed under {@code claimId}; one never filed is not found. */
    static PoolClaim ofFiled(Map<ClaimId, PoolClaim> claims, ClaimId claimId) {
        PoolClaim claim = claims.get(claimId);
        if (claim == null) {
            throw new NotFound(Refusal.POOL_CLAIM_NOT_FOUND, "No claim " + claimId + " in this risk pool", claimId);
        }
        return claim;
    }

    /** A new claim within a month of this one's end continues it: a relapse is the same illness. */
    boolean isContinuedBy(LocalDate newStart) {
        return !newStart.isAfter(endDate.plusMonths(1));
    }

    /**
     * This claim continuing {@code previous}: one waiting period for both, so payable from its
     * start, but never before the previous claim's waiting period ended, nor in a month the
     * previous claim already settled; and the previous claim's paid months count towards the maximum.
     */
    PoolClaim continuing(PoolClaim previous) {
        LocalDate from = startDate.isBefore(previous.payableFrom()) ? previous.payableFrom() : startDate;
        Optional<YearMonth> lastSettled = previous.monthsHandled().stream().max(Comparator.naturalOrder());
        if (lastSettled.isPresent() && from.isBefore(lastSettled.get().plusMonths(1).atDay(1))) {
            from = lastSettled.get().plusMonths(1).atDay(1);
        }
        return new PoolClaim(memberId, tier, startDate, from, previous.monthsCarried() + previous.monthsPaid().size(),
                false, false, null, monthsHandled, monthsPaid, givenEarlier);
    }

    /** Neither rejected nor closed. */
    boolean isOpen() {
        return !rejected && endDate == null;
    }

    /** Withheld months do not count towards the maximum, so each one pushes the last paid day on. */
    LocalDate lastPaidDay() {
        return PayoutCalendar.lastPaidDay(payableFrom, monthsCarried, monthsHandled.size() - monthsPaid.size(), endDate);
    }

    void requireUndecided() {
        if (approved || rejected) {
            throw new Conflict(Refusal.POOL_CLAIM_DECIDED, "The claim was already " + (approved ? "approved" : "rejected"));
        }
    }

    /** Decided once; four eyes: another treasurer or an admin decides, never the claimant. */
    void requireApprovableBy(MemberId approvedBy) {
        requireUndecided();
        if (approvedBy == null || approvedBy.equals(memberId)) {
            throw new RuleViolation(Refusal.POOL_OWN_CLAIM, "A claimant never approves their own claim: another treasurer or an admin decides");
        }
    }

    PoolClaim approvedClaim() {
        return new PoolClaim(memberId, tier, startDate, payableFrom, monthsCarried, true, false, endDate,
                monthsHandled, monthsPaid, givenEarlier);
    }

    PoolClaim rejectedClaim() {
        return new PoolClaim(memberId, tier, startDate, payableFrom, monthsCarried, false, true, endDate,
                monthsHandled, monthsPaid, givenEarlier);
    }

    /** A claim closes once, not before it started nor before a month already settled. */
    void requireClosableOn(LocalDate end) {
        if (rejected) {
            throw new Conflict(Refusal.POOL_CLAIM_REJECTED, "The claim was rejected; there is nothing to close");
        }
        if (endDate != null) {
            throw new Conflict(Refusal.POOL_CLAIM_CLOSED, "The claim already closed on " + endDate, endDate);
        }
        if (end.isBefore(startDate)) {
            throw new RuleViolation(Refusal.POOL_CLAIM_ENDS_BEFORE_START, "A claim cannot end before it started (" + startDate + ")",
                    startDate);
        }
        YearMonth lastPaid = monthsHandled.stream().max(Comparator.naturalOrder()).orElse(null);
        if (lastPaid != null && YearMonth.from(end).isBefore(lastPaid)) {
            throw new RuleViolation(Refusal.POOL_CLAIM_ENDS_BEFORE_PAID, "The claim was already paid for " + lastPaid
                    + "; it cannot end before that month", lastPaid);
        }
    }

    /** A leaver's open claim ends the day they leave, or on its start if it has not started yet. */
    LocalDate endWhenLeavingOn(LocalDate leftOn) {
        return leftOn.isBefore(startDate) ? startDate : leftOn;
    }

    PoolClaim closedOn(LocalDate end) {
        return new PoolClaim(memberId, tier, startDate, payableFrom, monthsCarried, approved, rejected, end,
                monthsHandled, monthsPaid, givenEarlier);
    }

    /**
     * An approved claim's month is paid once, after the waiting period, within the claim's paid
     * days (its end, or the maximum of months), and once those days have passed.
     *
     * @return the claim's last paid day
     */
    LocalDate requirePayable(YearMonth month, LocalDate paidOn) {
        if (!approved) {
            throw new RuleViolation(Refusal.POOL_ONLY_APPROVED_PAID, "Only an approved claim is paid out");
        }
        if (monthsHandled.contains(month)) {
            throw new Conflict(Refusal.POOL_MONTH_SETTLED, "The claim's month " + month + " was already settled", month);
        }
        YearMonth first = YearMonth.from(payableFrom);
        if (month.isBefore(first)) {
            throw new RuleViolation(Refusal.POOL_WAITING, "The waiting period runs until " + payableFrom + "; payouts start in "
                    + first, payableFrom, first);
        }
        LocalDate lastPaidDay = lastPaidDay();
        if (month.isAfter(YearMonth.from(lastPaidDay)) || lastPaidDay.isBefore(payableFrom)) {
            throw endDate != null && !endDate.isAfter(lastPaidDay)
                    ? new RuleViolation(Refusal.POOL_CLAIM_ENDED, "The claim ended on " + endDate + "; " + month
                            + " is not paid", endDate, month)
                    : new RuleViolation(Refusal.POOL_MAXIMUM_MONTHS, "A claim is paid at most " + PayoutCalendar.MAXIMUM_MONTHS
                            + " months (until " + lastPaidDay + ")", PayoutCalendar.MAXIMUM_MONTHS, lastPaidDay);
        }
        LocalDate dueOn = PayoutCalendar.dueOn(month, lastPaidDay);
        if (paidOn.isBefore(dueOn)) {
            throw new RuleViolation(Refusal.POOL_MONTH_NOT_DUE, "The month " + month
                    + " is not due yet: it is paid once its days have passed, from " + dueOn, month, dueOn);
        }
        return lastPaidDay;
    }

    /** Whether gifts are due for {@code month} and not settled yet (what a leaver still owes towards). */
    boolean awaitsGiftsFor(YearMonth month) {
        return approved && !monthsHandled.contains(month) && PayoutCalendar.daysPaid(month, payableFrom, lastPaidDay()) != 0;
    }

    /** The month's payout pro rata per calendar day. */
    Money proRata(YearMonth month, LocalDate lastPaidDay) {
        return PayoutCalendar.due(tier, month, payableFrom, lastPaidDay);
    }

    /** What leavers gave for {@code month} before it was paid. */
    Money givenEarlierIn(YearMonth month, Currency currency) {
        return givenEarlier.getOrDefault(month, Money.zero(currency));
    }

    /** The month's payout; what leavers gave for it is never taken back, even if the claim since closed sooner. */
    Money dueIn(YearMonth month, LocalDate lastPaidDay, Currency currency) {
        Money prorated = proRata(month, lastPaidDay);
        Money given = givenEarlierIn(month, currency);
        return prorated.compareTo(given) < 0 ? given : prorated;
    }

    void paid(YearMonth month) {
        monthsHandled.add(month);
        monthsPaid.add(month);
    }

    /** Settled without payment: counted as handled, not towards the maximum. */
    void withheld(YearMonth month) {
        monthsHandled.add(month);
    }

    void gaveEarlier(YearMonth month, Money amount) {
        givenEarlier.merge(month, amount, Money::plus);
    }
}
