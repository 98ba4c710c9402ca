package coop.cooperative.core.hours;

import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.hours.api.HoursBilled;
import coop.cooperative.core.hours.api.HoursCommands.CorrectHours;
import coop.cooperative.core.hours.api.HoursCommands.LogHours;
import coop.cooperative.core.hours.api.HoursCommands.MarkHoursBilled;
import coop.cooperative.core.hours.api.HoursCommands.WithdrawHours;
import coop.cooperative.core.hours.api.HoursCorrected;
import coop.cooperative.core.hours.api.HoursKind;
import coop.cooperative.core.hours.api.HoursLogged;
import coop.cooperative.core.hours.api.HoursWithdrawn;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.OpenPeriods;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.Refusal;

class TimesheetTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final LocalDate TODAY = DAY.plusMonths(2);

    private final CooperativeId coop = CooperativeId.random();
    private final MemberId anna = MemberId.random();
    private final ProjectId portal = ProjectId.random();
    private final EntryId entry = EntryId.random();
    private AggregateTestFixture<Timesheet> fixture;

    /** The months the cooperative has closed; the aggregate asks through {@link OpenPeriods}. */
    private final Set<YearMonth> closed = new HashSet<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Timesheet.class);
        fixture.registerInjectableResource((OpenPeriods) (cooperative, month) -> !closed.contains(month));
    }

    private LogHours log(String hours, HoursKind kind, ProjectId project, String subject, Set<ProjectId> assigned) {
        return new LogHours(coop, anna, EntryId.random(), DAY, new BigDecimal(hours), kind, project, subject, "work",
                assigned, TODAY);
    }

    private HoursLogged logged(String hours) {
        return new HoursLogged(coop, anna, entry, DAY, new BigDecimal(hours), HoursKind.COOPERATIVE, null, null, "books");
    }

    @Test
    void aMemberLogsProjectHoursOnAProjectTheyAreAssignedTo() {
        fixture.givenNoPriorActivity()
                .when(new LogHours(coop, anna, entry, DAY, new BigDecimal("7.5"), HoursKind.PROJECT, portal, null,
                        " sprint review ", Set.of(portal), TODAY))
                .expectEvents(new HoursLogged(coop, anna, entry, DAY, new BigDecimal("7.50"), HoursKind.PROJECT, portal,
                        null, "sprint review"));
    }

    @Test
    void projectHoursOnAProjectTheMemberIsNotAssignedToOnThatDateAreRefused() {
        fixture.givenNoPriorActivity()
                .when(log("4", HoursKind.PROJECT, portal, null, Set.of()))
                .expectException(RuleViolation.class);
    }

    @Test
    void hoursComeInQuarterHourSteps() {
        fixture.givenNoPriorActivity()
                .when(log("1.1", HoursKind.COOPERATIVE, null, null, Set.of()))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Hours are logged in steps of a quarter hour (0.25)");
    }

    @Test
    void hoursAreMoreThanZero() {
        fixture.givenNoPriorActivity()
                .when(log("0", HoursKind.COOPERATIVE, null, null, Set.of()))
                .expectException(RuleViolation.class);
    }

    @Test
    void atMost24HoursADayInTotal() {
        fixture.given(logged("20"))
                .when(log("4.25", HoursKind.COOPERATIVE, null, null, Set.of()))
                .expectException(RuleViolation.class);
        fixture.given(logged("20"))
                .when(log("4", HoursKind.COOPERATIVE, null, null, Set.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void developmentHoursNeedAShortSubject() {
        fixture.givenNoPriorActivity()
                .when(log("2", HoursKind.DEVELOPMENT, null, " ", Set.of()))
                .expectException(RuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(log("2", HoursKind.DEVELOPMENT, null, "x".repeat(101), Set.of()))
                .expectException(RuleViolation.class);
    }

    @Test
    void onlyProjectHoursNameAProject() {
        fixture.givenNoPriorActivity()
                .when(log("2", HoursKind.COOPERATIVE, portal, null, Set.of(portal)))
                .expectException(RuleViolation.class);
    }

    @Test
    void aCorrectionReplacesTheEntryAndCountsOnlyItselfTowardsTheDay() {
        fixture.given(logged("20"))
                .when(new CorrectHours(anna, YearMonth.from(DAY), entry, DAY.plusDays(1), new BigDecimal("24"), HoursKind.DEVELOPMENT, null,
                        "Kotlin course", "day one", Set.of(), TODAY))
                .expectEvents(new HoursCorrected(coop, anna, entry, DAY.plusDays(1), new BigDecimal("24.00"),
                        HoursKind.DEVELOPMENT, null, "Kotlin course", "day one"));
    }

    @Test
    void aCorrectionKeepsTheEntryInItsMonth() {
        fixture.given(logged("2"))
                .when(new CorrectHours(anna, YearMonth.from(DAY), entry, DAY.plusMonths(1), new BigDecimal("2"), HoursKind.COOPERATIVE, null,
                        null, "books", Set.of(), TODAY))
                .expectException(RuleViolation.class);
    }

    @Test
    void aWithdrawnEntryNoLongerCountsAndCannotBeWithdrawnTwice() {
        fixture.given(logged("20"))
                .when(new WithdrawHours(anna, YearMonth.from(DAY), entry))
                .expectEvents(new HoursWithdrawn(coop, anna, entry, DAY));
        fixture.given(logged("20"), new HoursWithdrawn(coop, anna, entry, DAY))
                .when(new WithdrawHours(anna, YearMonth.from(DAY), entry))
                .expectException(NotFound.class);
        fixture.given(logged("20"), new HoursWithdrawn(coop, anna, entry, DAY))
                .when(log("24", HoursKind.COOPERATIVE, null, null, Set.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCommandWithoutTodayIsRefusedSoNoSenderSkipsTheCheck() {
        fixture.givenNoPriorActivity()
                .when(new LogHours(coop, anna, entry, LocalDate.of(2030, 1, 20), new BigDecimal("2"), HoursKind.COOPERATIVE,
                        null, null, "planned", Set.of(), null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aCorrectionCannotMoveHoursAfterToday() {
        fixture.given(logged("2"))
                .when(new CorrectHours(anna, YearMonth.from(DAY), entry, DAY.plusDays(1), new BigDecimal("2"),
                        HoursKind.COOPERATIVE, null, null, "planned", Set.of(), DAY))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void hoursAreWorkedHoursNeverAfterToday() {
        fixture.givenNoPriorActivity()
                .when(new LogHours(coop, anna, entry, DAY.plusDays(1), new BigDecimal("2"), HoursKind.COOPERATIVE, null, null,
                        "planned", Set.of(), DAY))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    private HoursLogged projectHours() {
        return new HoursLogged(coop, anna, entry, DAY, new BigDecimal("8.00"), HoursKind.PROJECT, portal, null, "sprint");
    }

    @Test
    void hoursOnASentInvoiceAreNeitherCorrectedNorWithdrawn() {
        UUID invoice = UUID.randomUUID();
        HoursBilled billed = new HoursBilled(coop, anna, List.of(entry), invoice);
        fixture.given(projectHours())
                .when(new MarkHoursBilled(anna, YearMonth.from(DAY), List.of(entry), invoice))
                .expectEvents(billed);
        fixture.given(projectHours(), billed)
                .when(new WithdrawHours(anna, YearMonth.from(DAY), entry))
                .expectException(RuleViolation.class).expectExceptionMessage(
                        "These hours are on a sent invoice and can no longer be changed or withdrawn");
        fixture.given(projectHours(), billed)
                .when(new CorrectHours(anna, YearMonth.from(DAY), entry, DAY, new BigDecimal("7"), HoursKind.PROJECT, portal,
                        null, "sprint", Set.of(portal), TODAY))
                .expectException(RuleViolation.class);
    }

    @Test
    void hoursAreBilledOnceAndOnlyWhileTheyAreThere() {
        HoursBilled billed = new HoursBilled(coop, anna, List.of(entry), UUID.randomUUID());
        fixture.given(projectHours(), billed)
                .when(new MarkHoursBilled(anna, YearMonth.from(DAY), List.of(entry), UUID.randomUUID()))
                .expectException(Conflict.class);
        fixture.given(projectHours(), new HoursWithdrawn(coop, anna, entry, DAY))
                .when(new MarkHoursBilled(anna, YearMonth.from(DAY), List.of(entry), UUID.randomUUID()))
                .expectException(RuleViolation.class);
    }

    @Test
    void nothingIsLoggedCorrectedOrWithdrawnInAClosedMonth() {
        closed.add(YearMonth.from(DAY));
        fixture.givenNoPriorActivity().when(log("2", HoursKind.COOPERATIVE, null, null, Set.of())).expectException(org.axonframework.test.matchers.Matchers.predicate(e -> e instanceof DomainException d && d.refusal() == Refusal.PERIOD_CLOSED));
        fixture.given(logged("2")).when(new WithdrawHours(anna, YearMonth.from(DAY), entry)).expectException(org.axonframework.test.matchers.Matchers.predicate(e -> e instanceof DomainException d && d.refusal() == Refusal.PERIOD_CLOSED));
    }
}
