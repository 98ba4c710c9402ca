package coop.cooperative.core.membership;

import coop.cooperative.core.membership.api.CooperativeFounded;
import coop.cooperative.core.membership.api.MemberErased;
import coop.cooperative.core.membership.api.MemberJoined;
import coop.cooperative.core.membership.api.MemberLeft;
import coop.cooperative.core.membership.api.MembershipCommands.AppointRole;
import coop.cooperative.core.membership.api.MembershipCommands.ClosePeriod;
import coop.cooperative.core.membership.api.MembershipCommands.EraseMember;
import coop.cooperative.core.membership.api.MembershipCommands.ReopenPeriod;
import coop.cooperative.core.membership.api.PeriodClosed;
import coop.cooperative.core.membership.api.PeriodReopened;
import coop.cooperative.core.membership.api.MembershipCommands.FoundCooperative;
import coop.cooperative.core.membership.api.MembershipCommands.JoinCooperative;
import coop.cooperative.core.membership.api.MembershipCommands.LeaveCooperative;
import coop.cooperative.core.membership.api.MembershipCommands.RevokeRole;
import coop.cooperative.core.membership.api.Policies;
import coop.cooperative.core.membership.api.Role;
import coop.cooperative.core.membership.api.RoleAppointed;
import coop.cooperative.core.membership.api.RoleRevoked;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CooperativeTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate FOUNDED = LocalDate.of(2026, 1, 5);

    private final CooperativeId coop = CooperativeId.random();
    private final MemberId founder = MemberId.random();
    private final MemberId anna = MemberId.random();
    private final KeyedFingerprints fingerprints = new KeyedFingerprints("a key of this installation, 32+ bytes".getBytes());
    private AggregateTestFixture<Cooperative> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Cooperative.class);
        fixture.registerInjectableResource(fingerprints);
    }

    private Object[] founded() {
        return new Object[]{
                new CooperativeFounded(coop, "De Gilde", EUR, Policies.defaults(EUR), FOUNDED),
                new MemberJoined(coop, founder, fingerprints.of(coop, founder, "founder@gilde.example"), List.of("facilitation"),
                        Money.of("95.00", EUR), FOUNDED),
                new RoleAppointed(coop, founder, Role.ADMIN),
                new RoleAppointed(coop, founder, Role.TREASURER)};
    }

    private MemberJoined annaJoined() {
        return new MemberJoined(coop, anna, fingerprints.of(coop, anna, "anna@gilde.example"), List.of("java", "ux"),
                Money.of("85.00", EUR), FOUNDED.plusDays(1));
    }

    @Test
    void theFounderBecomesItsFirstAdminAndTreasurer() {
        fixture.givenNoPriorActivity()
                .when(new FoundCooperative(coop, " De Gilde ", EUR, founder, "founder@gilde.example",
                        List.of(" Facilitation"), Money.of("95.00", EUR), FOUNDED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(founded());
    }

    @Test
    void aCooperativeNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new FoundCooperative(coop, "  ", EUR, founder, "founder@gilde.example", List.of(), Money.zero(EUR),
                        FOUNDED))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aMemberJoinsWithNormalisedSkillsAndOnlyAFingerprintOfTheirEmail() {
        fixture.given(founded())
                .when(new JoinCooperative(coop, anna, "Anna@Gilde.example ", List.of("UX", "java", "ux"),
                        Money.of("85.00", EUR), FOUNDED.plusDays(1)))
                .expectEvents(annaJoined());
    }

    @Test
    void oneMembershipPerEmail() {
        fixture.given(founded()).andGiven(annaJoined())
                .when(new JoinCooperative(coop, MemberId.random(), "ANNA@gilde.example", List.of(),
                        Money.of("50.00", EUR), FOUNDED.plusDays(2)))
                .expectException(Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aFormerMemberMayJoinAgainWithTheSameEmail() {
        MemberId again = MemberId.random();
        fixture.given(founded()).andGiven(annaJoined(), new MemberLeft(coop, anna, FOUNDED.plusDays(10)))
                .when(new JoinCooperative(coop, again, "anna@gilde.example", List.of(), Money.of("90.00", EUR),
                        FOUNDED.plusDays(20)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theHourlyRateIsInTheCooperativesCurrencyAndNotNegative() {
        fixture.given(founded())
                .when(new JoinCooperative(coop, anna, "anna@gilde.example", List.of(),
                        Money.of("85.00", Currency.getInstance("USD")), FOUNDED))
                .expectException(RuleViolation.class);
        fixture.given(founded())
                .when(new JoinCooperative(coop, anna, "anna@gilde.example", List.of(), Money.of("-1.00", EUR), FOUNDED))
                .expectException(RuleViolation.class);
    }

    @Test
    void aMemberLeaves() {
        fixture.given(founded()).andGiven(annaJoined())
                .when(new LeaveCooperative(coop, anna, FOUNDED.plusMonths(3)))
                .expectEvents(new MemberLeft(coop, anna, FOUNDED.plusMonths(3)));
    }

    @Test
    void noLeavingTwice() {
        fixture.given(founded()).andGiven(annaJoined(), new MemberLeft(coop, anna, FOUNDED.plusMonths(3)))
                .when(new LeaveCooperative(coop, anna, FOUNDED.plusMonths(4)))
                .expectException(Conflict.class)
                .expectNoEvents();
    }

    @Test
    void noLeavingBeforeJoining() {
        fixture.given(founded()).andGiven(annaJoined())
                .when(new LeaveCooperative(coop, anna, FOUNDED))
                .expectException(RuleViolation.class);
    }

    @Test
    void anUnknownMemberCannotLeave() {
        fixture.given(founded())
                .when(new LeaveCooperative(coop, MemberId.random(), FOUNDED))
                .expectException(NotFound.class);
    }

    @Test
    void theLastAdminCannotLeave() {
        fixture.given(founded())
                .when(new LeaveCooperative(coop, founder, FOUNDED.plusDays(1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The last admin cannot leave; appoint another admin first")
                .expectNoEvents();
    }

    @Test
    void anAdminMayLeaveOnceAnotherAdminExists() {
        fixture.given(founded()).andGiven(annaJoined(), new RoleAppointed(coop, anna, Role.ADMIN))
                .when(new LeaveCooperative(coop, founder, FOUNDED.plusDays(5)))
                .expectEvents(new MemberLeft(coop, founder, FOUNDED.plusDays(5)));
    }

    @Test
    void theLastAdminCannotLoseTheRole() {
        fixture.given(founded())
                .when(new RevokeRole(coop, founder, Role.ADMIN))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anAdminRoleCanBeRevokedWhileAnotherAdminRemains() {
        fixture.given(founded()).andGiven(annaJoined(), new RoleAppointed(coop, anna, Role.ADMIN))
                .when(new RevokeRole(coop, founder, Role.ADMIN))
                .expectEvents(new RoleRevoked(coop, founder, Role.ADMIN));
    }

    @Test
    void anAdminWhoLeftDoesNotCountAsTheRemainingAdmin() {
        fixture.given(founded()).andGiven(annaJoined(), new RoleAppointed(coop, anna, Role.ADMIN),
                        new MemberLeft(coop, anna, FOUNDED.plusDays(3)))
                .when(new RevokeRole(coop, founder, Role.ADMIN))
                .expectException(RuleViolation.class);
    }

    @Test
    void aTreasurerIsAppointed() {
        fixture.given(founded()).andGiven(annaJoined())
                .when(new AppointRole(coop, anna, Role.TREASURER))
                .expectEvents(new RoleAppointed(coop, anna, Role.TREASURER));
    }

    @Test
    void noRolesForSomeoneWhoLeft() {
        fixture.given(founded()).andGiven(annaJoined(), new MemberLeft(coop, anna, FOUNDED.plusDays(3)))
                .when(new AppointRole(coop, anna, Role.TREASURER))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aRoleIsNotAppointedTwiceNorRevokedWhenNotHeld() {
        fixture.given(founded())
                .when(new AppointRole(coop, founder, Role.TREASURER))
                .expectException(Conflict.class);
        fixture.given(founded()).andGiven(annaJoined())
                .when(new RevokeRole(coop, anna, Role.TREASURER))
                .expectException(Conflict.class);
    }

    @Test
    void theFingerprintIgnoresCaseAndSpacesButDependsOnTheCooperativeAndTheKey() {
        byte[] key = "a key of one member alone, 32+ bytes".getBytes();
        assertThat(Fingerprint.keyed(key, coop, " Anna@Gilde.example"))
                .isEqualTo(Fingerprint.keyed(key, coop, "anna@gilde.example"))
                .isNotEqualTo(Fingerprint.keyed(key, CooperativeId.random(), "anna@gilde.example"))
                .as("a guessed address cannot be checked without the key")
                .isNotEqualTo(Fingerprint.unkeyed(coop, "anna@gilde.example"))
                .isNotEqualTo(Fingerprint.keyed("another member's key, 32+ bytes....".getBytes(), coop, "anna@gilde.example"))
                .doesNotContain("anna");
    }

    @Test
    void eachMemberIsFingerprintedUnderAKeyOfTheirOwn() {
        assertThat(fingerprints.of(coop, anna, "anna@gilde.example"))
                .isNotEqualTo(fingerprints.of(coop, MemberId.random(), "anna@gilde.example"));
    }

    @Test
    void aMemberWhoJoinedUnderTheInstallationKeyStillJoinsOnlyOnce() {
        MemberJoined before = new MemberJoined(coop, anna, fingerprints.underInstallationKey(coop, "anna@gilde.example"),
                List.of("ux"), Money.of("85.00", EUR), FOUNDED.plusDays(1));
        fixture.given(founded()).andGiven(before)
                .when(new JoinCooperative(coop, MemberId.random(), "ANNA@gilde.example", List.of("ux"), Money.of("85.00", EUR),
                        FOUNDED.plusDays(2)))
                .expectException(Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aMemberWhoseEventHoldsTheOldUnkeyedFingerprintStillJoinsOnlyOnce() {
        MemberJoined before = new MemberJoined(coop, anna, Fingerprint.unkeyed(coop, "anna@gilde.example"),
                List.of("ux"), Money.of("85.00", EUR), FOUNDED.plusDays(1));
        fixture.given(founded()).andGiven(before)
                .when(new JoinCooperative(coop, MemberId.random(), "ANNA@gilde.example", List.of("ux"), Money.of("85.00", EUR),
                        FOUNDED.plusDays(2)))
                .expectException(Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aPeriodIsClosedOnceItHasEnded() {
        fixture.given(founded())
                .when(new ClosePeriod(coop, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1)))
                .expectEvents(new PeriodClosed(coop, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1)));
    }

    @Test
    void aPeriodCannotBeClosedBeforeItEndsNorTwice() {
        fixture.given(founded())
                .when(new ClosePeriod(coop, YearMonth.of(2026, 1), LocalDate.of(2026, 1, 31)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(founded()).andGiven(new PeriodClosed(coop, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1)))
                .when(new ClosePeriod(coop, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 2)))
                .expectException(Conflict.class);
    }

    @Test
    void aClosedPeriodIsReopenedOnlyWithAReason() {
        PeriodClosed closed = new PeriodClosed(coop, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1));
        fixture.given(founded()).andGiven(closed)
                .when(new ReopenPeriod(coop, YearMonth.of(2026, 1), " "))
                .expectException(RuleViolation.class);
        fixture.given(founded()).andGiven(closed)
                .when(new ReopenPeriod(coop, YearMonth.of(2026, 1), "late invoice from the accountant"))
                .expectEvents(new PeriodReopened(coop, YearMonth.of(2026, 1), "late invoice from the accountant"));
        fixture.given(founded())
                .when(new ReopenPeriod(coop, YearMonth.of(2026, 1), "never closed"))
                .expectException(Conflict.class);
    }

    private static final LocalDate LEFT = FOUNDED.plusMonths(3);

    private EraseMember erase(MemberId member) {
        return new EraseMember(coop, member, false, Money.zero(EUR));
    }

    @Test
    void aMemberWhoLeftIsErased() {
        fixture.given(founded()).andGiven(annaJoined(), new MemberLeft(coop, anna, LEFT))
                .when(erase(anna))
                .expectEvents(new MemberErased(coop, anna));
    }

    @Test
    void aStayingMemberIsNotErased() {
        fixture.given(founded()).andGiven(annaJoined())
                .when(erase(anna))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Only the data of a member who has left can be erased")
                .expectNoEvents();
    }

    @Test
    void aMemberIsErasedOnlyOnce() {
        fixture.given(founded()).andGiven(annaJoined(), new MemberLeft(coop, anna, LEFT), new MemberErased(coop, anna))
                .when(erase(anna))
                .expectException(Conflict.class)
                .expectNoEvents();
    }

    @Test
    void notWithAnOpenClaimNorABalanceInTheBooks() {
        fixture.given(founded()).andGiven(annaJoined(), new MemberLeft(coop, anna, LEFT))
                .when(new EraseMember(coop, anna, true, Money.zero(EUR)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(founded()).andGiven(annaJoined(), new MemberLeft(coop, anna, LEFT))
                .when(new EraseMember(coop, anna, false, Money.of("0.01", EUR)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(founded()).andGiven(annaJoined(), new MemberLeft(coop, anna, LEFT))
                .when(new EraseMember(coop, anna, false, Money.of("-12.50", EUR)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownMemberIsNotErased() {
        fixture.given(founded())
                .when(erase(MemberId.random()))
                .expectException(NotFound.class);
    }

    @Test
    void anErasedMembersEmailMayJoinAgainAndTheOthersStayTaken() {
        fixture.given(founded()).andGiven(annaJoined(), new MemberLeft(coop, anna, LEFT), new MemberErased(coop, anna))
                .when(new JoinCooperative(coop, MemberId.random(), "anna@gilde.example", List.of(), Money.of("90.00", EUR),
                        LEFT.plusDays(1)))
                .expectSuccessfulHandlerExecution();
        fixture.given(founded()).andGiven(annaJoined(), new MemberLeft(coop, anna, LEFT), new MemberErased(coop, anna))
                .when(new JoinCooperative(coop, MemberId.random(), "founder@gilde.example", List.of(), Money.of("90.00", EUR),
                        LEFT.plusDays(1)))
                .expectException(Conflict.class);
    }

    @Test
    void anErasedMemberTakesNoRole() {
        fixture.given(founded()).andGiven(annaJoined(), new MemberLeft(coop, anna, LEFT), new MemberErased(coop, anna))
                .when(new AppointRole(coop, anna, Role.TREASURER))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
