package coop.cooperative.core.riskpool;

import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.Refusal;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolClaimTest {

    static final Currency EUR = Currency.getInstance("EUR");
    private final MemberId claimant = MemberId.random();
    /** Filed for 1 March 2025, so payable from 1 April after the waiting period. */
    private final PoolClaim approved = PoolClaim.filed(claimant, eur("750.00"), LocalDate.of(2025, 3, 1)).approvedClaim();

    static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    @Test
    void aClaimIsPayableAMonthAfterItStarts() {
        assertThat(approved.payableFrom()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(approved.lastPaidDay()).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void aMonthIsPaidOnceAfterTheWaitingPeriodAndOnceItsDaysHavePassed() {
        assertRefused(() -> approved.requirePayable(YearMonth.of(2025, 3), LocalDate.of(2025, 5, 1)), Refusal.POOL_WAITING);
        assertRefused(() -> approved.requirePayable(YearMonth.of(2025, 4), LocalDate.of(2025, 4, 30)), Refusal.POOL_MONTH_NOT_DUE);
        assertThat(approved.requirePayable(YearMonth.of(2025, 4), LocalDate.of(2025, 5, 1))).isEqualTo(LocalDate.of(2027, 3, 31));

        approved.paid(YearMonth.of(2025, 4));

        assertRefused(() -> approved.requirePayable(YearMonth.of(2025, 4), LocalDate.of(2025, 5, 1)), Refusal.POOL_MONTH_SETTLED);
    }

    @Test
    void onlyAnApprovedClaimIsPaidAndAClosedOneNotAfterItsEnd() {
        PoolClaim filed = PoolClaim.filed(claimant, eur("750.00"), LocalDate.of(2025, 3, 1));
        PoolClaim closed = approved.closedOn(LocalDate.of(2025, 4, 15));

        assertRefused(() -> filed.requirePayable(YearMonth.of(2025, 4), LocalDate.of(2025, 5, 1)), Refusal.POOL_ONLY_APPROVED_PAID);
        assertRefused(() -> closed.requirePayable(YearMonth.of(2025, 5), LocalDate.of(2025, 6, 1)), Refusal.POOL_CLAIM_ENDED);
        assertThat(closed.proRata(YearMonth.of(2025, 4), closed.lastPaidDay())).isEqualTo(eur("375.00"));
    }

    @Test
    void aWithheldMonthDoesNotCountTowardsTheMaximum() {
        approved.withheld(YearMonth.of(2025, 4));

        assertThat(approved.lastPaidDay()).isEqualTo(LocalDate.of(2027, 4, 30));
    }

    @Test
    void aRelapseContinuesTheClaimAfterTheMonthsItSettledAndCarriesItsPaidMonths() {
        PoolClaim first = approved;
        first.paid(YearMonth.of(2025, 4));
        first.paid(YearMonth.of(2025, 5));
        PoolClaim ended = first.closedOn(LocalDate.of(2025, 5, 20));

        PoolClaim relapse = PoolClaim.filed(claimant, eur("750.00"), LocalDate.of(2025, 6, 10)).continuing(ended);

        assertThat(ended.isContinuedBy(LocalDate.of(2025, 6, 10))).isTrue();
        assertThat(ended.isContinuedBy(LocalDate.of(2025, 6, 21))).isFalse();
        assertThat(relapse.payableFrom()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(relapse.monthsCarried()).isEqualTo(2);
        assertThat(relapse.approved()).isFalse();
    }

    @Test
    void aContinuedClaimIsNotPayableInTheWaitingPeriodOfTheFirstNorInAMonthItSettled() {
        PoolClaim early = PoolClaim.filed(claimant, eur("750.00"), LocalDate.of(2025, 3, 1)).closedOn(LocalDate.of(2025, 3, 10));
        PoolClaim settled = PoolClaim.filed(claimant, eur("750.00"), LocalDate.of(2025, 3, 1)).closedOn(LocalDate.of(2025, 4, 10));
        settled.withheld(YearMonth.of(2025, 4));

        assertThat(PoolClaim.filed(claimant, eur("750.00"), LocalDate.of(2025, 3, 20)).continuing(early).payableFrom())
                .isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(PoolClaim.filed(claimant, eur("750.00"), LocalDate.of(2025, 4, 20)).continuing(settled).payableFrom())
                .isEqualTo(LocalDate.of(2025, 5, 1));
    }

    @Test
    void whatALeaverGaveIsNeverTakenBackEvenIfTheClaimClosedSooner() {
        approved.gaveEarlier(YearMonth.of(2025, 4), eur("300.00"));
        approved.gaveEarlier(YearMonth.of(2025, 4), eur("100.00"));
        PoolClaim closed = approved.closedOn(LocalDate.of(2025, 4, 3));

        assertThat(closed.givenEarlierIn(YearMonth.of(2025, 4), EUR)).isEqualTo(eur("400.00"));
        assertThat(closed.proRata(YearMonth.of(2025, 4), closed.lastPaidDay())).isEqualTo(eur("75.00"));
        assertThat(closed.dueIn(YearMonth.of(2025, 4), closed.lastPaidDay(), EUR)).isEqualTo(eur("400.00"));
        assertThat(closed.givenEarlierIn(YearMonth.of(2025, 5), EUR)).isEqualTo(eur("0.00"));
    }

    @Test
    void theClaimantNeverApprovesAndAClaimIsDecidedOnce() {
        PoolClaim filed = PoolClaim.filed(claimant, eur("750.00"), LocalDate.of(2025, 3, 1));

        assertRefused(() -> filed.requireApprovableBy(claimant), Refusal.POOL_OWN_CLAIM);
        assertRefused(() -> filed.requireApprovableBy(null), Refusal.POOL_OWN_CLAIM);
        assertRefused(() -> approved.requireApprovableBy(MemberId.random()), Refusal.POOL_CLAIM_DECIDED);
        assertRefused(() -> filed.rejectedClaim().requireUndecided(), Refusal.POOL_CLAIM_DECIDED);
    }

    @Test
    void aClaimClosesOnceNotBeforeItStartedNorBeforeAPaidMonth() {
        approved.paid(YearMonth.of(2025, 4));

        assertRefused(() -> approved.requireClosableOn(LocalDate.of(2025, 2, 28)), Refusal.POOL_CLAIM_ENDS_BEFORE_START);
        assertRefused(() -> approved.requireClosableOn(LocalDate.of(2025, 3, 31)), Refusal.POOL_CLAIM_ENDS_BEFORE_PAID);
        assertRefused(() -> approved.closedOn(LocalDate.of(2025, 4, 30)).requireClosableOn(LocalDate.of(2025, 5, 1)),
                Refusal.POOL_CLAIM_CLOSED);
        assertRefused(() -> approved.rejectedClaim().requireClosableOn(LocalDate.of(2025, 5, 1)), Refusal.POOL_CLAIM_REJECTED);
        approved.requireClosableOn(LocalDate.of(2025, 4, 1));
    }

    @Test
    void aLeaversOpenClaimEndsTheDayTheyLeaveButNotBeforeItStarts() {
        assertThat(approved.endWhenLeavingOn(LocalDate.of(2025, 7, 1))).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(approved.endWhenLeavingOn(LocalDate.of(2025, 1, 1))).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(approved.isOpen()).isTrue();
        assertThat(approved.closedOn(LocalDate.of(2025, 7, 1)).isOpen()).isFalse();
    }

    @Test
    void giftsAreAwaitedForAnApprovedClaimsUnsettledMonthWithPaidDays() {
        assertThat(approved.awaitsGiftsFor(YearMonth.of(2025, 4))).isTrue();
        assertThat(approved.awaitsGiftsFor(YearMonth.of(2025, 3))).isFalse();
        assertThat(approved.rejectedClaim().awaitsGiftsFor(YearMonth.of(2025, 4))).isFalse();
        approved.withheld(YearMonth.of(2025, 4));
        assertThat(approved.awaitsGiftsFor(YearMonth.of(2025, 4))).isFalse();
    }

    static void assertRefused(Runnable decision, Refusal refusal) {
        assertThatThrownBy(decision::run).isInstanceOfAny(RuleViolation.class, Conflict.class)
                .extracting(e -> ((DomainException) e).refusal()).isEqualTo(refusal);
    }
}
