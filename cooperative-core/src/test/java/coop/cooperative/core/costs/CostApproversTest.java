package coop.cooperative.core.costs;

import coop.cooperative.core.costs.CostApprovers.Waiting;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CostApproversTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Money THRESHOLD = Money.of("2500.00", EUR);
    private static final Money ABOVE = Money.of("3000.00", EUR);

    private final MemberId anna = MemberId.of("00000000-0000-0000-0000-00000000000a");
    private final MemberId bram = MemberId.of("00000000-0000-0000-0000-00000000000b");
    private final MemberId carla = MemberId.of("00000000-0000-0000-0000-00000000000c");

    @Test
    void twoTreasurersOneOfWhomSubmittedAndNoOtherAdminLeaveTheSecondApprovalToNobodyAndSaySo() {
        // anna is treasurer and admin and submitted it; bram is the other treasurer
        CostApprovers beforeAny = new CostApprovers(ABOVE, anna, null, null, Set.of(anna, bram), Set.of(anna), THRESHOLD);
        assertThat(beforeAny.approvalsNeeded()).isEqualTo(2);
        assertThat(beforeAny.next()).containsExactly(bram);
        assertThat(beforeAny.waiting()).isNull();

        CostApprovers afterBram = new CostApprovers(ABOVE, anna, null, bram, Set.of(anna, bram), Set.of(anna), THRESHOLD);
        assertThat(afterBram.next()).isEmpty();
        assertThat(afterBram.waiting()).isEqualTo(Waiting.NO_SECOND_APPROVER);
    }

    @Test
    void anAdminWhoNeitherSubmittedNorPaidCountsWhenTooFewTreasurersMay() {
        CostApprovers approvers = new CostApprovers(ABOVE, anna, null, null, Set.of(anna, bram), Set.of(anna, carla),
                THRESHOLD);
        assertThat(approvers.next()).containsExactlyInAnyOrder(bram, carla);
        assertThat(approvers.waiting()).isNull();
    }

    @Test
    void whenEveryTreasurerAndAdminSubmittedOrPaidItNobodyMayApproveAndTheReasonSaysSo() {
        CostApprovers approvers = new CostApprovers(Money.of("10.00", EUR), anna, bram, null, Set.of(anna, bram),
                Set.of(anna), THRESHOLD);
        assertThat(approvers.next()).isEmpty();
        assertThat(approvers.waiting()).isEqualTo(Waiting.NO_ELIGIBLE_APPROVER);
    }

    @Test
    void aSingleTreasurerApprovesAloneEvenWhatTheySubmittedAndNoAdminIsNeeded() {
        CostApprovers approvers = new CostApprovers(ABOVE, anna, anna, null, Set.of(anna), Set.of(carla), THRESHOLD);
        assertThat(approvers.fourEyes()).isFalse();
        assertThat(approvers.approvalsNeeded()).isEqualTo(1);
        assertThat(approvers.next()).containsExactly(anna);
    }

    @Test
    void anAdminDoesNotCountWhileEnoughTreasurersMay() {
        CostApprovers approvers = new CostApprovers(Money.of("10.00", EUR), anna, anna, null, Set.of(anna, bram),
                Set.of(carla), THRESHOLD);
        assertThat(approvers.next()).containsExactly(bram);
    }
}
