package coop.cooperative.core.projects;

import coop.cooperative.core.projects.api.AssignmentEnded;
import coop.cooperative.core.projects.api.AssignmentId;
import coop.cooperative.core.projects.api.AssignmentRole;
import coop.cooperative.core.projects.api.MemberAssigned;
import coop.cooperative.core.projects.api.ProjectClosed;
import coop.cooperative.core.projects.api.ProjectCommands.AssignMember;
import coop.cooperative.core.projects.api.ProjectCommands.CloseProject;
import coop.cooperative.core.projects.api.ProjectCommands.EndAssignment;
import coop.cooperative.core.projects.api.ProjectCommands.EndAssignmentOnLeaving;
import coop.cooperative.core.projects.api.ProjectCommands.RegisterProject;
import coop.cooperative.core.projects.api.ProjectCommands.ReplanProject;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.projects.api.ProjectRegistered;
import coop.cooperative.core.projects.api.ProjectReplanned;
import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

class ProjectTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final LocalDate END = LocalDate.of(2026, 8, 28);

    private final CooperativeId coop = CooperativeId.random();
    private final ProjectId project = ProjectId.random();
    private final MemberId anna = MemberId.random();
    private final AssignmentId assignment = AssignmentId.random();
    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    private ProjectRegistered registered() {
        return new ProjectRegistered(coop, project, "Klantportaal", "Gemeente Utrecht", START, END,
                List.of(new RequiredSkill("java", 32), new RequiredSkill("ux", 16)));
    }

    private AssignMember assign(String skill, LocalDate from, LocalDate to, boolean active, List<String> skills) {
        return new AssignMember(project, assignment, anna, AssignmentRole.CORE, skill, 24, from, to, active, skills);
    }

    private MemberAssigned assigned() {
        return new MemberAssigned(coop, project, assignment, anna, AssignmentRole.CORE, "java", 24, START, END);
    }

    @Test
    void registeringAProjectNormalisesItsSkills() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProject(project, coop, " Klantportaal ", "Gemeente Utrecht", START, END,
                        List.of(new RequiredSkill(" Java", 32), new RequiredSkill("UX", 16))))
                .expectEvents(registered());
    }

    @Test
    void aProjectEndsOnOrAfterItStarts() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProject(project, coop, "Klantportaal", "Gemeente Utrecht", END, START,
                        List.of(new RequiredSkill("java", 32))))
                .expectException(RuleViolation.class);
    }

    @Test
    void aProjectRequiresAtLeastOneSkillEachOnce() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProject(project, coop, "Klantportaal", "Gemeente Utrecht", START, END, List.of()))
                .expectException(RuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(new RegisterProject(project, coop, "Klantportaal", "Gemeente Utrecht", START, END,
                        List.of(new RequiredSkill("java", 8), new RequiredSkill("JAVA", 8))))
                .expectException(RuleViolation.class);
    }

    @Test
    void anActiveMemberWithTheSkillIsAssignedWithinTheProjectDates() {
        fixture.given(registered())
                .when(assign("java", START, END, true, List.of("java", "kotlin")))
                .expectEvents(assigned());
    }

    @Test
    void onlyActiveMembersCanBeAssigned() {
        fixture.given(registered())
                .when(assign("java", START, END, false, List.of("java")))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Only active members can be assigned");
    }

    @Test
    void onlyAMemberWithTheSkillCanBeAssignedForIt() {
        fixture.given(registered())
                .when(assign("java", START, END, true, List.of("ux")))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The member does not have the skill 'java'");
    }

    @Test
    void onlyASkillTheProjectRequiresCanBeAssigned() {
        fixture.given(registered())
                .when(assign("python", START, END, true, List.of("python")))
                .expectException(RuleViolation.class);
    }

    @Test
    void noAssignmentBeyondTheProjectDates() {
        fixture.given(registered())
                .when(assign("java", START.minusDays(1), END, true, List.of("java")))
                .expectException(RuleViolation.class);
        fixture.given(registered())
                .when(assign("java", START, END.plusDays(1), true, List.of("java")))
                .expectException(RuleViolation.class);
    }

    @Test
    void theSameMemberIsNotAssignedTwiceForOneSkillAtTheSameTime() {
        fixture.given(registered(), assigned())
                .when(new AssignMember(project, AssignmentId.random(), anna, AssignmentRole.BACKUP, "java", 8,
                        END.minusDays(5), END, true, List.of("java")))
                .expectException(Conflict.class);
    }

    @Test
    void anAssignmentEndsEarlyOnceAndNotLaterThanPlanned() {
        LocalDate early = LocalDate.of(2026, 5, 29);
        fixture.given(registered(), assigned())
                .when(new EndAssignment(project, assignment, early))
                .expectEvents(new AssignmentEnded(coop, project, assignment, anna, early));
        fixture.given(registered(), assigned(), new AssignmentEnded(coop, project, assignment, anna, early))
                .when(new EndAssignment(project, assignment, early))
                .expectException(Conflict.class);
    }

    @Test
    void endingBeforeTheFirstDayCancelsTheAssignment() {
        fixture.given(registered(), assigned())
                .when(new EndAssignment(project, assignment, START.minusDays(30)))
                .expectEvents(new AssignmentEnded(coop, project, assignment, anna, START.minusDays(1)));
    }

    @Test
    void replanningKeepsAssignmentsInsideTheNewDates() {
        fixture.given(registered(), assigned())
                .when(new ReplanProject(project, START, END.minusDays(7), List.of(new RequiredSkill("java", 32))))
                .expectException(RuleViolation.class);
        fixture.given(registered(), assigned())
                .when(new ReplanProject(project, START, END.plusDays(7), List.of(new RequiredSkill("java", 40))))
                .expectEvents(new ProjectReplanned(coop, project, START, END.plusDays(7),
                        List.of(new RequiredSkill("java", 40))));
    }

    @Test
    void replanningCannotDropASkillMembersAreAssignedFor() {
        fixture.given(registered(), assigned())
                .when(new ReplanProject(project, START, END, List.of(new RequiredSkill("ux", 16))))
                .expectException(RuleViolation.class);
    }

    @Test
    void closingAProjectEndsTheAssignmentsRunningPastIt() {
        LocalDate closedOn = LocalDate.of(2026, 6, 30);
        fixture.given(registered(), assigned())
                .when(new CloseProject(project, closedOn))
                .expectEvents(new AssignmentEnded(coop, project, assignment, anna, closedOn),
                        new ProjectClosed(coop, project, closedOn));
    }

    @Test
    void aClosedProjectTakesNoAssignments() {
        fixture.given(registered(), new ProjectClosed(coop, project, START))
                .when(assign("java", START, END, true, List.of("java")))
                .expectException(RuleViolation.class);
    }

    @Test
    void aMemberLeavingEndsTheAssignmentTheDayBeforeTheLeavingDateAndOnlyOnce() {
        // The leaving date is the member's first day out, as the books count it.
        LocalDate leftOn = LocalDate.of(2026, 5, 1);
        LocalDate lastDayIn = LocalDate.of(2026, 4, 30);
        fixture.given(registered(), assigned())
                .when(new EndAssignmentOnLeaving(project, assignment, leftOn))
                .expectEvents(new AssignmentEnded(coop, project, assignment, anna, lastDayIn));
        fixture.given(registered(), assigned(), new AssignmentEnded(coop, project, assignment, anna, lastDayIn))
                .when(new EndAssignmentOnLeaving(project, assignment, leftOn))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
