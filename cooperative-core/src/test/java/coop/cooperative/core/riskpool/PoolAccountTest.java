package coop.cooperative.core.riskpool;

import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Refusal;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static coop.cooperative.core.riskpool.PoolClaimTest.EUR;
import static coop.cooperative.core.riskpool.PoolClaimTest.assertRefused;
import static coop.cooperative.core.riskpool.PoolClaimTest.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolAccountTest {

    private final PoolAccount account = PoolAccount.opened(eur("750.00"), eur("33.75"), LocalDate.of(2025, 1, 15), EUR);

    @Test
    void aDepositIsRecordedOncePerMonthFromEnrolmentForTheCurrentOrNextMonth() {
        assertRefused(() -> account.requireDepositFor(YearMonth.of(2024, 12), LocalDate.of(2025, 1, 20)),
                Refusal.POOL_DEPOSIT_BEFORE_ENROLMENT);
        assertRefused(() -> account.requireDepositFor(YearMonth.of(2025, 3), LocalDate.of(2025, 1, 20)), Refusal.POOL_DEPOSIT_MONTH);
        account.requireDepositFor(YearMonth.of(2025, 2), LocalDate.of(2025, 1, 20));

        PoolAccount deposited = account.deposited(YearMonth.of(2025, 2), eur("33.75"));

        assertRefused(() -> deposited.requireDepositFor(YearMonth.of(2025, 2), LocalDate.of(2025, 2, 1)), Refusal.POOL_DEPOSIT_RECORDED);
        assertThat(deposited.balance()).isEqualTo(eur("33.75"));
    }

    @Test
    void aDepositCountsFromTheMonthItIsForWheneverItWasPaid() {
        PoolAccount deposited = account.deposited(YearMonth.of(2026, 1), eur("33.75"));

        assertThat(deposited.balanceOn(LocalDate.of(2025, 12, 31))).isEqualTo(eur("0.00"));
        assertThat(deposited.balanceOn(LocalDate.of(2026, 1, 1))).isEqualTo(eur("33.75"));
    }

    @Test
    void whatIsAboveThirtySixDepositsOnTheThirtyFirstOfDecemberIsReturnedButNeverMoreThanTheAccountHolds() {
        PoolAccount full = account.deposited(YearMonth.of(2025, 1), eur("1300.00")).deposited(YearMonth.of(2026, 1), eur("33.75"));
        LocalDate yearEnd = LocalDate.of(2025, 12, 31);

        assertThat(full.aboveCapOn(yearEnd, EUR)).as("1300.00 - 36 x 33.75").isEqualTo(eur("85.00"));
        assertThat(full.withdrawn(LocalDate.of(2026, 1, 2), eur("1300.00")).aboveCapOn(yearEnd, EUR)).isEqualTo(eur("33.75"));
        assertThat(account.aboveCapOn(yearEnd, EUR).isPositive()).isFalse();
    }

    @Test
    void aTierChangesToAnotherTierOnceAYearAndNotDuringTheMembersOwnClaim() {
        PoolAccount changed = account.withTier(eur("1000.00"), eur("45.00"), LocalDate.of(2025, 4, 1));

        assertRefused(() -> changed.requireTierChange(eur("1000.00"), LocalDate.of(2026, 4, 1), false), Refusal.POOL_SAME_TIER);
        assertRefused(() -> changed.requireTierChange(eur("750.00"), LocalDate.of(2026, 4, 1), true), Refusal.POOL_TIER_DURING_CLAIM);
        assertRefused(() -> changed.requireTierChange(eur("750.00"), LocalDate.of(2026, 3, 31), false), Refusal.POOL_TIER_ONCE_PER_YEAR);
        changed.requireTierChange(eur("750.00"), LocalDate.of(2026, 4, 1), false);
        assertThat(changed.deposit()).isEqualTo(eur("45.00"));
        assertThat(changed.lastTierChange()).isEqualTo(LocalDate.of(2025, 4, 1));
    }

    @Test
    void aMemberNotEnrolledHasNoAccount() {
        MemberId someone = MemberId.random();

        assertThatThrownBy(() -> PoolAccount.ofEnrolled(java.util.Map.of(), someone))
                .hasMessageContaining("is not enrolled");
    }
}
