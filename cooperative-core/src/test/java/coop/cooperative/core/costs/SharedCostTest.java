package coop.cooperative.core.costs;

import coop.cooperative.core.costs.api.CostApprovalGiven;
import coop.cooperative.core.costs.api.CostApproved;
import coop.cooperative.core.costs.api.CostCommands.ApproveCost;
import coop.cooperative.core.costs.api.CostCommands.RejectCost;
import coop.cooperative.core.costs.api.CostCommands.ReverseCost;
import coop.cooperative.core.costs.api.CostCommands.ShareCost;
import coop.cooperative.core.costs.api.CostId;
import coop.cooperative.core.costs.api.CostRejected;
import coop.cooperative.core.costs.api.CostReversed;
import coop.cooperative.core.costs.api.CostShared;
import coop.cooperative.core.costs.api.Share;
import coop.cooperative.core.costs.api.Split;
import coop.cooperative.core.costs.api.SplitMethod;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.core.shared.OpenPeriods;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.Refusal;

class SharedCostTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate DATE = LocalDate.of(2026, 3, 10);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 12);
    private static final Money THRESHOLD = Money.of("2500.00", EUR);

    private final CooperativeId coop = CooperativeId.random();
    private final CostId cost = CostId.random();
    private final MemberId anna = MemberId.of("00000000-0000-0000-0000-00000000000a");
    private final MemberId bram = MemberId.of("00000000-0000-0000-0000-00000000000b");
    private final MemberId carla = MemberId.of("00000000-0000-0000-0000-00000000000c");
    private final MemberId treasurer = MemberId.of("00000000-0000-0000-0000-0000000000ff");
    private final MemberId secondTreasurer = MemberId.of("00000000-0000-0000-0000-0000000000fe");
    private AggregateTestFixture<SharedCost> fixture;

    /** The months the cooperative has closed; the aggregate asks through {@link OpenPeriods}. */
    private final Set<YearMonth> closed = new HashSet<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SharedCost.class);
        fixture.registerInjectableResource((OpenPeriods) (cooperative, month) -> !closed.contains(month));
    }

    private ShareCost share(String amount, Split split) {
        return share(amount, null, split, false, Map.of());
    }

    private ShareCost share(String amount, String vat, Split split, boolean vatRegistered, Map<MemberId, Long> carried) {
        return new ShareCost(cost, coop, "Liability insurance 2026", Money.of(amount, EUR),
                vat == null ? null : Money.of(vat, EUR), DATE, "insurance", anna, split, anna, TODAY,
                Set.of(anna, bram, carla, treasurer), null, vatRegistered, carried, THRESHOLD);
    }

    private CostShared shared(String amount) {
        return shared(amount, anna, anna);
    }

    private CostShared shared(String amount, MemberId submittedBy, MemberId paidBy) {
        Split split = Split.equal(List.of(anna, bram, carla));
        return new CostShared(coop, cost, "Liability insurance 2026", Money.of(amount, EUR), Money.zero(EUR), DATE,
                "insurance", paidBy,
                split, CostSplit.shares(Money.of(amount, EUR), split), submittedBy, TODAY, null, false, List.of(), THRESHOLD);
    }

    /** Approval in a cooperative with the usual two treasurers, or with {@code by} as its single one. */
    private ApproveCost approve(MemberId by, boolean singleTreasurer) {
        Set<MemberId> treasurers = singleTreasurer ? Set.of(by) : Set.of(treasurer, secondTreasurer);
        return new ApproveCost(cost, coop, by, TODAY, treasurers, Set.of(), THRESHOLD);
    }

    @Test
    void aSharedCostRecordsItsSharesInMemberIdOrderAndTheLeftoverCentGoesToWhoCarriesFewest() {
        fixture.givenNoPriorActivity()
                .when(share("100.00", null, Split.equal(List.of(carla, anna, bram)), false, Map.of(bram, 1L, carla, 1L)))
                .expectEvents(new CostShared(coop, cost, "Liability insurance 2026", Money.of("100.00", EUR),
                        Money.zero(EUR), DATE,
                        "insurance", anna, Split.equal(List.of(carla, anna, bram)), List.of(
                        new Share(anna, Money.of("33.34", EUR)), new Share(bram, Money.of("33.33", EUR)),
                        new Share(carla, Money.of("33.33", EUR))), anna, TODAY, null, false, List.of(anna), THRESHOLD));
    }

    @Test
    void anEqualSplitWithoutParticipantsIsEveryoneActiveOnTheCostsDateInIdOrder() {
        Split everyone = Split.equal(List.of(anna, bram, carla, treasurer));
        CostSplit.Result shares = CostSplit.split(Money.of("100.00", EUR), everyone, LeftoverCents.tieOrder(cost, Map.of()));
        fixture.givenNoPriorActivity()
                .when(share("100.00", Split.equal(List.of())))
                .expectEvents(new CostShared(coop, cost, "Liability insurance 2026", Money.of("100.00", EUR),
                        Money.zero(EUR), DATE, "insurance", anna, everyone, shares.shares(), anna, TODAY, null, false,
                        shares.roundedUp(), THRESHOLD));
    }

    @Test
    void anyOtherSplitWithoutParticipantsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(share("100.00", new Split(SplitMethod.SHARES, List.of(), List.of())))
                .expectException(RuleViolation.class);
    }

    @Test
    void aVatRegisteredCooperativeKeepsTheVatAsInputVatAndTheMembersShareTheAmountNetOfIt() {
        Split split = Split.equal(List.of(anna, bram));
        fixture.givenNoPriorActivity()
                .when(share("121.00", "21.00", split, true, Map.of()))
                .expectEvents(new CostShared(coop, cost, "Liability insurance 2026", Money.of("121.00", EUR),
                        Money.of("21.00", EUR), DATE, "insurance", anna, split,
                        List.of(new Share(anna, Money.of("50.00", EUR)), new Share(bram, Money.of("50.00", EUR))),
                        anna, TODAY, null, true, List.of(), THRESHOLD));
    }

    @Test
    void withoutVatRegistrationTheVatStaysInTheSharedAmountAndIsOnlyNoted() {
        Split split = Split.equal(List.of(anna, bram));
        fixture.givenNoPriorActivity()
                .when(share("121.00", "21.00", split, false, Map.of()))
                .expectEvents(new CostShared(coop, cost, "Liability insurance 2026", Money.of("121.00", EUR),
                        Money.of("21.00", EUR), DATE, "insurance", anna, split,
                        List.of(new Share(anna, Money.of("60.50", EUR)), new Share(bram, Money.of("60.50", EUR))),
                        anna, TODAY, null, false, List.of(), THRESHOLD));
    }

    @Test
    void aParticipantMustBeAMemberActiveOnTheCostsDate() {
        MemberId stranger = MemberId.random();
        fixture.givenNoPriorActivity()
                .when(share("100.00", Split.equal(List.of(anna, stranger))))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The participant " + stranger + " was not a member on 2026-03-10");
    }

    @Test
    void anAmountMustBePositive() {
        fixture.givenNoPriorActivity()
                .when(share("0.00", Split.equal(List.of(anna))))
                .expectException(RuleViolation.class);
    }

    @Test
    void aPercentSplitMustSumTo100() {
        fixture.givenNoPriorActivity()
                .when(share("100.00", new Split(SplitMethod.PERCENT, List.of(anna, bram),
                        List.of(BigDecimal.valueOf(60), BigDecimal.valueOf(30)))))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("PERCENT weights must add up to exactly 100, not 90");
    }

    @Test
    void aTreasurerApprovesACostSomeoneElseSubmittedAndPaid() {
        fixture.given(shared("100.00"))
                .when(approve(treasurer, false))
                .expectEvents(new CostApproved(coop, cost, treasurer, TODAY));
    }

    @Test
    void fourEyesNobodyApprovesACostTheySubmittedOrPaid() {
        fixture.given(shared("100.00"))
                .when(approve(anna, false))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Four eyes: nobody approves a cost they submitted themselves");
    }

    @Test
    void fourEyesDoesNotApplyWhileTheCooperativeHasASingleTreasurer() {
        fixture.given(shared("100.00"))
                .when(approve(anna, true))
                .expectEvents(new CostApproved(coop, cost, anna, TODAY));
    }

    @Test
    void aCostNeedsTheApprovalsOfTheThresholdItWasSharedUnderNotOfTodaysPolicy() {
        Money raisedSince = Money.of("5000.00", EUR);
        fixture.given(shared("3000.00"))
                .when(new ApproveCost(cost, coop, treasurer, TODAY, Set.of(treasurer, secondTreasurer), Set.of(), raisedSince))
                .expectEvents(new CostApprovalGiven(coop, cost, treasurer, TODAY));
    }

    @Test
    void aCostSharedBeforeCostsRecordedTheirThresholdIsApprovedByTodaysPolicy() {
        Split split = Split.equal(List.of(anna, bram, carla));
        CostShared recordedNoThreshold = new CostShared(coop, cost, "Liability insurance 2026", Money.of("3000.00", EUR),
                Money.zero(EUR), DATE, "insurance", anna, split, CostSplit.shares(Money.of("3000.00", EUR), split), anna,
                TODAY, null, false, List.of(), null);
        fixture.given(recordedNoThreshold)
                .when(new ApproveCost(cost, coop, treasurer, TODAY, Set.of(treasurer, secondTreasurer), Set.of(),
                        Money.of("5000.00", EUR)))
                .expectEvents(new CostApproved(coop, cost, treasurer, TODAY));
    }

    @Test
    void aCostIsNotSharedWithoutTheThresholdItIsApprovedUnder() {
        fixture.givenNoPriorActivity()
                .when(new ShareCost(cost, coop, "Liability insurance 2026", Money.of("100.00", EUR), null, DATE, "insurance",
                        anna, Split.equal(List.of(anna)), anna, TODAY, Set.of(anna), null, false, Map.of(), null))
                .expectException(RuleViolation.class);
    }

    @Test
    void aCostAboveTheThresholdNeedsTwoApprovalsByDifferentTreasurers() {
        fixture.given(shared("2500.01"))
                .when(approve(treasurer, false))
                .expectEvents(new CostApprovalGiven(coop, cost, treasurer, TODAY));
        fixture.given(shared("2500.01"), new CostApprovalGiven(coop, cost, treasurer, TODAY))
                .when(approve(treasurer, false))
                .expectException(Conflict.class);
        fixture.given(shared("2500.01"), new CostApprovalGiven(coop, cost, treasurer, TODAY))
                .when(approve(secondTreasurer, false))
                .expectEvents(new CostApproved(coop, cost, secondTreasurer, TODAY));
    }

    @Test
    void withTwoTreasurersOneOfWhomSubmittedAnAdminWhoNeitherSubmittedNorPaidGivesTheMissingApproval() {
        MemberId admin = carla;
        CostShared submittedByATreasurer = shared("3000.00", treasurer, bram);
        ApproveCost byTheOtherTreasurer = new ApproveCost(cost, coop, secondTreasurer, TODAY,
                Set.of(treasurer, secondTreasurer), Set.of(admin, treasurer), THRESHOLD);
        ApproveCost byTheAdmin = new ApproveCost(cost, coop, admin, TODAY,
                Set.of(treasurer, secondTreasurer), Set.of(admin, treasurer), THRESHOLD);
        fixture.given(submittedByATreasurer)
                .when(byTheOtherTreasurer)
                .expectEvents(new CostApprovalGiven(coop, cost, secondTreasurer, TODAY));
        fixture.given(submittedByATreasurer, new CostApprovalGiven(coop, cost, secondTreasurer, TODAY))
                .when(byTheAdmin)
                .expectEvents(new CostApproved(coop, cost, admin, TODAY));
        // the admin may also come first; the treasurer who submitted it never counts
        fixture.given(submittedByATreasurer)
                .when(byTheAdmin)
                .expectEvents(new CostApprovalGiven(coop, cost, admin, TODAY));
        fixture.given(submittedByATreasurer)
                .when(new ApproveCost(cost, coop, treasurer, TODAY, Set.of(treasurer, secondTreasurer),
                        Set.of(admin, treasurer), THRESHOLD))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Four eyes: nobody approves a cost they submitted themselves");
    }

    @Test
    void anAdminDoesNotApproveWhileEnoughTreasurersMay() {
        fixture.given(shared("100.00"))
                .when(new ApproveCost(cost, coop, carla, TODAY, Set.of(treasurer, secondTreasurer), Set.of(carla),
                        THRESHOLD))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anAdminWhoPaidTheCostDoesNotStandIn() {
        CostShared paidByTheAdmin = shared("3000.00", treasurer, carla);
        fixture.given(paidByTheAdmin, new CostApprovalGiven(coop, cost, secondTreasurer, TODAY))
                .when(new ApproveCost(cost, coop, carla, TODAY, Set.of(treasurer, secondTreasurer), Set.of(carla),
                        THRESHOLD))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aCostAtTheThresholdNeedsOneApproval() {
        fixture.given(shared("2500.00"))
                .when(approve(treasurer, false))
                .expectEvents(new CostApproved(coop, cost, treasurer, TODAY));
    }

    @Test
    void anApprovedCostCannotBeApprovedOrRejectedAgain() {
        fixture.given(shared("100.00"), new CostApproved(coop, cost, treasurer, TODAY))
                .when(approve(secondTreasurer, false))
                .expectException(Conflict.class);
        fixture.given(shared("100.00"), new CostApproved(coop, cost, treasurer, TODAY))
                .when(new RejectCost(cost, coop, treasurer, TODAY, "duplicate"))
                .expectException(Conflict.class);
    }

    @Test
    void aRejectedCostCannotBeApproved() {
        fixture.given(shared("100.00"), new CostRejected(coop, cost, treasurer, TODAY, "not a shared cost"))
                .when(approve(treasurer, false))
                .expectException(Conflict.class)
                .expectExceptionMessage("A rejected cost cannot be approved");
    }

    @Test
    void aRejectionRecordsWhoWhenAndWhy() {
        fixture.given(shared("100.00"))
                .when(new RejectCost(cost, coop, treasurer, TODAY, "  private expense "))
                .expectEvents(new CostRejected(coop, cost, treasurer, TODAY, "private expense"));
    }

    @Test
    void aReversalReversesAnApprovedCostExactlyOnce() {
        fixture.given(shared("100.00"), new CostApproved(coop, cost, treasurer, TODAY))
                .when(new ReverseCost(cost, coop, treasurer, TODAY, "booked twice"))
                .expectEvents(new CostReversed(coop, cost, treasurer, TODAY, "booked twice"));
        fixture.given(shared("100.00"), new CostApproved(coop, cost, treasurer, TODAY),
                        new CostReversed(coop, cost, treasurer, TODAY, "booked twice"))
                .when(new ReverseCost(cost, coop, treasurer, TODAY, "again"))
                .expectException(Conflict.class);
    }

    @Test
    void onlyAnApprovedCostCanBeReversed() {
        fixture.given(shared("100.00"))
                .when(new ReverseCost(cost, coop, treasurer, TODAY, "wrong"))
                .expectException(RuleViolation.class);
    }

    @Test
    void aCostOfAnotherCooperativeIsNotFound() {
        fixture.given(shared("100.00"))
                .when(new ApproveCost(cost, CooperativeId.random(), treasurer, TODAY, Set.of(treasurer), Set.of(), THRESHOLD))
                .expectException(NotFound.class);
    }

    @Test
    void aDescriptionWithControlCharactersStoresNothingWhateverSentTheCommand() {
        for (String description : List.of("Paper\u0000", "Ink\u001b[31m", "\u0007")) {
            fixture.givenNoPriorActivity()
                    .when(new ShareCost(cost, coop, description, Money.of("10.00", EUR), null, DATE, "office", anna,
                            Split.equal(List.of(anna, bram)), anna, TODAY, Set.of(anna, bram, carla, treasurer), null,
                            false, Map.of(), THRESHOLD))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Test
    void nothingIsSharedApprovedOrReversedInAClosedMonth() {
        closed.add(YearMonth.from(DATE));
        fixture.givenNoPriorActivity().when(share("100.00", Split.equal(List.of(anna, bram)))).expectException(org.axonframework.test.matchers.Matchers.predicate(e -> e instanceof DomainException d && d.refusal() == Refusal.PERIOD_CLOSED));
        fixture.given(shared("100.00")).when(approve(treasurer, false)).expectException(org.axonframework.test.matchers.Matchers.predicate(e -> e instanceof DomainException d && d.refusal() == Refusal.PERIOD_CLOSED));
        closed.clear();
        closed.add(YearMonth.from(TODAY));
        fixture.given(shared("100.00"), new CostApproved(coop, cost, treasurer, TODAY))
                .when(new ReverseCost(cost, coop, treasurer, TODAY, "booked twice"))
                .expectException(org.axonframework.test.matchers.Matchers.predicate(e -> e instanceof DomainException d && d.refusal() == Refusal.PERIOD_CLOSED));
    }
}
