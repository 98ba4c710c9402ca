package coop.cooperative.core.riskpool;

import coop.cooperative.core.riskpool.api.Tier;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A member's account in the pool: their tier and deposit, what it holds, and when it changed. A
 * record, so sourced and snapshotted state compare by value. {@code deposits}: per month
 * deposited; {@code movements}: the balance's changes per day they count from, so the balance on
 * any day (31 December, for the cap) can be told.
 *
 * <p>Snapshots store these components by name (they were those of {@code RiskPool.Account}), so
 * renaming, adding or removing one changes the stored format: see {@code RiskPoolSnapshotFormatTest}.
 * A public method named like a getter ({@code getX}, {@code isX}) would be written into snapshots
 * too: keep such methods package-private.
 */
record PoolAccount(Money tier, Money deposit, Money balance, LocalDate enrolledOn, LocalDate lastTierChange,
                   NavigableMap<YearMonth, Money> deposits, NavigableMap<LocalDate, Money> movements) {

    static PoolAccount opened(Money tier, Money deposit, LocalDate enrolledOn, Currency currency) {
        return new PoolAccount(tier, deposit, Money.zero(currency), enrolledOn, null, new TreeMap<>(), new TreeMap<>());
    }

    /** The member's account; a member not enrolled is not found. */
    static PoolAccount ofEnrolled(Map<MemberId, PoolAccount> accounts, MemberId memberId) {
        PoolAccount account = accounts.get(memberId);
        if (account == null) {
            throw new NotFound(Refusal.POOL_MEMBER_NOT_ENROLLED, "Member " + memberId + " is not enrolled in the risk pool", memberId);
        }
        return account;
    }

    /** A tier changes at most once a year, counted from the last change. */
    void requireTierChange(Money newTier, LocalDate changedOn, boolean duringOwnClaim) {
        if (tier.equals(newTier)) {
            throw new Conflict(Refusal.POOL_SAME_TIER, "The member's tier is already " + newTier, newTier);
        }
        if (duringOwnClaim) {
            // the claim is paid at the tier it started with
            throw new RuleViolation(Refusal.POOL_TIER_DURING_CLAIM, "A member cannot change tier during their own claim");
        }
        if (lastTierChange != null && changedOn.isBefore(lastTierChange.plusYears(1))) {
            throw new RuleViolation(Refusal.POOL_TIER_ONCE_PER_YEAR, "A member may change tier at most once a year; the next change is possible on "
                    + lastTierChange.plusYears(1), lastTierChange.plusYears(1));
        }
    }

    PoolAccount withTier(Money newTier, Money newDeposit, LocalDate changedOn) {
        return new PoolAccount(newTier, newDeposit, balance, enrolledOn, changedOn, deposits, movements);
    }

    /** One deposit per month, from the month of enrolment, recorded for the current or the next month only. */
    void requireDepositFor(YearMonth month, LocalDate paidOn) {
        if (month.isBefore(YearMonth.from(enrolledOn))) {
            throw new RuleViolation(Refusal.POOL_DEPOSIT_BEFORE_ENROLMENT, "The member enrolled on " + enrolledOn
                    + "; there is no deposit due for " + month, enrolledOn, month);
        }
        YearMonth current = YearMonth.from(paidOn);
        if (month.isBefore(current) || month.isAfter(current.plusMonths(1))) {
            throw new RuleViolation(Refusal.POOL_DEPOSIT_MONTH, "month: a deposit is recorded for the current or the next month only ("
                    + current + " or " + current.plusMonths(1) + ")", current, current.plusMonths(1));
        }
        if (deposits.containsKey(month)) {
            throw new Conflict(Refusal.POOL_DEPOSIT_RECORDED, "The deposit for " + month + " is already recorded", month);
        }
    }

    /** A deposit counts from the month it is for, whenever it was paid (the cap is measured so). */
    PoolAccount deposited(YearMonth month, Money amount) {
        deposits.put(month, amount);
        return moved(month.atDay(1), amount);
    }

    /** A gift given, a cap returned: out of the account from {@code on}. */
    PoolAccount withdrawn(LocalDate on, Money amount) {
        return moved(on, amount.negate());
    }

    /** The account as it would be holding {@code newBalance}, its history unchanged (to reckon what a leaver owes). */
    PoolAccount withBalance(Money newBalance) {
        return new PoolAccount(tier, deposit, newBalance, enrolledOn, lastTierChange, deposits, movements);
    }

    private PoolAccount moved(LocalDate on, Money amount) {
        movements.merge(on, amount, Money::plus);
        return withBalance(balance.plus(amount));
    }

    Money balanceOn(LocalDate day) {
        return movements.headMap(day, true).values().stream().reduce(Money.zero(balance.currency()), Money::plus);
    }

    /**
     * What is returned at {@code yearEnd}: what the account held that day above {@link Tier#CAP_IN_DEPOSITS}
     * deposits. Deposits for later months stay in, and never more than the account holds now.
     */
    Money aboveCapOn(LocalDate yearEnd, Currency currency) {
        Money cap = new Money(deposit.amount().multiply(BigDecimal.valueOf(Tier.CAP_IN_DEPOSITS)), currency);
        Money aboveThen = balanceOn(yearEnd).minus(cap);
        return aboveThen.compareTo(balance) > 0 ? balance : aboveThen;
    }
}
