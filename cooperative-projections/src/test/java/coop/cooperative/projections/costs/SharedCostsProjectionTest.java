package coop.cooperative.projections.costs;

import coop.cooperative.core.costs.api.CostApprovalGiven;
import coop.cooperative.core.costs.api.CostApproved;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.CostRejected;
import coop.cooperative.core.costs.api.CostReversed;
import coop.cooperative.core.costs.api.CostShared;
import coop.cooperative.core.costs.api.Share;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.costs.api.SplitMethod;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.ProjectionDatabase;
import coop.cooperative.projections.costs.CostQueries.CostStatus;
import coop.cooperative.projections.costs.CostQueries.CostView;
import coop.cooperative.projections.costs.CostQueries.Decision;
import coop.cooperative.projections.costs.CostQueries.FindCost;
import coop.cooperative.projections.costs.CostQueries.FindCosts;
import coop.cooperative.projections.costs.CostQueries.FindLeftoverCentsCarried;
import coop.cooperative.projections.costs.CostQueries.ShareView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static coop.cooperative.projections.Given.ANNA;
import static coop.cooperative.projections.Given.BRAM;
import static coop.cooperative.projections.Given.CAS;
import static coop.cooperative.projections.Given.eur;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared-costs read model: given costs and the treasurers' decisions, what a cost, the list
 * of costs and the leftover cents each member carries answer.
 */
class SharedCostsProjectionTest {

    private static final CooperativeId COOPERATIVE = new CooperativeId(UUID.randomUUID());
    private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);


    private final ProjectionDatabase database = new ProjectionDatabase();
    private final SharedCostsProjection costs = new SharedCostsProjection(database.jdbc());

    @AfterEach
    void dropTheDatabase() {
        database.close();
    }

    @Test
    void aSharedCostIsSubmittedWithItsSharesInMemberOrder() {
        CostShared laptop = shared("Laptop", "100.00", MARCH_10, List.of(CAS), share(CAS, "33.33"), share(ANNA, "33.34"),
                share(BRAM, "33.33"));

        costs.on(laptop);

        CostView view = cost(laptop.costId());
        assertThat(view.status()).isEqualTo(CostStatus.SUBMITTED);
        assertThat(view.description()).isEqualTo("Laptop");
        assertThat(view.amount()).isEqualTo(eur("100.00"));
        assertThat(view.date()).isEqualTo(MARCH_10);
        assertThat(view.paidBy()).isEqualTo(ANNA);
        assertThat(view.secondApprovalAbove()).as("the threshold it was shared under").isEqualTo(eur("2500.00"));
        assertThat(view.splitMethod()).isEqualTo(SplitMethod.EQUAL);
        assertThat(view.submittedBy()).isEqualTo(BRAM);
        assertThat(view.shares()).containsExactly(new ShareView(ANNA, eur("33.34")), new ShareView(BRAM, eur("33.33")),
                new ShareView(CAS, eur("33.33")));
        assertThat(view.approval()).isNull();
        assertThat(view.awaitingSecondApproval()).isFalse();
    }

    @Test
    void aFirstApprovalLeavesTheCostWaitingForTheSecondAndTheSecondApprovesIt() {
        CostShared laptop = shared("Laptop", "3000.00", MARCH_10, List.of(), share(ANNA, "3000.00"));
        costs.on(laptop);

        costs.on(new CostApprovalGiven(COOPERATIVE, laptop.costId(), CAS, MARCH_10.plusDays(1)));
        CostView waiting = cost(laptop.costId());
        costs.on(new CostApproved(COOPERATIVE, laptop.costId(), BRAM, MARCH_10.plusDays(2)));
        CostView approved = cost(laptop.costId());

        assertThat(waiting.status()).isEqualTo(CostStatus.SUBMITTED);
        assertThat(waiting.awaitingSecondApproval()).isTrue();
        assertThat(waiting.firstApproval()).isEqualTo(new Decision(CAS, MARCH_10.plusDays(1), null));
        assertThat(approved.status()).isEqualTo(CostStatus.APPROVED);
        assertThat(approved.awaitingSecondApproval()).isFalse();
        assertThat(approved.approval()).isEqualTo(new Decision(BRAM, MARCH_10.plusDays(2), null));
    }

    @Test
    void aRejectionAndAReversalAreRecordedWithWhoWhenAndWhy() {
        CostShared rejected = shared("Chairs", "80.00", MARCH_10, List.of(), share(ANNA, "80.00"));
        CostShared reversed = shared("Desk", "90.00", MARCH_10, List.of(), share(ANNA, "90.00"));
        costs.on(rejected);
        costs.on(reversed);
        costs.on(new CostApproved(COOPERATIVE, reversed.costId(), CAS, MARCH_10));

        costs.on(new CostRejected(COOPERATIVE, rejected.costId(), CAS, MARCH_10.plusDays(1), "no receipt"));
        costs.on(new CostReversed(COOPERATIVE, reversed.costId(), CAS, MARCH_10.plusDays(2), "paid twice"));

        assertThat(cost(rejected.costId()).status()).isEqualTo(CostStatus.REJECTED);
        assertThat(cost(rejected.costId()).rejection()).isEqualTo(new Decision(CAS, MARCH_10.plusDays(1), "no receipt"));
        assertThat(cost(reversed.costId()).status()).isEqualTo(CostStatus.REVERSED);
        assertThat(cost(reversed.costId()).approval()).isEqualTo(new Decision(CAS, MARCH_10, null));
        assertThat(cost(reversed.costId()).reversal()).isEqualTo(new Decision(CAS, MARCH_10.plusDays(2), "paid twice"));
    }

    @Test
    void costsAreListedNewestFirstAndByStatus() {
        CostShared march = shared("March", "10.00", MARCH_10, List.of(), share(ANNA, "10.00"));
        CostShared april = shared("April", "10.00", LocalDate.of(2026, 4, 1), List.of(), share(ANNA, "10.00"));
        CostShared february = shared("February", "10.00", LocalDate.of(2026, 2, 1), List.of(), share(ANNA, "10.00"));
        List.of(march, april, february).forEach(costs::on);
        costs.on(new CostApproved(COOPERATIVE, march.costId(), CAS, MARCH_10));

        assertThat(costs.handle(new FindCosts(COOPERATIVE, null))).extracting(CostView::description)
                .containsExactly("April", "March", "February");
        assertThat(costs.handle(new FindCosts(COOPERATIVE, CostStatus.SUBMITTED))).extracting(CostView::description)
                .containsExactly("April", "February");
        assertThat(costs.handle(new FindCosts(COOPERATIVE, CostStatus.APPROVED))).extracting(CostView::description)
                .containsExactly("March");
    }

    @Test
    void aMemberCarriesTheLeftoverCentsOfCostsThatAreNotRejectedOrReversed() {
        CostShared first = shared("First", "10.00", MARCH_10, List.of(ANNA, BRAM), share(ANNA, "3.34"),
                share(BRAM, "3.34"), share(CAS, "3.32"));
        CostShared second = shared("Second", "10.00", MARCH_10, List.of(ANNA), share(ANNA, "3.34"),
                share(BRAM, "3.33"), share(CAS, "3.33"));
        CostShared third = shared("Third", "10.00", MARCH_10, List.of(CAS), share(ANNA, "3.33"),
                share(BRAM, "3.33"), share(CAS, "3.34"));
        List.of(first, second, third).forEach(costs::on);
        costs.on(new CostApproved(COOPERATIVE, first.costId(), CAS, MARCH_10));

        Map<MemberId, Long> before = leftoverCents();
        costs.on(new CostReversed(COOPERATIVE, first.costId(), CAS, MARCH_10.plusDays(1), "wrong"));
        costs.on(new CostRejected(COOPERATIVE, third.costId(), ANNA, MARCH_10.plusDays(1), "not ours"));

        assertThat(before).containsOnly(Map.entry(ANNA, 2L), Map.entry(BRAM, 1L), Map.entry(CAS, 1L));
        assertThat(leftoverCents()).containsOnly(Map.entry(ANNA, 1L));
    }

    @Test
    void aCostHandledAgainAsInAReplayIsOneCostAndAResetEmptiesTheView() {
        CostShared laptop = shared("Laptop", "10.00", MARCH_10, List.of(ANNA), share(ANNA, "10.00"));
        costs.on(laptop);

        costs.on(laptop);

        assertThat(costs.handle(new FindCosts(COOPERATIVE, null))).hasSize(1);
        assertThat(leftoverCents()).containsOnly(Map.entry(ANNA, 1L));
        costs.reset();
        assertThat(costs.handle(new FindCosts(COOPERATIVE, null))).isEmpty();
        assertThat(leftoverCents()).isEmpty();
    }

    @Test
    void aCostOfAnotherCooperativeIsNotFound() {
        CostShared laptop = shared("Laptop", "10.00", MARCH_10, List.of(), share(ANNA, "10.00"));
        costs.on(laptop);

        assertThat(costs.handle(new FindCost(new CooperativeId(UUID.randomUUID()), laptop.costId()))).isEmpty();
        assertThat(costs.handle(new FindCosts(new CooperativeId(UUID.randomUUID()), null))).isEmpty();
    }

    private CostView cost(CostId costId) {
        return costs.handle(new FindCost(COOPERATIVE, costId)).orElseThrow();
    }

    private Map<MemberId, Long> leftoverCents() {
        return costs.handle(new FindLeftoverCentsCarried(COOPERATIVE)).cents();
    }


    private static Share share(MemberId member, String amount) {
        return new Share(member, eur(amount));
    }

    /** Paid by Anna, submitted by Bram; {@code roundedUp}: who got a leftover cent. */
    private CostShared shared(String description, String amount, LocalDate date, List<MemberId> roundedUp,
                              Share... shares) {
        List<MemberId> participants = Arrays.stream(shares).map(Share::memberId).sorted().toList();
        return new CostShared(COOPERATIVE, new CostId(UUID.randomUUID()), description, eur(amount), eur("0.00"), date,
                "equipment", ANNA, Split.equal(participants), List.of(shares), BRAM, date, null, false, roundedUp,
                eur("2500.00"));
    }
}
