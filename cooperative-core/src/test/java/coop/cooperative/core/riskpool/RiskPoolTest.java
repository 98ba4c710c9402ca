package coop.cooperative.core.riskpool;

import coop.cooperative.core.riskpool.api.AccountCapReturned;
import coop.cooperative.core.riskpool.api.ClaimApproved;
import coop.cooperative.core.riskpool.api.ClaimClosed;
import coop.cooperative.core.riskpool.api.ClaimContinued;
import coop.cooperative.core.riskpool.api.ClaimFiled;
import coop.cooperative.core.riskpool.api.ClaimGift;
import coop.cooperative.core.riskpool.api.ClaimMonthPaid;
import coop.cooperative.core.riskpool.api.ClaimMonthWithheld;
import coop.cooperative.core.riskpool.api.ContributionPaid;
import coop.cooperative.core.riskpool.api.Gift;
import coop.cooperative.core.riskpool.api.GiftsGivenOnLeaving;
import coop.cooperative.core.riskpool.api.MemberEnrolled;
import coop.cooperative.core.riskpool.api.MemberLeftRiskPool;
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
import coop.cooperative.core.riskpool.api.LeaveAnnounced;
import coop.cooperative.core.riskpool.api.TierChangeAnnounced;
import coop.cooperative.core.riskpool.api.RiskPoolOpened;
import coop.cooperative.core.riskpool.api.TierChanged;
import coop.cooperative.core.riskpool.api.YearEndCompleted;
import coop.cooperative.core.shared.ClaimId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;

import static coop.cooperative.core.riskpool.api.PoolChangeDates.ANY_DAY;
import static coop.cooperative.core.riskpool.api.PoolChangeDates.QUARTER_START;
import static org.assertj.core.api.Assertions.assertThat;

class RiskPoolTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final LocalDate OPENED = LocalDate.of(2025, 1, 2);
    /** A "today" after every date of a test: the change is made, not announced. */
    static final LocalDate LATER = LocalDate.of(2030, 1, 1);

    private final CooperativeId coop = CooperativeId.random();
    private final RiskPoolId pool = RiskPoolId.of(coop);
    private final ClaimId claim = ClaimId.random();
    private final List<MemberId> members = IntStream.range(0, 50).mapToObj(i -> MemberId.random()).sorted().toList();
    private final MemberId lotte = members.get(0);
    private final MemberId approver = MemberId.random();
    private AggregateTestFixture<RiskPool> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RiskPool.class);
    }

    static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    /** The pool with {@code count} members at 750 (deposit 33.75), each with {@code months} deposits from January 2025. */
    private List<Object> poolOf(int count, int months) {
        List<Object> events = new ArrayList<>();
        events.add(new RiskPoolOpened(pool, coop, EUR, OPENED));
        for (int i = 0; i < count; i++) {
            events.add(new MemberEnrolled(coop, members.get(i), eur("750.00"), eur("33.75"), OPENED));
        }
        for (int i = 0; i < count; i++) {
            for (int m = 0; m < months; m++) {
                events.add(new ContributionPaid(coop, members.get(i), YearMonth.of(2025, 1).plusMonths(m), eur("33.75"),
                        OPENED.plusMonths(m)));
            }
        }
        return events;
    }

    /** Lotte's approved claim from 1 March 2025 (paid from 1 April), in a pool of {@code count} with twelve deposits each. */
    private List<Object> claimApproved(int count) {
        List<Object> events = poolOf(count, 12);
        events.add(new ClaimFiled(coop, claim, lotte, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1), null));
        events.add(new ClaimApproved(coop, claim, lotte, LocalDate.of(2025, 3, 5), approver));
        return events;
    }

    private static List<Object> published(ResultValidator<RiskPool> result) {
        List<Object> payloads = new ArrayList<>();
        result.expectEventsMatching(Matchers.<List<EventMessage<?>>>predicate(list -> {
            list.forEach(m -> payloads.add(m.getPayload()));
            return true;
        }));
        return payloads;
    }

    @Test
    void theFirstEnrolmentOpensThePoolAndTheDepositIsFourAndAHalfPercentOfTheTier() {
        fixture.givenNoPriorActivity()
                .when(new EnrolMember(pool, coop, lotte, eur("2500.00"), 50, OPENED))
                .expectEvents(new RiskPoolOpened(pool, coop, EUR, OPENED),
                        new MemberEnrolled(coop, lotte, eur("2500.00"), eur("112.50"), OPENED));
    }

    @Test
    void thePoolsIdentifierDiffersFromTheCooperativesAndIsDerivedFromIt() {
        assertThat(pool.value()).isNotEqualTo(coop.value()).isEqualTo(RiskPoolId.of(coop).value());
    }

    @Test
    void anEnrolmentOutsideTheTiersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new EnrolMember(pool, coop, lotte, eur("800.00"), 50, OPENED))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("750.00, 1000.00"))
                .expectNoEvents();
    }

    @Test
    void aMemberEnrolsOnce() {
        fixture.given(poolOf(1, 0))
                .when(new EnrolMember(pool, coop, lotte, eur("1000.00"), 50, OPENED))
                .expectException(Conflict.class);
    }

    @Test
    void thePoolTakesAtMostItsMaximumOfMembers() {
        fixture.given(poolOf(50, 0))
                .when(new EnrolMember(pool, coop, MemberId.random(), eur("1000.00"), 50, OPENED))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at most 50"));
    }

    @Test
    void aDepositGoesIntoTheMembersOwnAccountAtTheirTier() {
        fixture.given(poolOf(1, 0))
                .when(new RecordContribution(pool, lotte, YearMonth.of(2025, 1), OPENED))
                .expectEvents(new ContributionPaid(coop, lotte, YearMonth.of(2025, 1), eur("33.75"), OPENED))
                .expectState(p -> assertThat(p.balanceOf(lotte)).contains(eur("33.75")));
    }

    @Test
    void aMonthsDepositIsRecordedOnlyOnce() {
        fixture.given(poolOf(1, 1))
                .when(new RecordContribution(pool, lotte, YearMonth.of(2025, 1), OPENED))
                .expectException(Conflict.class);
    }

    @Test
    void noDepositIsDueBeforeTheMemberEnrolled() {
        fixture.given(poolOf(1, 0))
                .when(new RecordContribution(pool, lotte, YearMonth.of(2024, 12), OPENED))
                .expectException(RuleViolation.class);
    }

    @Test
    void aClaimForSomeoneNotEnrolledIsRefused() {
        fixture.given(poolOf(20, 1))
                .when(new FileClaim(pool, claim, MemberId.random(), LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 3), null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aClaimStartsAtMostThirtyDaysAfterItIsFiled() {
        fixture.given(poolOf(20, 1))
                .when(new FileClaim(pool, claim, lotte, LocalDate.of(2025, 5, 2), LocalDate.of(2025, 4, 1), null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(poolOf(20, 1))
                .when(new FileClaim(pool, claim, lotte, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 4, 1), null))
                .expectEvents(new ClaimFiled(coop, claim, lotte, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 4, 1), null));
    }

    @Test
    void aSecondOpenClaimForTheSameMemberIsRefused() {
        fixture.given(claimApproved(20))
                .when(new FileClaim(pool, ClaimId.random(), lotte, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 1), null))
                .expectException(Conflict.class);
    }

    @Test
    void aTreasurerApprovesOrRejectsAFiledClaimOnce() {
        List<Object> filed = poolOf(20, 1);
        filed.add(new ClaimFiled(coop, claim, lotte, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 3), null));
        fixture.given(filed)
                .when(new RejectClaim(pool, claim, LocalDate.of(2025, 3, 4)))
                .expectSuccessfulHandlerExecution();
        fixture.given(claimApproved(20))
                .when(new RejectClaim(pool, claim, LocalDate.of(2025, 3, 6)))
                .expectException(Conflict.class);
    }

    @Test
    void noPayoutInTheWaitingPeriod() {
        fixture.given(claimApproved(20))
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 3), 20, LocalDate.of(2025, 3, 31)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("waiting period"));
    }

    @Test
    void theFirstMonthAfterTheWaitingPeriodIsPaidOnlyOnceItIsDue() {
        fixture.given(claimApproved(20))
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 4), 20, LocalDate.of(2025, 4, 2)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("not due yet"));
    }

    @Test
    void giftsFromTheOthersSumExactlyToThePayoutInProportionToTheirDeposits() {
        List<Object> given = claimApproved(20);
        given.add(new TierChanged(coop, members.get(1), eur("2500.00"), eur("112.50"), OPENED.plusDays(1)));
        List<Object> events = published(fixture.given(given)
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 4), 20, LocalDate.of(2025, 5, 2))));

        ClaimMonthPaid paid = (ClaimMonthPaid) events.get(0);
        assertThat(paid.paid()).isEqualTo(eur("750.00"));
        assertThat(paid.shortfall()).isEqualTo(eur("0.00"));
        assertThat(paid.gifts()).hasSize(19).noneMatch(g -> g.from().equals(lotte));
        assertThat(paid.gifts().stream().map(Gift::amount).reduce(eur("0"), Money::plus)).isEqualTo(eur("750.00"));
        // 750 over 18 x 33.75 + 1 x 112.50 = 720.00: 33.75 gives 35.15625, 112.50 gives 117.1875
        Money big = paid.gifts().stream().filter(g -> g.from().equals(members.get(1))).findFirst().orElseThrow().amount();
        assertThat(big).isIn(eur("117.18"), eur("117.19"));
    }

    @Test
    void anEmptyAccountGivesNothingAndTheOthersCoverIt() {
        List<Object> given = claimApproved(20);
        MemberId newcomer = MemberId.random();
        given.add(new MemberEnrolled(coop, newcomer, eur("750.00"), eur("33.75"), OPENED));
        List<Object> events = published(fixture.given(given)
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 4), 20, LocalDate.of(2025, 5, 2))));

        ClaimMonthPaid paid = (ClaimMonthPaid) events.get(0);
        assertThat(paid.gifts()).hasSize(19).noneMatch(g -> g.from().equals(newcomer));
        assertThat(paid.paid()).isEqualTo(eur("750.00"));
    }

    @Test
    void whenTheAccountsTogetherCannotPayThePayoutIsReducedAndTheShortfallRecorded() {
        List<Object> given = poolOf(20, 1);
        given.add(new ClaimFiled(coop, claim, lotte, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1), null));
        given.add(new ClaimApproved(coop, claim, lotte, LocalDate.of(2025, 3, 5), approver));
        List<Object> events = published(fixture.given(given)
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 4), 20, LocalDate.of(2025, 5, 2))));

        ClaimMonthPaid paid = (ClaimMonthPaid) events.get(0);
        assertThat(paid.due()).isEqualTo(eur("750.00"));
        assertThat(paid.paid()).isEqualTo(eur("641.25")); // 19 x 33.75: every other account emptied
        assertThat(paid.shortfall()).isEqualTo(eur("108.75"));
        assertThat(paid.gifts()).allMatch(g -> g.amount().equals(eur("33.75")));
    }

    @Test
    void belowTheMinimumOfMembersAMonthIsWithheldNotPaid() {
        fixture.given(claimApproved(19))
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 4), 20, LocalDate.of(2025, 5, 2)))
                .expectEvents(new ClaimMonthWithheld(coop, claim, lotte, YearMonth.of(2025, 4), 19, 20));
    }

    @Test
    void aRestartInTheMiddleOfAMonthDoesNotPayTwice() {
        List<Object> given = claimApproved(20);
        given.add(new ClaimMonthPaid(coop, claim, lotte, YearMonth.of(2025, 4), eur("750.00"), eur("0.00"),
                eur("750.00"), List.of(), LocalDate.of(2025, 4, 3), null));
        // The scheduler, started again on the 17th, sends the same month's payout once more.
        fixture.given(given)
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 4), 20, LocalDate.of(2025, 4, 17)))
                .expectException(Conflict.class)
                .expectNoEvents();
    }

    @Test
    void theTwentyFifthMonthIsNotPaid() {
        List<Object> given = poolOf(20, 12);
        given.add(new ClaimFiled(coop, claim, lotte, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), null));
        given.add(new ClaimApproved(coop, claim, lotte, LocalDate.of(2025, 1, 5), approver));
        for (int m = 0; m < 24; m++) {
            given.add(new ClaimMonthPaid(coop, claim, lotte, YearMonth.of(2025, 2).plusMonths(m), eur("750.00"),
                    eur("0.00"), eur("750.00"), List.of(), LocalDate.of(2025, 2, 3).plusMonths(m), null));
        }
        fixture.given(given)
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2027, 2), 20, LocalDate.of(2027, 2, 3)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at most 24 months"));
    }

    @Test
    void twoClaimsAFortnightApartShareOneWaitingPeriod() {
        ClaimId second = ClaimId.random();
        List<Object> given = claimApproved(20);
        given.add(new ClaimMonthPaid(coop, claim, lotte, YearMonth.of(2025, 4), eur("750.00"), eur("0.00"),
                eur("750.00"), List.of(), LocalDate.of(2025, 4, 3), null));
        given.add(new ClaimClosed(coop, claim, lotte, LocalDate.of(2025, 4, 20)));
        fixture.given(given)
                .when(new FileClaim(pool, second, lotte, LocalDate.of(2025, 5, 4), LocalDate.of(2025, 5, 4), null))
                .expectEvents(new ClaimFiled(coop, second, lotte, LocalDate.of(2025, 5, 4), LocalDate.of(2025, 5, 4), null),
                        new ClaimContinued(coop, second, claim, lotte));

        given.add(new ClaimFiled(coop, second, lotte, LocalDate.of(2025, 5, 4), LocalDate.of(2025, 5, 4), null));
        given.add(new ClaimContinued(coop, second, claim, lotte));
        given.add(new ClaimApproved(coop, second, lotte, LocalDate.of(2025, 5, 5), approver));
        // No new month of waiting: May is paid from the 4th on, 28 of its 31 days, once it has ended.
        List<Object> events = published(fixture.given(given)
                .when(new PayClaimMonth(pool, second, YearMonth.of(2025, 5), 20, LocalDate.of(2025, 6, 1))));
        assertThat(((ClaimMonthPaid) events.get(0)).paid()).isEqualTo(eur("677.42"));
    }

    @Test
    void aClaimMoreThanAMonthAfterThePreviousOneEndedStartsANewWaitingPeriod() {
        ClaimId second = ClaimId.random();
        List<Object> given = claimApproved(20);
        given.add(new ClaimClosed(coop, claim, lotte, LocalDate.of(2025, 4, 20)));
        given.add(new ClaimFiled(coop, second, lotte, LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 2), null));
        given.add(new ClaimApproved(coop, second, lotte, LocalDate.of(2025, 6, 3), approver));
        fixture.given(given)
                .when(new PayClaimMonth(pool, second, YearMonth.of(2025, 6), 20, LocalDate.of(2025, 6, 30)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("waiting period"));
    }

    @Test
    void theMonthsOfAContinuedClaimCountTowardsTheMaximum() {
        ClaimId second = ClaimId.random();
        List<Object> given = poolOf(20, 12);
        given.add(new ClaimFiled(coop, claim, lotte, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), null));
        given.add(new ClaimApproved(coop, claim, lotte, LocalDate.of(2025, 1, 5), approver));
        for (int m = 0; m < 24; m++) {
            given.add(new ClaimMonthPaid(coop, claim, lotte, YearMonth.of(2025, 2).plusMonths(m), eur("750.00"),
                    eur("0.00"), eur("750.00"), List.of(), LocalDate.of(2025, 2, 3).plusMonths(m), null));
        }
        given.add(new ClaimClosed(coop, claim, lotte, LocalDate.of(2027, 1, 31)));
        given.add(new ClaimFiled(coop, second, lotte, LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 10), null));
        given.add(new ClaimContinued(coop, second, claim, lotte));
        given.add(new ClaimApproved(coop, second, lotte, LocalDate.of(2027, 2, 11), approver));
        fixture.given(given)
                .when(new PayClaimMonth(pool, second, YearMonth.of(2027, 2), 20, LocalDate.of(2027, 2, 12)))
                .expectException(RuleViolation.class);
    }

    @Test
    void aMonthAfterTheClaimClosedIsNotPaid() {
        List<Object> given = claimApproved(20);
        given.add(new ClaimClosed(coop, claim, lotte, LocalDate.of(2025, 4, 20)));
        fixture.given(given)
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 5), 20, LocalDate.of(2025, 5, 3)))
                .expectException(RuleViolation.class);
    }

    @Test
    void anUnapprovedClaimIsNotPaid() {
        List<Object> given = poolOf(20, 12);
        given.add(new ClaimFiled(coop, claim, lotte, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 3), null));
        fixture.given(given)
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 4), 20, LocalDate.of(2025, 5, 2)))
                .expectException(RuleViolation.class);
    }

    @Test
    void aClaimCannotEndBeforeItStarted() {
        fixture.given(claimApproved(20))
                .when(new CloseClaim(pool, claim, LocalDate.of(2025, 2, 28)))
                .expectException(RuleViolation.class);
    }

    @Test
    void aTierChangesAtMostOnceAYear() {
        List<Object> given = poolOf(1, 0);
        given.add(new TierChanged(coop, lotte, eur("1000.00"), eur("45.00"), LocalDate.of(2025, 2, 1)));
        fixture.given(given)
                .when(new ChangeTier(pool, lotte, eur("1250.00"), LocalDate.of(2026, 1, 31), ANY_DAY, LATER))
                .expectException(RuleViolation.class);
        fixture.given(given)
                .when(new ChangeTier(pool, lotte, eur("1250.00"), LocalDate.of(2026, 2, 1), ANY_DAY, LATER))
                .expectEvents(new TierChanged(coop, lotte, eur("1250.00"), eur("56.25"), LocalDate.of(2026, 2, 1)));
    }

    @Test
    void aTierDoesNotChangeDuringTheMembersOwnClaim() {
        fixture.given(claimApproved(20))
                .when(new ChangeTier(pool, lotte, eur("1000.00"), LocalDate.of(2025, 4, 1), ANY_DAY, LATER))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("during their own claim"));
    }

    @Test
    void atYearEndWhatIsAboveThirtySixDepositsIsReturnedOnce() {
        List<Object> given = poolOf(2, 38);
        LocalDate newYear = LocalDate.of(2028, 12, 31);
        fixture.given(given)
                .when(new ReturnAboveCap(pool, 2028, newYear))
                .expectEvents(new AccountCapReturned(coop, members.get(0), 2028, eur("67.50"), newYear),
                        new AccountCapReturned(coop, members.get(1), 2028, eur("67.50"), newYear),
                        new YearEndCompleted(coop, 2028, newYear))
                .expectState(p -> assertThat(p.balanceOf(lotte)).contains(eur("1215.00")));
        given.add(new YearEndCompleted(coop, 2028, newYear));
        fixture.given(given)
                .when(new ReturnAboveCap(pool, 2028, newYear))
                .expectException(Conflict.class);
    }

    @Test
    void yearEndReturnsWaitForTheYearsLastDay() {
        fixture.given(poolOf(2, 3))
                .when(new ReturnAboveCap(pool, 2025, LocalDate.of(2025, 12, 30)))
                .expectException(RuleViolation.class);
    }

    @Test
    void aMemberWhoLeavesTakesTheirBalanceAndTheirOpenClaimCloses() {
        fixture.given(claimApproved(20))
                .when(new LeaveRiskPool(pool, lotte, LocalDate.of(2025, 6, 30), 20, ANY_DAY, LATER))
                .expectEvents(new ClaimClosed(coop, claim, lotte, LocalDate.of(2025, 6, 30)),
                        new MemberLeftRiskPool(coop, lotte, eur("405.00"), LocalDate.of(2025, 6, 30)))
                .expectState(p -> assertThat(p.balanceOf(lotte)).isEmpty());
    }

    @Test
    void someoneNotEnrolledCannotLeave() {
        fixture.given(poolOf(2, 1))
                .when(new LeaveRiskPool(pool, MemberId.random(), LocalDate.of(2025, 6, 30), 20, ANY_DAY, LATER))
                .expectException(NotFound.class);
    }

    // ---- the fund's rules, as the treasurer checks them ----

    @Test
    void aMonthIsPaidOnlyOnceItHasEnded() {
        fixture.given(claimApproved(20))
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 4), 20, LocalDate.of(2025, 4, 30)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("from 2025-05-01"));
    }

    @Test
    void theFirstMonthAfterTheWaitingPeriodIsPaidProRataPerCalendarDay() {
        // From 31 October the waiting period ends on 30 November: one day of November's 30 is paid.
        List<Object> given = poolOf(20, 12);
        given.add(new ClaimFiled(coop, claim, lotte, LocalDate.of(2025, 10, 31), LocalDate.of(2025, 10, 31), null));
        given.add(new ClaimApproved(coop, claim, lotte, LocalDate.of(2025, 11, 2), approver));
        ClaimMonthPaid november = (ClaimMonthPaid) published(fixture.given(given)
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 11), 20, LocalDate.of(2025, 12, 4)))).get(0);
        assertThat(november.due()).isEqualTo(eur("25.00"));
        assertThat(november.paid()).isEqualTo(eur("25.00"));

        given.add(november);
        fixture.given(given)
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 12), 20, LocalDate.of(2025, 12, 4)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("not due yet"));
    }

    @Test
    void aClosedClaimsLastMonthIsPaidUpToItsEndDateOnceThatDayHasPassed() {
        List<Object> given = claimApproved(20);
        given.add(new ClaimClosed(coop, claim, lotte, LocalDate.of(2025, 4, 12)));
        fixture.given(given)
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 4), 20, LocalDate.of(2025, 4, 12)))
                .expectException(RuleViolation.class);
        ClaimMonthPaid april = (ClaimMonthPaid) published(fixture.given(given)
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 4), 20, LocalDate.of(2025, 4, 13)))).get(0);
        assertThat(april.due()).isEqualTo(eur("300.00")); // 12 of 30 days of 750.00
    }

    @Test
    void twentyFourMonthsArePaidInDaysSoAPartFirstMonthIsMadeUpAfterTheTwentyFourth() {
        // Paid from 16 February 2025: the 24 months end on 15 February 2027, half of that month.
        List<Object> given = poolOf(20, 12);
        given.add(new ClaimFiled(coop, claim, lotte, LocalDate.of(2025, 1, 16), LocalDate.of(2025, 1, 16), null));
        given.add(new ClaimApproved(coop, claim, lotte, LocalDate.of(2025, 1, 20), approver));
        for (int m = 0; m < 24; m++) {
            given.add(new ClaimMonthPaid(coop, claim, lotte, YearMonth.of(2025, 2).plusMonths(m), eur("750.00"),
                    eur("0.00"), eur("750.00"), List.of(), LocalDate.of(2025, 3, 1).plusMonths(m), null));
        }
        ClaimMonthPaid last = (ClaimMonthPaid) published(fixture.given(given)
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2027, 2), 20, LocalDate.of(2027, 2, 16)))).get(0);
        assertThat(last.due()).isEqualTo(eur("401.79")); // 15 of 28 days
        given.add(last);
        fixture.given(given)
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2027, 3), 20, LocalDate.of(2027, 4, 1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at most 24 months"));
    }

    @Test
    void theClaimantNeverApprovesTheirOwnClaim() {
        List<Object> filed = poolOf(20, 1);
        filed.add(new ClaimFiled(coop, claim, lotte, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 3), null));
        fixture.given(filed)
                .when(new ApproveClaim(pool, claim, LocalDate.of(2025, 3, 4), lotte))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(filed)
                .when(new ApproveClaim(pool, claim, LocalDate.of(2025, 3, 4), approver))
                .expectEvents(new ClaimApproved(coop, claim, lotte, LocalDate.of(2025, 3, 4), approver));
    }

    @Test
    void aClaimStartsAtMostThirtyDaysBeforeItIsFiledUnlessAnotherAdminAcceptsTheLateFiling() {
        LocalDate today = LocalDate.of(2027, 6, 1);
        fixture.given(poolOf(20, 1))
                .when(new FileClaim(pool, claim, lotte, today.minusDays(31), today, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("startDate"));
        fixture.given(poolOf(20, 1))
                .when(new FileClaim(pool, claim, lotte, today.minusDays(31), today, lotte))
                .expectException(RuleViolation.class);
        fixture.given(poolOf(20, 1))
                .when(new FileClaim(pool, claim, lotte, today.minusDays(30), today, null))
                .expectEvents(new ClaimFiled(coop, claim, lotte, today.minusDays(30), today, null));
        fixture.given(poolOf(20, 1))
                .when(new FileClaim(pool, claim, lotte, today.minusYears(2), today, approver))
                .expectEvents(new ClaimFiled(coop, claim, lotte, today.minusYears(2), today, approver));
    }

    @Test
    void aDepositIsRecordedForTheCurrentOrTheNextMonthOnly() {
        LocalDate today = LocalDate.of(2025, 12, 4);
        fixture.given(poolOf(2, 0))
                .when(new RecordContribution(pool, lotte, YearMonth.of(2027, 12), today))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("month"));
        fixture.given(poolOf(2, 0))
                .when(new RecordContribution(pool, lotte, YearMonth.of(2026, 1), today))
                .expectEvents(new ContributionPaid(coop, lotte, YearMonth.of(2026, 1), eur("33.75"), today));
    }

    @Test
    void theCapIsMeasuredOnTheThirtyFirstOfDecemberWithoutDepositsForLaterMonths() {
        // 37 deposits for January 2025 to January 2028: on 31 December 2027 the account held 36, the cap.
        List<Object> given = poolOf(1, 37);
        fixture.given(given)
                .when(new ReturnAboveCap(pool, 2027, LocalDate.of(2028, 1, 5)))
                .expectEvents(new YearEndCompleted(coop, 2027, LocalDate.of(2028, 1, 5)));
    }

    @Test
    void aLeaverGivesTheirShareOfTheMonthsGiftsBeforeTakingTheirBalance() {
        MemberId leaver = members.get(5);
        List<Object> given = claimApproved(21);
        List<Object> events = published(fixture.given(given)
                .when(new LeaveRiskPool(pool, leaver, LocalDate.of(2025, 4, 10), 20, ANY_DAY, LATER)));

        // April pays 750.00 from 20 equal accounts: 37.50 each, the leaver's share given as they go.
        GiftsGivenOnLeaving gave = (GiftsGivenOnLeaving) events.get(0);
        assertThat(gave.gifts()).containsExactly(new ClaimGift(claim, lotte, YearMonth.of(2025, 4), eur("37.50")));
        assertThat(((MemberLeftRiskPool) events.get(1)).balanceReturned()).isEqualTo(eur("367.50")); // 405.00 - 37.50

        given.addAll(events);
        ClaimMonthPaid april = (ClaimMonthPaid) published(fixture.given(given)
                .when(new PayClaimMonth(pool, claim, YearMonth.of(2025, 4), 20, LocalDate.of(2025, 5, 1)))).get(0);
        assertThat(april.paid()).isEqualTo(eur("750.00"));
        assertThat(april.givenEarlier()).isEqualTo(eur("37.50"));
        assertThat(april.gifts()).hasSize(19).noneMatch(g -> g.from().equals(leaver));
    }

    @Test
    void changesTakeEffectOnTheFundsFixedDatesAndALaterOneIsAnnouncedFirst() {
        List<Object> given = poolOf(20, 1);
        fixture.given(given)
                .when(new ChangeTier(pool, lotte, eur("1250.00"), LocalDate.of(2026, 2, 1), QUARTER_START, LocalDate.of(2026, 2, 1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("the next is 2026-04-01"));
        fixture.given(given)
                .when(new ChangeTier(pool, lotte, eur("1250.00"), LocalDate.of(2026, 4, 1), QUARTER_START, LocalDate.of(2026, 2, 10)))
                .expectEvents(new TierChangeAnnounced(coop, lotte, eur("1250.00"), eur("56.25"), LocalDate.of(2026, 4, 1)));
        fixture.given(given)
                .when(new ChangeTier(pool, lotte, eur("1250.00"), LocalDate.of(2026, 4, 1), QUARTER_START, LocalDate.of(2026, 4, 1)))
                .expectEvents(new TierChanged(coop, lotte, eur("1250.00"), eur("56.25"), LocalDate.of(2026, 4, 1)));
        fixture.given(given)
                .when(new LeaveRiskPool(pool, lotte, LocalDate.of(2025, 6, 30), 20, QUARTER_START, LATER))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("date:"));
        fixture.given(given)
                .when(new LeaveRiskPool(pool, lotte, LocalDate.of(2025, 7, 1), 20, QUARTER_START, LocalDate.of(2025, 6, 20)))
                .expectEvents(new LeaveAnnounced(coop, lotte, LocalDate.of(2025, 7, 1)));
    }
}
