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
import coop.cooperative.core.riskpool.api.GiftsGivenOnLeaving;
import coop.cooperative.core.riskpool.api.LeaveAnnounced;
import coop.cooperative.core.riskpool.api.MemberEnrolled;
import coop.cooperative.core.riskpool.api.MemberLeftRiskPool;
import coop.cooperative.core.riskpool.api.RiskPoolCommands;
import coop.cooperative.core.riskpool.api.RiskPoolId;
import coop.cooperative.core.riskpool.api.RiskPoolOpened;
import coop.cooperative.core.riskpool.api.Tier;
import coop.cooperative.core.riskpool.api.TierChangeAnnounced;
import coop.cooperative.core.riskpool.api.TierChanged;
import coop.cooperative.core.riskpool.api.YearEndCompleted;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.Dates;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cooperative's risk pool (after the Dutch broodfonds). One aggregate per cooperative because
 * its rules span members: the minimum to pay out and the maximum to enrol, gifts taken from every
 * other member's account, each account's cap. Every amount is exact to the cent, and at every
 * moment the accounts plus everything paid out equal everything deposited minus everything
 * returned.
 *
 * <p>The handlers stay here, as Axon wants them on the aggregate root; the rules they apply live in
 * {@link PoolRules} (the pool's own), {@link PoolAccount} (a member's account), {@link PoolClaim}
 * (a claim and its payouts), {@link MemberClaims} (rules across a member's claims), {@link Gifts}
 * and {@link MonthPayout} (who gives what). The fields are the snapshot's format: keep their names and types' shapes
 * (RiskPoolSnapshotFormatTest in the app).
 */
public class RiskPool {

    /** How far ahead a claim may start ({@link PoolRules#MOST_DAYS_AHEAD}), for callers outside the package. */
    public static final int MOST_DAYS_AHEAD = PoolRules.MOST_DAYS_AHEAD;

    /** How far back a claim may start ({@link PoolRules#MOST_DAYS_BEFORE}), for callers outside the package. */
    public static final int MOST_DAYS_BEFORE = PoolRules.MOST_DAYS_BEFORE;

    @AggregateIdentifier
    private RiskPoolId riskPoolId;
    private CooperativeId cooperativeId;
    private Currency currency;
    private final Map<MemberId, PoolAccount> accounts = new HashMap<>();
    private final Map<ClaimId, PoolClaim> claims = new HashMap<>();
    private final Set<Integer> yearsReturned = new HashSet<>();

    protected RiskPool() {
        // for Axon, and for the first enrolment, which opens the pool
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RiskPoolCommands.EnrolMember command) {
        Dates.require(command.enrolledOn(), "enrolledOn");
        if (riskPoolId == null) {
            PoolRules.requireOwnPool(command.riskPoolId(), command.cooperativeId());
            apply(new RiskPoolOpened(command.riskPoolId(), command.cooperativeId(), command.tier().currency(),
                    command.enrolledOn()));
        }
        PoolRules.requireLevel(currency, command.tier());
        PoolRules.requireEnrolment(accounts.keySet(), command.memberId(), command.maximumMembers());
        apply(new MemberEnrolled(cooperativeId, command.memberId(), command.tier(), Tier.depositFor(command.tier()),
                command.enrolledOn()));
    }

    @CommandHandler
    public void handle(RiskPoolCommands.ChangeTier command) {
        PoolAccount account = PoolAccount.ofEnrolled(accounts, command.memberId());
        PoolRules.requireLevel(currency, command.tier());
        account.requireTierChange(command.tier(), command.changedOn(),
                MemberClaims.of(command.memberId(), claims).open().isPresent());
        Dates.require(command.changedOn(), "effectiveOn");
        PoolRules.requireChangeDate("effectiveOn", command.changedOn(), command.changeDates());
        Money deposit = Tier.depositFor(command.tier());
        apply(command.changedOn().isAfter(command.today())
                ? new TierChangeAnnounced(cooperativeId, command.memberId(), command.tier(), deposit, command.changedOn())
                : new TierChanged(cooperativeId, command.memberId(), command.tier(), deposit, command.changedOn()));
    }

    @CommandHandler
    public void handle(RiskPoolCommands.RecordContribution command) {
        Dates.require(command.month(), "month");
        PoolAccount account = PoolAccount.ofEnrolled(accounts, command.memberId());
        account.requireDepositFor(command.month(), command.paidOn());
        apply(new ContributionPaid(cooperativeId, command.memberId(), command.month(), account.deposit(),
                command.paidOn()));
    }

    @CommandHandler
    public void handle(RiskPoolCommands.FileClaim command) {
        Dates.require(command.startDate(), "startDate");
        Dates.require(command.filedOn(), "filedOn");
        boolean filedLate = PoolRules.requireStartWithinReach(command);
        Optional<Map.Entry<ClaimId, PoolClaim>> previous = MemberClaims.of(command.memberId(), claims)
                .requireNewClaim(command.claimId(), command.startDate(), accounts.get(command.memberId()));
        apply(new ClaimFiled(cooperativeId, command.claimId(), command.memberId(), command.startDate(), command.filedOn(),
                filedLate ? command.lateFilingAcceptedBy() : null));
        previous.filter(p -> p.getValue().isContinuedBy(command.startDate()))
                .ifPresent(p -> apply(new ClaimContinued(cooperativeId, command.claimId(), p.getKey(),
                        command.memberId())));
    }

    @CommandHandler
    public void handle(RiskPoolCommands.ApproveClaim command) {
        PoolClaim claim = PoolClaim.ofFiled(claims, command.claimId());
        claim.requireApprovableBy(command.approvedBy());
        apply(new ClaimApproved(cooperativeId, command.claimId(), claim.memberId(), command.approvedOn(),
                command.approvedBy()));
    }

    @CommandHandler
    public void handle(RiskPoolCommands.RejectClaim command) {
        PoolClaim claim = PoolClaim.ofFiled(claims, command.claimId());
        claim.requireUndecided();
        apply(new ClaimRejected(cooperativeId, command.claimId(), claim.memberId(), command.rejectedOn()));
    }

    @CommandHandler
    public void handle(RiskPoolCommands.CloseClaim command) {
        Dates.require(command.endDate(), "endDate");
        PoolClaim claim = PoolClaim.ofFiled(claims, command.claimId());
        claim.requireClosableOn(command.endDate());
        apply(new ClaimClosed(cooperativeId, command.claimId(), claim.memberId(), command.endDate()));
    }

    @CommandHandler
    public void handle(RiskPoolCommands.PayClaimMonth command) {
        PoolClaim claim = PoolClaim.ofFiled(claims, command.claimId());
        YearMonth month = command.month();
        LocalDate lastPaidDay = claim.requirePayable(month, command.paidOn());
        MemberClaims.of(claim.memberId(), claims).requireNotPaidUnderAnother(command.claimId(), month);
        if (!PoolRules.paysOut(accounts.size(), command.minimumMembers())) {
            apply(new ClaimMonthWithheld(cooperativeId, command.claimId(), claim.memberId(), month, accounts.size(),
                    command.minimumMembers()));
            return;
        }
        MonthPayout payout = MonthPayout.of(claim, month, lastPaidDay, accounts, currency);
        apply(new ClaimMonthPaid(cooperativeId, command.claimId(), claim.memberId(), month, payout.due(), payout.paid(),
                payout.shortfall(), payout.giftsInMemberOrder(), command.paidOn(), payout.givenEarlier()));
    }

    @CommandHandler
    public void handle(RiskPoolCommands.ReturnAboveCap command) {
        PoolRules.requireYearEnd(command.year(), command.returnedOn(), yearsReturned);
        LocalDate yearEnd = PoolRules.yearEnd(command.year());
        accounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Money above = e.getValue().aboveCapOn(yearEnd, currency);
            if (above.isPositive()) {
                apply(new AccountCapReturned(cooperativeId, e.getKey(), command.year(), above, command.returnedOn()));
            }
        });
        apply(new YearEndCompleted(cooperativeId, command.year(), command.returnedOn()));
    }

    @CommandHandler
    public void handle(RiskPoolCommands.LeaveRiskPool command) {
        Dates.require(command.leftOn(), "date");
        PoolAccount.ofEnrolled(accounts, command.memberId());
        PoolRules.requireChangeDate("date", command.leftOn(), command.changeDates());
        if (command.leftOn().isAfter(command.today())) {
            apply(new LeaveAnnounced(cooperativeId, command.memberId(), command.leftOn()));
            return;
        }
        MemberClaims.of(command.memberId(), claims).open().ifPresent(open -> apply(new ClaimClosed(cooperativeId, open,
                command.memberId(), claims.get(open).endWhenLeavingOn(command.leftOn()))));
        // the gifts for the month they leave in come first, unless that month is withheld without them
        List<ClaimGift> owed = PoolRules.paysOut(accounts.size() - 1, command.minimumMembers())
                ? Gifts.owedOnLeaving(command.memberId(), YearMonth.from(command.leftOn()), accounts, claims, currency)
                : List.of();
        if (!owed.isEmpty()) {
            apply(new GiftsGivenOnLeaving(cooperativeId, command.memberId(), owed, command.leftOn()));
        }
        apply(new MemberLeftRiskPool(cooperativeId, command.memberId(), accounts.get(command.memberId()).balance(),
                command.leftOn()));
    }

    @EventSourcingHandler
    void on(RiskPoolOpened event) {
        riskPoolId = event.riskPoolId();
        cooperativeId = event.cooperativeId();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(MemberEnrolled event) {
        accounts.put(event.memberId(), PoolAccount.opened(event.tier(), event.monthlyDeposit(), event.enrolledOn(), currency));
    }

    @EventSourcingHandler
    void on(TierChanged event) {
        accounts.computeIfPresent(event.memberId(), (m, a) -> a.withTier(event.tier(), event.monthlyDeposit(), event.changedOn()));
    }

    @EventSourcingHandler
    void on(ContributionPaid event) {
        accounts.put(event.memberId(), accounts.get(event.memberId()).deposited(event.month(), event.amount()));
    }

    @EventSourcingHandler
    void on(ClaimFiled event) {
        claims.put(event.claimId(), PoolClaim.filed(event.memberId(), accounts.get(event.memberId()).tier(), event.startDate()));
    }

    @EventSourcingHandler
    void on(ClaimContinued event) {
        claims.put(event.claimId(), claims.get(event.claimId()).continuing(claims.get(event.previousClaimId())));
    }

    @EventSourcingHandler
    void on(ClaimApproved event) {
        claims.computeIfPresent(event.claimId(), (id, c) -> c.approvedClaim());
    }

    @EventSourcingHandler
    void on(ClaimRejected event) {
        claims.computeIfPresent(event.claimId(), (id, c) -> c.rejectedClaim());
    }

    @EventSourcingHandler
    void on(ClaimClosed event) {
        claims.computeIfPresent(event.claimId(), (id, c) -> c.closedOn(event.endDate()));
    }

    @EventSourcingHandler
    void on(ClaimMonthPaid event) {
        claims.get(event.claimId()).paid(event.month());
        event.gifts().forEach(gift -> accounts.put(gift.from(),
                accounts.get(gift.from()).withdrawn(event.paidOn(), gift.amount())));
    }

    @EventSourcingHandler
    void on(GiftsGivenOnLeaving event) {
        event.gifts().forEach(gift -> {
            accounts.put(event.memberId(), accounts.get(event.memberId()).withdrawn(event.givenOn(), gift.amount()));
            claims.get(gift.claimId()).gaveEarlier(gift.month(), gift.amount());
        });
    }

    @EventSourcingHandler
    void on(ClaimMonthWithheld event) {
        claims.get(event.claimId()).withheld(event.month());
    }

    @EventSourcingHandler
    void on(AccountCapReturned event) {
        accounts.put(event.memberId(), accounts.get(event.memberId()).withdrawn(event.returnedOn(), event.amount()));
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
        return accounts.values().stream().map(PoolAccount::balance).reduce(Money.zero(currency), Money::plus);
    }

    Optional<Money> balanceOf(MemberId memberId) {
        return Optional.ofNullable(accounts.get(memberId)).map(PoolAccount::balance);
    }
}
