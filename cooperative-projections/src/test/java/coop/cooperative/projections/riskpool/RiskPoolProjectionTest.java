package coop.cooperative.projections.riskpool;

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
import coop.cooperative.core.riskpool.api.LeaveAnnounced;
import coop.cooperative.core.riskpool.api.MemberEnrolled;
import coop.cooperative.core.riskpool.api.MemberLeftRiskPool;
import coop.cooperative.core.riskpool.api.RiskPoolId;
import coop.cooperative.core.riskpool.api.RiskPoolOpened;
import coop.cooperative.core.riskpool.api.TierChangeAnnounced;
import coop.cooperative.core.riskpool.api.TierChanged;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.ProjectionDatabase;
import coop.cooperative.projections.riskpool.RiskPoolQueries.AccountEntry;
import coop.cooperative.projections.riskpool.RiskPoolQueries.AnnouncedChange;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimStatus;
import coop.cooperative.projections.riskpool.RiskPoolQueries.ClaimView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.EntryKind;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindAccountHistory;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindAnnouncedChanges;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindClaim;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindPayableClaims;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindPoolHistory;
import coop.cooperative.projections.riskpool.RiskPoolQueries.FindRiskPool;
import coop.cooperative.projections.riskpool.RiskPoolQueries.PoolMember;
import coop.cooperative.projections.riskpool.RiskPoolQueries.PoolMonth;
import coop.cooperative.projections.riskpool.RiskPoolQueries.RiskPoolView;
import coop.cooperative.projections.riskpool.RiskPoolQueries.WithheldMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static coop.cooperative.projections.Given.ANNA;
import static coop.cooperative.projections.Given.BRAM;
import static coop.cooperative.projections.Given.CAS;
import static coop.cooperative.projections.Given.EUR;
import static coop.cooperative.projections.Given.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The risk pool's read model: given the pool's events, what the pool, a member's account, a claim
 * and the schedulers' queries answer. Events go in as a processor hands them over: each with its
 * own id and its place in the pool's stream.
 */
class RiskPoolProjectionTest {

    private static final CooperativeId COOPERATIVE = new CooperativeId(UUID.randomUUID());
    private static final LocalDate OPENED = LocalDate.of(2026, 1, 1);


    private final ProjectionDatabase database = new ProjectionDatabase();
    private final RiskPoolProjection pool = new RiskPoolProjection(database.jdbc());
    private final RiskPoolReads reads = new RiskPoolReads(database.jdbc());
    private long sequence;

    @BeforeEach
    void anOpenPoolWithThreeMembers() {
        pool.on(new RiskPoolOpened(new RiskPoolId(UUID.randomUUID()), COOPERATIVE, EUR, OPENED));
        pool.on(new MemberEnrolled(COOPERATIVE, ANNA, eur("1000.00"), eur("30.00"), OPENED));
        pool.on(new MemberEnrolled(COOPERATIVE, BRAM, eur("1500.00"), eur("45.00"), OPENED));
        pool.on(new MemberEnrolled(COOPERATIVE, CAS, eur("1000.00"), eur("30.00"), OPENED));
    }

    @AfterEach
    void dropTheDatabase() {
        database.close();
    }

    @Test
    void depositsFillEachMembersAccountAndThePool() {
        deposit(ANNA, "2026-01", "30.00");
        deposit(BRAM, "2026-01", "45.00");
        deposit(CAS, "2026-01", "30.00");
        deposit(ANNA, "2026-02", "30.00");

        RiskPoolView view = view();

        assertThat(view.currency()).isEqualTo("EUR");
        assertThat(view.balance()).isEqualTo(eur("135.00"));
        assertThat(view.members()).extracting(PoolMember::memberId, PoolMember::tier, PoolMember::monthlyDeposit,
                PoolMember::account).containsExactly(
                tuple(ANNA, eur("1000.00"), eur("30.00"), eur("60.00")),
                tuple(BRAM, eur("1500.00"), eur("45.00"), eur("45.00")),
                tuple(CAS, eur("1000.00"), eur("30.00"), eur("30.00")));
        assertThat(view.claims()).isEmpty();
    }

    @Test
    void aDepositHandledAgainAsInAReplayCountsOnce() {
        ContributionPaid january = new ContributionPaid(COOPERATIVE, ANNA, YearMonth.of(2026, 1), eur("30.00"),
                LocalDate.of(2026, 1, 5));

        pool.on(january, "deposit-1", 1);
        pool.on(january, "deposit-1", 1);

        assertThat(view().balance()).isEqualTo(eur("30.00"));
        assertThat(reads.handle(new FindAccountHistory(COOPERATIVE, ANNA))).hasSize(1);
    }

    @Test
    void aFiledClaimWaitsAMonthAndOnceApprovedIsPaidForAtMostTwentyFourMonths() {
        ClaimId claim = fileClaim(BRAM, LocalDate.of(2026, 3, 10));

        ClaimView filed = claim(claim);
        pool.on(new ClaimApproved(COOPERATIVE, claim, BRAM, LocalDate.of(2026, 3, 12), ANNA));
        ClaimView approved = claim(claim);

        assertThat(filed.status()).isEqualTo(ClaimStatus.FILED);
        assertThat(filed.payableFrom()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(filed.isOpen()).isTrue();
        assertThat(filed.isPaying()).as("not approved yet").isFalse();
        assertThat(filed.tier()).isEqualTo(eur("1500.00"));
        assertThat(approved.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(approved.approvedOn()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(approved.approvedBy()).isEqualTo(ANNA);
        assertThat(approved.payableUntil()).isEqualTo(LocalDate.of(2028, 4, 9));
        assertThat(approved.monthsLeft()).as("April 2026 to April 2028").isEqualTo(25);
        assertThat(approved.isPaying()).isTrue();
        assertThat(view().claims()).extracting(ClaimView::claimId).containsExactly(claim);
    }

    @Test
    void aPaidMonthTakesTheGiftsFromTheGiversAccountsAndCountsForTheClaim() {
        deposit(ANNA, "2026-01", "30.00");
        deposit(CAS, "2026-01", "30.00");
        ClaimId claim = fileClaim(BRAM, LocalDate.of(2026, 3, 10));
        pool.on(new ClaimApproved(COOPERATIVE, claim, BRAM, LocalDate.of(2026, 3, 12), ANNA));

        pool.on(new ClaimMonthPaid(COOPERATIVE, claim, BRAM, YearMonth.of(2026, 4), eur("50.00"), eur("45.00"),
                eur("5.00"), List.of(new Gift(ANNA, eur("25.00")), new Gift(CAS, eur("20.00"))), LocalDate.of(2026, 5, 1),
                eur("0.00")), "paid-april", ++sequence);

        ClaimView paid = claim(claim);
        assertThat(paid.monthsPaid()).isEqualTo(1);
        assertThat(paid.monthsSettled()).isEqualTo(Set.of(YearMonth.of(2026, 4)));
        assertThat(paid.totalPaid()).isEqualTo(eur("45.00"));
        assertThat(paid.totalShortfall()).isEqualTo(eur("5.00"));
        assertThat(paid.monthsLeft()).as("May 2026 to April 2028").isEqualTo(24);
        RiskPoolView view = view();
        assertThat(view.balance()).isEqualTo(eur("15.00"));
        assertThat(view.members()).extracting(PoolMember::memberId, PoolMember::account).containsExactly(
                tuple(ANNA, eur("5.00")), tuple(BRAM, eur("0.00")), tuple(CAS, eur("10.00")));
        assertThat(reads.handle(new FindAccountHistory(COOPERATIVE, ANNA)))
                .extracting(AccountEntry::kind, AccountEntry::amount, AccountEntry::month, AccountEntry::claimId,
                        AccountEntry::balance)
                .containsExactly(
                        tuple(EntryKind.DEPOSIT, eur("30.00"), YearMonth.of(2026, 1), null, eur("30.00")),
                        tuple(EntryKind.GIFT, eur("-25.00"), YearMonth.of(2026, 4), claim, eur("5.00")));
    }

    @Test
    void aWithheldMonthIsSettledWithoutPayoutAndMovesTheClaimsLastPaidDayAMonthOn() {
        ClaimId claim = fileClaim(BRAM, LocalDate.of(2026, 3, 10));
        pool.on(new ClaimApproved(COOPERATIVE, claim, BRAM, LocalDate.of(2026, 3, 12), ANNA));

        pool.on(new ClaimMonthWithheld(COOPERATIVE, claim, BRAM, YearMonth.of(2026, 4), 3, 5));

        ClaimView withheld = claim(claim);
        assertThat(withheld.withheld()).containsExactly(new WithheldMonth(YearMonth.of(2026, 4), 3, 5));
        assertThat(withheld.monthsPaid()).isZero();
        assertThat(withheld.monthsSettled()).containsExactly(YearMonth.of(2026, 4));
        assertThat(withheld.totalPaid()).isEqualTo(eur("0.00"));
        assertThat(withheld.payableUntil()).isEqualTo(LocalDate.of(2028, 5, 9));
    }

    @Test
    void aClosedClaimIsPaidUpToItsEndAndARejectedOneNever() {
        ClaimId closed = fileClaim(BRAM, LocalDate.of(2026, 3, 10));
        pool.on(new ClaimApproved(COOPERATIVE, closed, BRAM, LocalDate.of(2026, 3, 12), ANNA));
        ClaimId rejected = fileClaim(CAS, LocalDate.of(2026, 3, 20));

        pool.on(new ClaimClosed(COOPERATIVE, closed, BRAM, LocalDate.of(2026, 5, 15)));
        pool.on(new ClaimRejected(COOPERATIVE, rejected, CAS, LocalDate.of(2026, 3, 22)));

        ClaimView closedView = claim(closed);
        assertThat(closedView.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(closedView.endDate()).isEqualTo(LocalDate.of(2026, 5, 15));
        assertThat(closedView.payableUntil()).isEqualTo(LocalDate.of(2026, 5, 15));
        assertThat(closedView.monthsLeft()).as("April and May").isEqualTo(2);
        assertThat(closedView.isOpen()).isFalse();
        assertThat(claim(rejected).status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(claim(rejected).isOpen()).isFalse();
        assertThat(reads.handle(new FindClaim(new ClaimId(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void aClaimApprovedAfterItWasClosedStaysClosed() {
        ClaimId claim = fileClaim(BRAM, LocalDate.of(2026, 3, 10));
        pool.on(new ClaimClosed(COOPERATIVE, claim, BRAM, LocalDate.of(2026, 4, 30)));

        pool.on(new ClaimApproved(COOPERATIVE, claim, BRAM, LocalDate.of(2026, 5, 2), ANNA));

        assertThat(claim(claim).status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(claim(claim).approvedOn()).isEqualTo(LocalDate.of(2026, 5, 2));
    }

    @Test
    void aClaimThatContinuesAnEarlierOneHasNoNewWaitingPeriodAndCarriesItsPaidMonths() {
        ClaimId first = fileClaim(BRAM, LocalDate.of(2026, 3, 10));
        pool.on(new ClaimApproved(COOPERATIVE, first, BRAM, LocalDate.of(2026, 3, 12), ANNA));
        paid(first, BRAM, YearMonth.of(2026, 4));
        paid(first, BRAM, YearMonth.of(2026, 5));
        pool.on(new ClaimClosed(COOPERATIVE, first, BRAM, LocalDate.of(2026, 5, 31)));
        ClaimId second = fileClaim(BRAM, LocalDate.of(2026, 6, 10));

        pool.on(new ClaimContinued(COOPERATIVE, second, first, BRAM));

        ClaimView continued = claim(second);
        assertThat(continued.continues()).isEqualTo(first);
        assertThat(continued.payableFrom()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(continued.monthsCarried()).isEqualTo(2);
        assertThat(continued.payableUntil()).as("22 months left of 24").isEqualTo(LocalDate.of(2028, 4, 9));
    }

    @Test
    void onlyApprovedClaimsWithMonthsLeftAreGivenToThePayoutRun() {
        ClaimId approved = fileClaim(BRAM, LocalDate.of(2026, 3, 10));
        pool.on(new ClaimApproved(COOPERATIVE, approved, BRAM, LocalDate.of(2026, 3, 12), ANNA));
        fileClaim(CAS, LocalDate.of(2026, 3, 20));
        ClaimId paidOut = fileClaim(ANNA, LocalDate.of(2026, 2, 1));
        pool.on(new ClaimApproved(COOPERATIVE, paidOut, ANNA, LocalDate.of(2026, 2, 2), BRAM));
        pool.on(new ClaimClosed(COOPERATIVE, paidOut, ANNA, LocalDate.of(2026, 3, 31)));
        paid(paidOut, ANNA, YearMonth.of(2026, 3));

        assertThat(reads.handle(new FindPayableClaims())).extracting(ClaimView::claimId).containsExactly(approved);
    }

    @Test
    void announcedChangesAreShownAndGivenToTheDailyRunOnceDue() {
        LocalDate quarter = LocalDate.of(2026, 7, 1);
        pool.on(new TierChangeAnnounced(COOPERATIVE, ANNA, eur("1500.00"), eur("45.00"), quarter));
        pool.on(new LeaveAnnounced(COOPERATIVE, CAS, quarter));

        RiskPoolView view = view();
        assertThat(view.members()).extracting(PoolMember::memberId, PoolMember::nextTier, PoolMember::nextTierOn,
                PoolMember::leavesOn).containsExactly(
                tuple(ANNA, eur("1500.00"), quarter, null),
                tuple(BRAM, null, null, null),
                tuple(CAS, null, null, quarter));
        assertThat(reads.handle(new FindAnnouncedChanges(quarter.minusDays(1)))).isEmpty();
        assertThat(reads.handle(new FindAnnouncedChanges(quarter))).containsExactly(
                new AnnouncedChange(COOPERATIVE, ANNA, eur("1500.00"), quarter, null),
                new AnnouncedChange(COOPERATIVE, CAS, null, null, quarter));
    }

    @Test
    void aChangedTierReplacesTheAnnouncedOne() {
        LocalDate quarter = LocalDate.of(2026, 7, 1);
        pool.on(new TierChangeAnnounced(COOPERATIVE, ANNA, eur("1500.00"), eur("45.00"), quarter));

        pool.on(new TierChanged(COOPERATIVE, ANNA, eur("1500.00"), eur("45.00"), quarter));

        PoolMember changed = view().members().get(0);
        assertThat(changed.memberId()).isEqualTo(ANNA);
        assertThat(changed.tier()).isEqualTo(eur("1500.00"));
        assertThat(changed.monthlyDeposit()).isEqualTo(eur("45.00"));
        assertThat(changed.tierChangedOn()).isEqualTo(quarter);
        assertThat(changed.nextTier()).isNull();
        assertThat(changed.nextTierOn()).isNull();
        assertThat(reads.handle(new FindAnnouncedChanges(quarter))).isEmpty();
    }

    @Test
    void aLeaverTakesTheirBalanceAndIsNoLongerAMemberButTheirHistoryStays() {
        deposit(ANNA, "2026-01", "30.00");
        deposit(CAS, "2026-01", "30.00");
        deposit(CAS, "2026-02", "30.00");

        pool.on(new MemberLeftRiskPool(COOPERATIVE, CAS, eur("60.00"), LocalDate.of(2026, 4, 1)), "left", ++sequence);

        RiskPoolView view = view();
        assertThat(view.members()).extracting(PoolMember::memberId).containsExactly(ANNA, BRAM);
        assertThat(view.balance()).isEqualTo(eur("30.00"));
        assertThat(reads.handle(new FindAccountHistory(COOPERATIVE, CAS)))
                .extracting(AccountEntry::kind, AccountEntry::amount, AccountEntry::balance)
                .containsExactly(
                        tuple(EntryKind.DEPOSIT, eur("30.00"), eur("30.00")),
                        tuple(EntryKind.DEPOSIT, eur("30.00"), eur("60.00")),
                        tuple(EntryKind.LEFT, eur("-60.00"), eur("0.00")));
    }

    @Test
    void giftsOnLeavingAndACapReturnLeaveTheAccount() {
        deposit(ANNA, "2026-01", "30.00");
        deposit(ANNA, "2026-02", "30.00");
        ClaimId claim = fileClaim(BRAM, LocalDate.of(2026, 1, 10));

        pool.on(new GiftsGivenOnLeaving(COOPERATIVE, ANNA, List.of(
                new ClaimGift(claim, BRAM, YearMonth.of(2026, 3), eur("20.00"))), LocalDate.of(2026, 3, 31)),
                "gifts", ++sequence);
        pool.on(new AccountCapReturned(COOPERATIVE, ANNA, 2026, eur("15.00"), LocalDate.of(2026, 12, 31)),
                "cap", ++sequence);

        assertThat(reads.handle(new FindAccountHistory(COOPERATIVE, ANNA)))
                .extracting(AccountEntry::kind, AccountEntry::amount, AccountEntry::month, AccountEntry::claimId,
                        AccountEntry::balance)
                .containsExactly(
                        tuple(EntryKind.DEPOSIT, eur("30.00"), YearMonth.of(2026, 1), null, eur("30.00")),
                        tuple(EntryKind.DEPOSIT, eur("30.00"), YearMonth.of(2026, 2), null, eur("60.00")),
                        tuple(EntryKind.GIFT, eur("-20.00"), YearMonth.of(2026, 3), claim, eur("40.00")),
                        tuple(EntryKind.CAP_RETURN, eur("-15.00"), null, null, eur("25.00")));
    }

    @Test
    void theHistoryGivesEveryMonthFromTheFirstEntryToTheLastWithItsFlowsAndBalance() {
        deposit(ANNA, "2026-01", "30.00");
        deposit(BRAM, "2026-01", "45.00");
        ClaimId claim = fileClaim(CAS, LocalDate.of(2026, 2, 1));
        pool.on(new ClaimMonthPaid(COOPERATIVE, claim, CAS, YearMonth.of(2026, 3), eur("20.00"), eur("20.00"),
                eur("0.00"), List.of(new Gift(ANNA, eur("10.00")), new Gift(BRAM, eur("10.00"))), LocalDate.of(2026, 4, 1),
                eur("0.00")), "paid-march", ++sequence);

        List<PoolMonth> history = reads.handle(new FindPoolHistory(COOPERATIVE));

        assertThat(history).containsExactly(
                new PoolMonth(YearMonth.of(2026, 1), eur("75.00"), eur("0.00"), eur("75.00")),
                new PoolMonth(YearMonth.of(2026, 2), eur("0.00"), eur("0.00"), eur("75.00")),
                new PoolMonth(YearMonth.of(2026, 3), eur("0.00"), eur("0.00"), eur("75.00")),
                new PoolMonth(YearMonth.of(2026, 4), eur("0.00"), eur("20.00"), eur("55.00")));
    }

    @Test
    void aCooperativeWithoutAPoolHasAnEmptyOneAndAResetEmptiesTheView() {
        CooperativeId other = new CooperativeId(UUID.randomUUID());
        deposit(ANNA, "2026-01", "30.00");

        RiskPoolView none = reads.handle(new FindRiskPool(other));
        pool.reset();

        assertThat(none.currency()).isNull();
        assertThat(none.balance()).isNull();
        assertThat(none.members()).isEmpty();
        assertThat(reads.handle(new FindPoolHistory(other))).isEmpty();
        assertThat(view().members()).isEmpty();
        assertThat(view().currency()).isNull();
        assertThat(reads.handle(new FindAccountHistory(COOPERATIVE, ANNA))).isEmpty();
    }

    private RiskPoolView view() {
        return reads.handle(new FindRiskPool(COOPERATIVE));
    }

    private ClaimView claim(ClaimId claim) {
        return reads.handle(new FindClaim(claim)).orElseThrow();
    }

    private ClaimId fileClaim(MemberId member, LocalDate start) {
        ClaimId claim = new ClaimId(UUID.randomUUID());
        pool.on(new ClaimFiled(COOPERATIVE, claim, member, start, start, null));
        return claim;
    }

    /** A month of {@code claim} paid in full by the other two members. */
    private void paid(ClaimId claim, MemberId claimant, YearMonth month) {
        List<Gift> gifts = List.of(ANNA, BRAM, CAS).stream().filter(m -> !m.equals(claimant))
                .map(m -> new Gift(m, eur("10.00"))).toList();
        pool.on(new ClaimMonthPaid(COOPERATIVE, claim, claimant, month, eur("20.00"), eur("20.00"), eur("0.00"), gifts,
                month.plusMonths(1).atDay(1), eur("0.00")), UUID.randomUUID().toString(), ++sequence);
    }

    private void deposit(MemberId member, String month, String amount) {
        YearMonth paidFor = YearMonth.parse(month);
        pool.on(new ContributionPaid(COOPERATIVE, member, paidFor, eur(amount), paidFor.atDay(5)),
                UUID.randomUUID().toString(), ++sequence);
    }

}
