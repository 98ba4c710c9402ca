package coop.cooperative.core.riskpool;

import coop.cooperative.core.riskpool.api.AccountCapReturned;
import coop.cooperative.core.riskpool.api.ClaimApproved;
import coop.cooperative.core.riskpool.api.ClaimClosed;
import coop.cooperative.core.riskpool.api.ClaimContinued;
import coop.cooperative.core.riskpool.api.ClaimFiled;
import coop.cooperative.core.riskpool.api.ClaimGift;
import coop.cooperative.core.riskpool.api.ClaimMonthPaid;
import coop.cooperative.core.riskpool.api.ClaimMonthWithheld;
import coop.cooperative.core.riskpool.api.ClaimRejected;
import coop.cooperative.core.riskpool.api.ContributionPaid;
import coop.cooperative.core.riskpool.api.Gift;
import coop.cooperative.core.riskpool.api.GiftsGivenOnLeaving;
import coop.cooperative.core.riskpool.api.MemberEnrolled;
import coop.cooperative.core.riskpool.api.MemberLeftRiskPool;
import coop.cooperative.core.riskpool.api.LeaveAnnounced;
import coop.cooperative.core.riskpool.api.PayoutCalendar;
import coop.cooperative.core.riskpool.api.PoolChangeDates;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.ApproveClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.ChangeTier;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.CloseClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.EnrolMember;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.FileClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.LeaveRiskPool;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.PayClaimMonth;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.RecordContribution;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.RejectClaim;
import coop.cooperative.core.riskpool.api.RiskPoolCommands.ReturnAboveCap;
import coop.cooperative.core.riskpool.api.RiskPoolId;
import coop.cooperative.core.riskpool.api.RiskPoolOpened;
import coop.cooperative.core.riskpool.api.Tier;
import coop.cooperative.core.riskpool.api.TierChangeAnnounced;
import coop.cooperative.core.riskpool.api.TierChanged;
import coop.cooperative.core.riskpool.api.YearEndCompleted;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.Dates;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cooperative's risk pool (after the Dutch broodfonds). One aggregate per cooperative because
 * its rules span members: the minimum to pay out and the maximum to enrol, gifts taken from every
 * other member's account, each account's cap. Every amount is exact to the cent, and at every
 * moment the accounts plus everything paid out equal everything deposited minus everything
 * returned.
 */
public class RiskPool {

    /** How far ahead a claim may start: a planned operation is known a few weeks before. */
    public static final int MOST_DAYS_AHEAD = 30;

    /** How far back a claim may start: the fund asks to hear of an illness within a month. */
    public static final int MOST_DAYS_BEFORE = 30;

    @AggregateIdentifier
    private RiskPoolId riskPoolId;
    private CooperativeId cooperativeId;
    private Currency currency;
    private final Map<MemberId, Account> accounts = new HashMap<>();
    private final Map<ClaimId, Claim> claims = new HashMap<>();
    private final Set<Integer> yearsReturned = new HashSet<>();

    protected RiskPool() {
        // for Axon, and for the first enrolment, which opens the pool
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EnrolMember command) {
        Dates.require(command.enrolledOn(), "enrolledOn");
        if (riskPoolId == null) {
            if (!command.riskPoolId().equals(RiskPoolId.of(command.cooperativeId()))) {
                throw new RuleViolation(Refusal.POOL_OTHER_COOPERATIVE, "This is not the risk pool of cooperative " + command.cooperativeId(),
                        command.cooperativeId());
            }
            apply(new RiskPoolOpened(command.riskPoolId(), command.cooperativeId(), command.tier().currency(),
                    command.enrolledOn()));
        }
        requireLevel(command.tier());
        if (accounts.containsKey(command.memberId())) {
            throw new Conflict(Refusal.POOL_ALREADY_ENROLLED, "The member is already enrolled in the risk pool");
        }
        if (accounts.size() >= command.maximumMembers()) {
            throw new RuleViolation(Refusal.POOL_FULL, "The risk pool is full: it takes at most " + command.maximumMembers() + " members",
                    command.maximumMembers());
        }
        apply(new MemberEnrolled(cooperativeId, command.memberId(), command.tier(), Tier.depositFor(command.tier()),
                command.enrolledOn()));
    }

    @CommandHandler
    public void handle(ChangeTier command) {
        Account account = enrolled(command.memberId());
        requireLevel(command.tier());
        if (account.tier().equals(command.tier())) {
            throw new Conflict(Refusal.POOL_SAME_TIER, "The member's tier is already " + command.tier(), command.tier());
        }
        if (openClaimOf(command.memberId()).isPresent()) {
            throw new RuleViolation(Refusal.POOL_TIER_DURING_CLAIM, "A member cannot change tier during their own claim");
        }
        if (account.lastTierChange() != null && command.changedOn().isBefore(account.lastTierChange().plusYears(1))) {
            throw new RuleViolation(Refusal.POOL_TIER_ONCE_PER_YEAR, "A member may change tier at most once a year; the next change is possible on "
                    + account.lastTierChange().plusYears(1), account.lastTierChange().plusYears(1));
        }
        Dates.require(command.changedOn(), "effectiveOn");
        requireChangeDate("effectiveOn", command.changedOn(), command.changeDates());
        if (command.changedOn().isAfter(command.today())) {
            apply(new TierChangeAnnounced(cooperativeId, command.memberId(), command.tier(),
                    Tier.depositFor(command.tier()), command.changedOn()));
        } else {
            apply(new TierChanged(cooperativeId, command.memberId(), command.tier(), Tier.depositFor(command.tier()),
                    command.changedOn()));
        }
    }

    @CommandHandler
    public void handle(RecordContribution command) {
        Dates.require(command.month(), "month");
        Account account = enrolled(command.memberId());
        if (command.month().isBefore(YearMonth.from(account.enrolledOn()))) {
            throw new RuleViolation(Refusal.POOL_DEPOSIT_BEFORE_ENROLMENT, "The member enrolled on " + account.enrolledOn()
                    + "; there is no deposit due for " + command.month(), account.enrolledOn(), command.month());
        }
        YearMonth current = YearMonth.from(command.paidOn());
        if (command.month().isBefore(current) || command.month().isAfter(current.plusMonths(1))) {
            throw new RuleViolation(Refusal.POOL_DEPOSIT_MONTH, "month: a deposit is recorded for the current or the next month only ("
                    + current + " or " + current.plusMonths(1) + ")", current, current.plusMonths(1));
        }
        if (account.deposits().containsKey(command.month())) {
            throw new Conflict(Refusal.POOL_DEPOSIT_RECORDED, "The deposit for " + command.month() + " is already recorded", command.month());
        }
        apply(new ContributionPaid(cooperativeId, command.memberId(), command.month(), account.deposit(),
                command.paidOn()));
    }

    @CommandHandler
    public void handle(FileClaim command) {
        Dates.require(command.startDate(), "startDate");
        Dates.require(command.filedOn(), "filedOn");
        if (command.startDate().isAfter(command.filedOn().plusDays(MOST_DAYS_AHEAD))) {
            throw new RuleViolation(Refusal.POOL_CLAIM_AHEAD, "startDate: a claim starts at most " + MOST_DAYS_AHEAD + " days ahead ("
                    + command.filedOn().plusDays(MOST_DAYS_AHEAD) + "); file it closer to the day",
                    MOST_DAYS_AHEAD, command.filedOn().plusDays(MOST_DAYS_AHEAD));
        }
        boolean filedLate = command.startDate().isBefore(command.filedOn().minusDays(MOST_DAYS_BEFORE));
        if (filedLate) {
            requireLateFilingAccepted(command);
        }
        Account account = accounts.get(command.memberId());
        if (account == null) {
            throw new RuleViolation(Refusal.POOL_NOT_ENROLLED, "Only a member enrolled in the risk pool can file a claim");
        }
        if (claims.containsKey(command.claimId())) {
            throw new Conflict(Refusal.POOL_CLAIM_EXISTS, "Claim " + command.claimId() + " already exists", command.claimId());
        }
        if (openClaimOf(command.memberId()).isPresent()) {
            throw new Conflict(Refusal.POOL_OPEN_CLAIM, "The member already has an open claim; close it before filing another");
        }
        if (command.startDate().isBefore(account.enrolledOn())) {
            throw new RuleViolation(Refusal.POOL_CLAIM_BEFORE_ENROLMENT, "A claim cannot start before the member enrolled ("
                    + account.enrolledOn() + ")", account.enrolledOn());
        }
        Optional<Map.Entry<ClaimId, Claim>> previous = claims.entrySet().stream()
                .filter(c -> c.getValue().memberId().equals(command.memberId()) && c.getValue().approved()
                        && c.getValue().endDate() != null)
                .max(Comparator.comparing(c -> c.getValue().endDate()));
        if (previous.isPresent() && !command.startDate().isAfter(previous.get().getValue().endDate())) {
            throw new RuleViolation(Refusal.POOL_CLAIM_BEFORE_PREVIOUS, "A claim cannot start before the member's previous claim ended ("
                    + previous.get().getValue().endDate() + ")", previous.get().getValue().endDate());
        }
        apply(new ClaimFiled(cooperativeId, command.claimId(), command.memberId(), command.startDate(), command.filedOn(),
                filedLate ? command.lateFilingAcceptedBy() : null));
        previous.filter(p -> !command.startDate().isAfter(p.getValue().endDate().plusMonths(1)))
                .ifPresent(p -> apply(new ClaimContinued(cooperativeId, command.claimId(), p.getKey(),
                        command.memberId())));
    }

    /** A claim filed more than 30 days after its start needs an admin's acceptance, never the claimant's own. */
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

    @CommandHandler
    public void handle(ApproveClaim command) {
        Claim claim = claim(command.claimId());
        if (claim.approved() || claim.rejected()) {
            throw new Conflict(Refusal.POOL_CLAIM_DECIDED, "The claim was already " + (claim.approved() ? "approved" : "rejected"));
        }
        if (command.approvedBy() == null || command.approvedBy().equals(claim.memberId())) {
            throw new RuleViolation(Refusal.POOL_OWN_CLAIM, "A claimant never approves their own claim: another treasurer or an admin decides");
        }
        apply(new ClaimApproved(cooperativeId, command.claimId(), claim.memberId(), command.approvedOn(),
                command.approvedBy()));
    }

    @CommandHandler
    public void handle(RejectClaim command) {
        Claim claim = claim(command.claimId());
        if (claim.approved() || claim.rejected()) {
            throw new Conflict(Refusal.POOL_CLAIM_DECIDED, "The claim was already " + (claim.approved() ? "approved" : "rejected"));
        }
        apply(new ClaimRejected(cooperativeId, command.claimId(), claim.memberId(), command.rejectedOn()));
    }

    @CommandHandler
    public void handle(CloseClaim command) {
        Dates.require(command.endDate(), "endDate");
        Claim claim = claim(command.claimId());
        if (claim.rejected()) {
            throw new Conflict(Refusal.POOL_CLAIM_REJECTED, "The claim was rejected; there is nothing to close");
        }
        if (claim.endDate() != null) {
            throw new Conflict(Refusal.POOL_CLAIM_CLOSED, "The claim already closed on " + claim.endDate(), claim.endDate());
        }
        if (command.endDate().isBefore(claim.startDate())) {
            throw new RuleViolation(Refusal.POOL_CLAIM_ENDS_BEFORE_START, "A claim cannot end before it started (" + claim.startDate() + ")",
                    claim.startDate());
        }
        YearMonth lastPaid = claim.monthsHandled().stream().max(Comparator.naturalOrder()).orElse(null);
        if (lastPaid != null && YearMonth.from(command.endDate()).isBefore(lastPaid)) {
            throw new RuleViolation(Refusal.POOL_CLAIM_ENDS_BEFORE_PAID, "The claim was already paid for " + lastPaid
                    + "; it cannot end before that month", lastPaid);
        }
        apply(new ClaimClosed(cooperativeId, command.claimId(), claim.memberId(), command.endDate()));
    }

    @CommandHandler
    public void handle(PayClaimMonth command) {
        Claim claim = claim(command.claimId());
        YearMonth month = command.month();
        if (!claim.approved()) {
            throw new RuleViolation(Refusal.POOL_ONLY_APPROVED_PAID, "Only an approved claim is paid out");
        }
        if (claim.monthsHandled().contains(month)) {
            throw new Conflict(Refusal.POOL_MONTH_SETTLED, "The claim's month " + month + " was already settled", month);
        }
        YearMonth first = YearMonth.from(claim.payableFrom());
        if (month.isBefore(first)) {
            throw new RuleViolation(Refusal.POOL_WAITING, "The waiting period runs until " + claim.payableFrom() + "; payouts start in "
                    + first, claim.payableFrom(), first);
        }
        LocalDate lastPaidDay = claim.lastPaidDay();
        if (month.isAfter(YearMonth.from(lastPaidDay)) || lastPaidDay.isBefore(claim.payableFrom())) {
            throw claim.endDate() != null && !claim.endDate().isAfter(lastPaidDay)
                    ? new RuleViolation(Refusal.POOL_CLAIM_ENDED, "The claim ended on " + claim.endDate() + "; " + month
                            + " is not paid", claim.endDate(), month)
                    : new RuleViolation(Refusal.POOL_MAXIMUM_MONTHS, "A claim is paid at most " + PayoutCalendar.MAXIMUM_MONTHS
                            + " months (until " + lastPaidDay + ")", PayoutCalendar.MAXIMUM_MONTHS, lastPaidDay);
        }
        LocalDate dueOn = PayoutCalendar.dueOn(month, lastPaidDay);
        if (command.paidOn().isBefore(dueOn)) {
            throw new RuleViolation(Refusal.POOL_MONTH_NOT_DUE, "The month " + month
                    + " is not due yet: it is paid once its days have passed, from " + dueOn, month, dueOn);
        }
        boolean paidByAnother = claims.entrySet().stream()
                .anyMatch(c -> !c.getKey().equals(command.claimId()) && c.getValue().memberId().equals(claim.memberId())
                        && c.getValue().monthsPaid().contains(month));
        if (paidByAnother) {
            throw new Conflict(Refusal.POOL_PAID_EARLIER_CLAIM, "The member was already paid for " + month + " under an earlier claim",
                    month);
        }
        if (accounts.size() < command.minimumMembers()) {
            apply(new ClaimMonthWithheld(cooperativeId, command.claimId(), claim.memberId(), month, accounts.size(),
                    command.minimumMembers()));
            return;
        }
        Money givenEarlier = claim.givenEarlier().getOrDefault(month, Money.zero(currency));
        Money prorated = PayoutCalendar.due(claim.tier(), month, claim.payableFrom(), lastPaidDay);
        // What leavers gave for this month is never taken back, even if the claim since closed sooner.
        Money due = prorated.compareTo(givenEarlier) < 0 ? givenEarlier : prorated;
        Map<MemberId, Money> gifts = giftsFor(claim.memberId(), due.minus(givenEarlier), accounts);
        Money paid = gifts.values().stream().reduce(givenEarlier, Money::plus);
        apply(new ClaimMonthPaid(cooperativeId, command.claimId(), claim.memberId(), month, due, paid, due.minus(paid),
                gifts.entrySet().stream().map(g -> new Gift(g.getKey(), g.getValue())).toList(), command.paidOn(),
                givenEarlier));
    }

    /** Gifts towards {@code amount} from every account but the claimant's ({@link Gifts}); none for nothing. */
    private Map<MemberId, Money> giftsFor(MemberId claimant, Money amount, Map<MemberId, Account> givers) {
        Map<MemberId, Money> deposits = new HashMap<>();
        Map<MemberId, Money> balances = new HashMap<>();
        givers.forEach((member, account) -> {
            if (!member.equals(claimant)) {
                deposits.put(member, account.deposit());
                balances.put(member, account.balance());
            }
        });
        return deposits.isEmpty() || !amount.isPositive() ? Map.of() : Gifts.fund(amount, deposits, balances);
    }

    @CommandHandler
    public void handle(ReturnAboveCap command) {
        if (yearsReturned.contains(command.year())) {
            throw new Conflict(Refusal.POOL_YEAR_END_MADE, "The year-end returns for " + command.year() + " were already made",
                    command.year());
        }
        if (command.returnedOn().isBefore(LocalDate.of(command.year(), 12, 31))) {
            throw new RuleViolation(Refusal.POOL_YEAR_END_EARLY, "The year-end returns for " + command.year()
                    + " are made from its last day on", command.year());
        }
        LocalDate yearEnd = LocalDate.of(command.year(), 12, 31);
        accounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Money cap = new Money(e.getValue().deposit().amount().multiply(BigDecimal.valueOf(Tier.CAP_IN_DEPOSITS)), currency);
            // Measured on 31 December: deposits for later months stay in, and never more than the account holds now.
            Money aboveThen = e.getValue().balanceOn(yearEnd).minus(cap);
            Money above = aboveThen.compareTo(e.getValue().balance()) > 0 ? e.getValue().balance() : aboveThen;
            if (above.isPositive()) {
                apply(new AccountCapReturned(cooperativeId, e.getKey(), command.year(), above, command.returnedOn()));
            }
        });
        apply(new YearEndCompleted(cooperativeId, command.year(), command.returnedOn()));
    }

    @CommandHandler
    public void handle(LeaveRiskPool command) {
        Dates.require(command.leftOn(), "date");
        enrolled(command.memberId());
        requireChangeDate("date", command.leftOn(), command.changeDates());
        if (command.leftOn().isAfter(command.today())) {
            apply(new LeaveAnnounced(cooperativeId, command.memberId(), command.leftOn()));
            return;
        }
        openClaimOf(command.memberId()).ifPresent(open -> {
            Claim claim = claims.get(open);
            LocalDate end = command.leftOn().isBefore(claim.startDate()) ? claim.startDate() : command.leftOn();
            apply(new ClaimClosed(cooperativeId, open, command.memberId(), end));
        });
        List<ClaimGift> owed = giftsOwedOnLeaving(command.memberId(), YearMonth.from(command.leftOn()),
                command.minimumMembers());
        if (!owed.isEmpty()) {
            apply(new GiftsGivenOnLeaving(cooperativeId, command.memberId(), owed, command.leftOn()));
        }
        apply(new MemberLeftRiskPool(cooperativeId, command.memberId(), accounts.get(command.memberId()).balance(),
                command.leftOn()));
    }

    /**
     * The leaver's share of each colleague's payout for {@code month}, as if it were paid now with
     * the leaver still in: they leave after the gifts they owe for the month they leave in. Nothing
     * is owed for a month that will be withheld once they are gone.
     */
    private List<ClaimGift> giftsOwedOnLeaving(MemberId leaver, YearMonth month, int minimumMembers) {
        List<ClaimGift> owed = new ArrayList<>();
        if (accounts.size() - 1 < minimumMembers) {
            return owed;
        }
        Map<MemberId, Account> givers = new HashMap<>(accounts);
        claims.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().value())).forEach(entry -> {
            Claim claim = entry.getValue();
            if (!claim.approved() || claim.memberId().equals(leaver) || claim.monthsHandled().contains(month)
                    || PayoutCalendar.daysPaid(month, claim.payableFrom(), claim.lastPaidDay()) == 0) {
                return;
            }
            Money due = PayoutCalendar.due(claim.tier(), month, claim.payableFrom(), claim.lastPaidDay())
                    .minus(claim.givenEarlier().getOrDefault(month, Money.zero(currency)));
            Money share = giftsFor(claim.memberId(), due, givers).getOrDefault(leaver, Money.zero(currency));
            if (share.isPositive()) {
                owed.add(new ClaimGift(entry.getKey(), claim.memberId(), month, share));
                Account account = givers.get(leaver);
                givers.put(leaver, account.withBalance(account.balance().minus(share)));
            }
        });
        return owed;
    }

    @EventSourcingHandler
    void on(RiskPoolOpened event) {
        riskPoolId = event.riskPoolId();
        cooperativeId = event.cooperativeId();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(MemberEnrolled event) {
        accounts.put(event.memberId(), new Account(event.tier(), event.monthlyDeposit(), Money.zero(currency),
                event.enrolledOn(), null, new TreeMap<>(), new TreeMap<>()));
    }

    @EventSourcingHandler
    void on(TierChanged event) {
        accounts.computeIfPresent(event.memberId(), (m, a) -> new Account(event.tier(), event.monthlyDeposit(),
                a.balance(), a.enrolledOn(), event.changedOn(), a.deposits(), a.movements()));
    }

    @EventSourcingHandler
    void on(ContributionPaid event) {
        Account account = accounts.get(event.memberId());
        account.deposits().put(event.month(), event.amount());
        // A deposit counts from the month it is for, whenever it was paid (the cap is measured so).
        accounts.put(event.memberId(), account.moved(event.month().atDay(1), event.amount()));
    }

    @EventSourcingHandler
    void on(ClaimFiled event) {
        claims.put(event.claimId(), new Claim(event.memberId(), accounts.get(event.memberId()).tier(), event.startDate(),
                event.startDate().plusMonths(1), 0, false, false, null, new TreeSet<>(), new TreeSet<>(), new HashMap<>()));
    }

    @EventSourcingHandler
    void on(ClaimContinued event) {
        Claim previous = claims.get(event.previousClaimId());
        Claim claim = claims.get(event.claimId());
        // One waiting period for both: payable from the start, but never before the previous claim's
        // waiting period ended, nor in a month the previous claim already settled.
        LocalDate payableFrom = claim.startDate().isBefore(previous.payableFrom()) ? previous.payableFrom() : claim.startDate();
        Optional<YearMonth> lastSettled = previous.monthsHandled().stream().max(Comparator.naturalOrder());
        if (lastSettled.isPresent() && payableFrom.isBefore(lastSettled.get().plusMonths(1).atDay(1))) {
            payableFrom = lastSettled.get().plusMonths(1).atDay(1);
        }
        claims.put(event.claimId(), new Claim(claim.memberId(), claim.tier(), claim.startDate(), payableFrom,
                previous.monthsCarried() + previous.monthsPaid().size(), false, false, null, claim.monthsHandled(),
                claim.monthsPaid(), claim.givenEarlier()));
    }

    @EventSourcingHandler
    void on(ClaimApproved event) {
        claims.computeIfPresent(event.claimId(), (id, c) -> c.with(true, false, c.endDate()));
    }

    @EventSourcingHandler
    void on(ClaimRejected event) {
        claims.computeIfPresent(event.claimId(), (id, c) -> c.with(false, true, c.endDate()));
    }

    @EventSourcingHandler
    void on(ClaimClosed event) {
        claims.computeIfPresent(event.claimId(), (id, c) -> c.with(c.approved(), c.rejected(), event.endDate()));
    }

    @EventSourcingHandler
    void on(ClaimMonthPaid event) {
        Claim claim = claims.get(event.claimId());
        claim.monthsHandled().add(event.month());
        claim.monthsPaid().add(event.month());
        event.gifts().forEach(gift -> accounts.put(gift.from(),
                accounts.get(gift.from()).moved(event.paidOn(), gift.amount().negate())));
    }

    @EventSourcingHandler
    void on(GiftsGivenOnLeaving event) {
        event.gifts().forEach(gift -> {
            accounts.put(event.memberId(), accounts.get(event.memberId()).moved(event.givenOn(), gift.amount().negate()));
            claims.get(gift.claimId()).givenEarlier().merge(gift.month(), gift.amount(), Money::plus);
        });
    }

    @EventSourcingHandler
    void on(ClaimMonthWithheld event) {
        claims.get(event.claimId()).monthsHandled().add(event.month());
    }

    @EventSourcingHandler
    void on(AccountCapReturned event) {
        accounts.put(event.memberId(), accounts.get(event.memberId()).moved(event.returnedOn(), event.amount().negate()));
    }

    @EventSourcingHandler
    void on(YearEndCompleted event) {
        yearsReturned.add(event.year());
    }

    @EventSourcingHandler
    void on(MemberLeftRiskPool event) {
        accounts.remove(event.memberId());
    }

    /** What the accounts hold together (for tests of the pool's money invariant). */
    Money totalBalance() {
        return accounts.values().stream().map(Account::balance).reduce(Money.zero(currency), Money::plus);
    }

    Optional<Money> balanceOf(MemberId memberId) {
        return Optional.ofNullable(accounts.get(memberId)).map(Account::balance);
    }

    private Account enrolled(MemberId memberId) {
        Account account = accounts.get(memberId);
        if (account == null) {
            throw new NotFound(Refusal.POOL_MEMBER_NOT_ENROLLED, "Member " + memberId + " is not enrolled in the risk pool", memberId);
        }
        return account;
    }

    private Claim claim(ClaimId claimId) {
        Claim claim = claims.get(claimId);
        if (claim == null) {
            throw new NotFound(Refusal.POOL_CLAIM_NOT_FOUND, "No claim " + claimId + " in this risk pool", claimId);
        }
        return claim;
    }

    /** The member's claim that is neither rejected nor closed, if any. */
    private Optional<ClaimId> openClaimOf(MemberId memberId) {
        return claims.entrySet().stream()
                .filter(c -> c.getValue().memberId().equals(memberId) && c.getValue().isOpen())
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static void requireChangeDate(String field, LocalDate day, PoolChangeDates changeDates) {
        if (!changeDates.allows(day)) {
            throw new RuleViolation(Refusal.POOL_CHANGE_DATE, field + ": changes in the pool take effect on the first day of a quarter;"
                    + " the next is " + changeDates.firstFrom(day), field, changeDates.firstFrom(day));
        }
    }

    private void requireLevel(Money tier) {
        if (currency != null && !tier.currency().equals(currency)) {
            throw new RuleViolation(Refusal.POOL_TIER_CURRENCY, "The tier must be in the pool's currency, " + currency, currency);
        }
        if (!Tier.isLevel(tier)) {
            String levels = Tier.levels(tier.currency()).stream().map(Money::toString).collect(Collectors.joining(", "));
            throw new RuleViolation(Refusal.POOL_TIER_LEVEL, "The tier must be one of " + levels + " a month", levels);
        }
    }

    /**
     * A member's place in the pool; records, so sourced and handled state compare by value.
     * {@code deposits}: per month deposited; {@code movements}: the balance's changes per day they
     * count from, so the balance on any day (31 December, for the cap) can be told.
     */
    private record Account(Money tier, Money deposit, Money balance, LocalDate enrolledOn, LocalDate lastTierChange,
                           NavigableMap<YearMonth, Money> deposits, NavigableMap<LocalDate, Money> movements) {

        Account withBalance(Money newBalance) {
            return new Account(tier, deposit, newBalance, enrolledOn, lastTierChange, deposits, movements);
        }

        Account moved(LocalDate on, Money amount) {
            movements.merge(on, amount, Money::plus);
            return withBalance(balance.plus(amount));
        }

        Money balanceOn(LocalDate day) {
            return movements.headMap(day, true).values().stream().reduce(Money.zero(balance.currency()), Money::plus);
        }
    }

    /**
     * A claim as far as payouts need it. {@code tier}: the claimant's, which does not change during
     * a claim; {@code payableFrom}: the day the waiting period ends; {@code monthsCarried}: months
     * paid under the claims this one continues; {@code givenEarlier}: per month, what leavers gave.
     */
    private record Claim(MemberId memberId, Money tier, LocalDate startDate, LocalDate payableFrom, int monthsCarried,
                         boolean approved, boolean rejected, LocalDate endDate, Set<YearMonth> monthsHandled,
                         Set<YearMonth> monthsPaid, Map<YearMonth, Money> givenEarlier) {

        boolean isOpen() {
            return !rejected && endDate == null;
        }

        LocalDate lastPaidDay() {
            return PayoutCalendar.lastPaidDay(payableFrom, monthsCarried, monthsHandled.size() - monthsPaid.size(), endDate);
        }

        Claim with(boolean isApproved, boolean isRejected, LocalDate end) {
            return new Claim(memberId, tier, startDate, payableFrom, monthsCarried, isApproved, isRejected, end,
                    monthsHandled, monthsPaid, givenEarlier);
        }
    }
}
