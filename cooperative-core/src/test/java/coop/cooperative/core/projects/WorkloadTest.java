package coop.cooperative.core.projects;

import coop.cooperative.core.projects.api.AssignmentId;
import coop.cooperative.core.projects.api.ProjectCommands.BookWorkload;
import coop.cooperative.core.projects.api.ProjectCommands.Booking;
import coop.cooperative.core.projects.api.ProjectCommands.ReleaseWorkload;
import coop.cooperative.core.projects.api.ProjectCommands.ReleaseWorkloadOnLeaving;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.projects.api.WorkloadBooked;
import coop.cooperative.core.projects.api.WorkloadReleased;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

class WorkloadTest {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 2);
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 31);

    private final CooperativeId coop = CooperativeId.random();
    private final MemberId daan = MemberId.random();
    private final ProjectId portal = ProjectId.random();
    private final ProjectId app = ProjectId.random();
    private final AssignmentId first = AssignmentId.random();
    private final AssignmentId second = AssignmentId.random();
    private AggregateTestFixture<Workload> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workload.class);
    }

    private WorkloadBooked portalUntilJune() {
        return new WorkloadBooked(coop, daan, portal, first, 32, MARCH, JUNE.minusDays(1));
    }

    @Test
    void theFirstBookingCreatesTheWorkload() {
        fixture.givenNoPriorActivity()
                .when(new BookWorkload(daan, coop, portal, first, 32, MARCH, JUNE.minusDays(1), 40))
                .expectEvents(portalUntilJune());
    }

    @Test
    void assignmentsAcrossProjectsMayNotExceedTheMaximumOnAnyDay() {
        fixture.given(portalUntilJune())
                .when(new BookWorkload(daan, coop, app, second, 16, JUNE.minusDays(1), AUGUST, 40))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("On 2026-05-31 the member would be assigned 48 hours per week across "
                        + "projects; the cooperative's maximum is 40");
    }

    @Test
    void theMaximumIsCheckedWhereALaterBookingStarts() {
        fixture.given(new WorkloadBooked(coop, daan, portal, first, 32, JUNE, AUGUST))
                .when(new BookWorkload(daan, coop, app, second, 16, MARCH, AUGUST, 40))
                .expectException(RuleViolation.class);
    }

    @Test
    void bookingsThatDoNotOverlapDoNotAddUp() {
        fixture.given(portalUntilJune())
                .when(new BookWorkload(daan, coop, app, second, 16, JUNE, AUGUST, 40))
                .expectEvents(new WorkloadBooked(coop, daan, app, second, 16, JUNE, AUGUST));
    }

    @Test
    void exactlyTheMaximumIsAllowed() {
        fixture.given(portalUntilJune())
                .when(new BookWorkload(daan, coop, app, second, 8, MARCH, AUGUST, 40))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void releasedHoursAreFreeAfterTheEndDate() {
        fixture.given(portalUntilJune(), new WorkloadReleased(coop, daan, first, LocalDate.of(2026, 4, 30)))
                .when(new BookWorkload(daan, coop, app, second, 16, LocalDate.of(2026, 5, 1), AUGUST, 40))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void releasingToALaterDateThanBookedChangesNothing() {
        fixture.given(portalUntilJune())
                .when(new ReleaseWorkload(daan, first, AUGUST))
                .expectNoEvents();
    }

    @Test
    void leavingReleasesEveryBookingRunningOnOrPastTheLeavingDateFromTheDayBeforeAndAnswersAllBookings() {
        LocalDate leftOn = LocalDate.of(2026, 4, 15);
        fixture.given(portalUntilJune(), new WorkloadBooked(coop, daan, app, second, 8, MARCH, MARCH.plusDays(10)))
                .when(new ReleaseWorkloadOnLeaving(daan, leftOn))
                .expectEvents(new WorkloadReleased(coop, daan, first, LocalDate.of(2026, 4, 14)))
                .expectResultMessagePayload(List.of(new Booking(portal, first), new Booking(app, second)));
    }
}
