package coop.cooperative.core.riskpool;

import coop.cooperative.core.riskpool.api.ClaimGift;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static coop.cooperative.core.riskpool.PoolClaimTest.EUR;
import static coop.cooperative.core.riskpool.PoolClaimTest.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class GiftsTest {

    private final MemberId anna = member("a1");
    private final MemberId bram = member("a2");
    private final MemberId carla = member("a3");
    private final LocalDate enrolled = LocalDate.of(2025, 1, 1);

    private static MemberId member(String suffix) {
        return new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000" + suffix));
    }

    private PoolAccount account(String deposit, String balance) {
        return PoolAccount.opened(eur("750.00"), eur(deposit), enrolled, EUR).deposited(YearMonth.of(2025, 1), eur(balance));
    }

    @Test
    void theOthersGiveInProportionToTheirDepositsEveryCentAllocated() {
        Map<MemberId, Money> gifts = Gifts.fund(eur("100.00"), Map.of(anna, eur("33.75"), bram, eur("33.75"), carla, eur("67.50")),
                Map.of(anna, eur("500.00"), bram, eur("500.00"), carla, eur("500.00")));

        assertThat(gifts).containsExactly(entry(anna, eur("25.00")), entry(bram, eur("25.00")), entry(carla, eur("50.00")));
    }

    @Test
    void anAccountThatCannotGiveItsShareGivesWhatItHoldsAndTheOthersTheRest() {
        Map<MemberId, Money> gifts = Gifts.fund(eur("100.00"), Map.of(anna, eur("33.75"), bram, eur("33.75")),
                Map.of(anna, eur("10.00"), bram, eur("500.00")));

        assertThat(gifts).containsExactly(entry(anna, eur("10.00")), entry(bram, eur("90.00")));
    }

    @Test
    void whatTheAccountsCannotTogetherGiveIsLeftUnpaid() {
        Map<MemberId, Money> gifts = Gifts.fund(eur("100.00"), Map.of(anna, eur("33.75"), bram, eur("33.75")),
                Map.of(anna, eur("10.00"), bram, eur("20.00")));

        assertThat(gifts).containsExactly(entry(anna, eur("10.00")), entry(bram, eur("20.00")));
    }

    @Test
    void theClaimantNeverGivesAndNothingIsGivenForNothing() {
        Map<MemberId, PoolAccount> accounts = Map.of(anna, account("33.75", "400.00"), bram, account("33.75", "400.00"));

        assertThat(Gifts.fromAccounts(anna, eur("50.00"), accounts)).containsExactly(entry(bram, eur("50.00")));
        assertThat(Gifts.fromAccounts(anna, eur("0.00"), accounts)).isEmpty();
        assertThat(Gifts.fromAccounts(anna, eur("50.00"), Map.of(anna, account("33.75", "400.00")))).isEmpty();
    }

    @Test
    void aLeaverOwesTheirShareOfTheMonthTheyLeaveInLessWhatWasGivenEarlier() {
        ClaimId annasClaim = new ClaimId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
        PoolClaim claim = PoolClaim.filed(anna, eur("750.00"), LocalDate.of(2025, 3, 1)).approvedClaim();
        claim.gaveEarlier(YearMonth.of(2025, 6), eur("150.00"));
        Map<MemberId, PoolAccount> accounts = new HashMap<>(Map.of(anna, account("33.75", "400.00"),
                bram, account("33.75", "400.00"), carla, account("67.50", "400.00")));

        List<ClaimGift> owed = Gifts.owedOnLeaving(carla, YearMonth.of(2025, 6), accounts, Map.of(annasClaim, claim), EUR);

        // (750.00 - 150.00) shared 1 : 2 by Bram and Carla
        assertThat(owed).containsExactly(new ClaimGift(annasClaim, anna, YearMonth.of(2025, 6), eur("400.00")));
        assertThat(accounts.get(carla).balance()).as("reckoned, not taken").isEqualTo(eur("400.00"));
    }

    @Test
    void aLeaverOwesNothingForTheirOwnClaimNorForAMonthAlreadySettled() {
        ClaimId annasClaim = new ClaimId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
        PoolClaim claim = PoolClaim.filed(anna, eur("750.00"), LocalDate.of(2025, 3, 1)).approvedClaim();
        claim.paid(YearMonth.of(2025, 6));
        Map<MemberId, PoolAccount> accounts = Map.of(anna, account("33.75", "400.00"), bram, account("33.75", "400.00"));

        assertThat(Gifts.owedOnLeaving(anna, YearMonth.of(2025, 7), accounts, Map.of(annasClaim, claim), EUR)).isEmpty();
        assertThat(Gifts.owedOnLeaving(bram, YearMonth.of(2025, 6), accounts, Map.of(annasClaim, claim), EUR)).isEmpty();
    }
}
