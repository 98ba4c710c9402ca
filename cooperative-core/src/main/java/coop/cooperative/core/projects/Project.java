package coop.cooperative.core.projects;

import coop.cooperative.core.projects.api.AssignmentEnded;
import coop.cooperative.core.projects.api.AssignmentId;
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
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.core.shared.Texts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project for a client: its dates, the skills it needs, and who is assigned to it. The maximum
 * hours per week across projects is the member's {@link Workload}'s rule, not the project's.
 */
public class Project {

    @AggregateIdentifier
    private ProjectId projectId;
    private CooperativeId cooperativeId;
    private LocalDate start;
    private LocalDate end;
    private Set<String> skills = new HashSet<>();
    private boolean closed;
    private final Map<AssignmentId, Assignment> assignments = new LinkedHashMap<>();

    protected Project() {
        // for Axon
    }

    @CommandHandler
    public Project(RegisterProject command) {
        requireText(command.name(), Refusal.PROJECT_NAME, "A project needs a name");
        requireText(command.client(), Refusal.PROJECT_CLIENT, "A project needs a client");
        Texts.requirePlain(command.name(), "name");
        Texts.requirePlain(command.client(), "client");
        List<RequiredSkill> skills = PlanRules.normalise(command.requiredSkills());
        PlanRules.requireDates(command.start(), command.end());
        apply(new ProjectRegistered(command.cooperativeId(), command.projectId(), command.name().strip(),
                command.client().strip(), command.start(), command.end(), skills));
    }

    @CommandHandler
    public void handle(ReplanProject command) {
        requireOpen();
        List<RequiredSkill> newSkills = PlanRules.normalise(command.requiredSkills());
        PlanRules.requireDates(command.start(), command.end());
        Set<String> names = new HashSet<>();
        newSkills.forEach(s -> names.add(s.skill()));
        for (Assignment a : assignments.values()) {
            if (a.isEmpty()) {
                continue;
            }
            if (a.from.isBefore(command.start()) || a.to.isAfter(command.end())) {
                throw new RuleViolation(Refusal.PROJECT_ASSIGNMENT_OUTSIDE_DATES, "An assignment runs from " + a.from + " to " + a.to
                        + ", outside the new dates; end it first", a.from, a.to);
            }
            if (!names.contains(a.skill) && a.to.isAfter(command.start().minusDays(1))) {
                throw new RuleViolation(Refusal.PROJECT_SKILL_STILL_ASSIGNED, "Members are assigned for " + a.skill + "; end those assignments "
                        + "before the project stops requiring it", a.skill);
            }
        }
        apply(new ProjectReplanned(cooperativeId, projectId, command.start(), command.end(), newSkills));
    }

    /** Answers the assignments it ended, so their hours can be freed on the members' workloads. */
    @CommandHandler
    public List<AssignmentEnded> handle(CloseProject command) {
        if (closed) {
            throw new Conflict(Refusal.PROJECT_ALREADY_CLOSED, "The project is already closed");
        }
        if (command.closedOn() == null) {
            throw new RuleViolation(Refusal.PROJECT_CLOSING_DATE, "Closing a project needs a date");
        }
        List<AssignmentEnded> ended = new ArrayList<>();
        for (Assignment a : assignments.values()) {
            if (a.to.isAfter(command.closedOn())) {
                AssignmentEnded event = new AssignmentEnded(cooperativeId, projectId, a.assignmentId, a.memberId,
                        effectiveEnd(a, command.closedOn()));
                ended.add(event);
                apply(event);
            }
        }
        apply(new ProjectClosed(cooperativeId, projectId, command.closedOn()));
        return ended;
    }

    @CommandHandler
    public void handle(AssignMember command) {
        requireOpen();
        if (command.role() == null) {
            throw new RuleViolation(Refusal.PROJECT_ASSIGNMENT_ROLE, "An assignment needs a role: CORE, BACKUP or EXPERT");
        }
        if (!command.memberActive()) {
            throw new RuleViolation(Refusal.PROJECT_ONLY_ACTIVE, "Only active members can be assigned");
        }
        String skill = command.skill() == null ? "" : command.skill().strip().toLowerCase(Locale.ROOT);
        if (!skills.contains(skill)) {
            throw new RuleViolation(Refusal.PROJECT_SKILL_NOT_REQUIRED, "The project does not require the skill '" + skill + "'",
                    skill);
        }
        boolean hasSkill = command.memberSkills().stream().anyMatch(s -> s.strip().toLowerCase(Locale.ROOT).equals(skill));
        if (!hasSkill) {
            throw new RuleViolation(Refusal.PROJECT_MEMBER_LACKS_SKILL, "The member does not have the skill '" + skill + "'",
                    skill);
        }
        if (command.hoursPerWeek() <= 0) {
            throw new RuleViolation(Refusal.PROJECT_HOURS_PER_WEEK, "An assignment needs a positive number of hours per week");
        }
        if (command.from() == null || command.to() == null || command.to().isBefore(command.from())) {
            throw new RuleViolation(Refusal.PROJECT_DATE_RANGE, "An assignment needs a date range that ends on or after its start");
        }
        if (command.from().isBefore(start) || command.to().isAfter(end)) {
            throw new RuleViolation(Refusal.PROJECT_WITHIN_DATES, "An assignment must lie within the project's dates, " + start + " to " + end,
                    start, end);
        }
        if (assignments.containsKey(command.assignmentId())) {
            throw new Conflict(Refusal.PROJECT_ASSIGNMENT_EXISTS, "Assignment " + command.assignmentId() + " already exists",
                    command.assignmentId());
        }
        boolean overlapping = assignments.values().stream().anyMatch(a -> a.memberId.equals(command.memberId())
                && a.skill.equals(skill) && !a.from.isAfter(command.to()) && !a.to.isBefore(command.from()));
        if (overlapping) {
            throw new Conflict(Refusal.PROJECT_ALREADY_ASSIGNED, "The member is already assigned to this project for " + skill + " in that time",
                    skill);
        }
        apply(new MemberAssigned(cooperativeId, projectId, command.assignmentId(), command.memberId(), command.role(),
                skill, command.hoursPerWeek(), command.from(), command.to()));
    }

    @CommandHandler
    public AssignmentEnded handle(EndAssignment command) {
        Assignment a = assignments.get(command.assignmentId());
        if (a == null) {
            throw new NotFound(Refusal.PROJECT_ASSIGNMENT_NOT_FOUND, "No assignment " + command.assignmentId() + " on this project",
                    command.assignmentId());
        }
        if (command.endDate() == null) {
            throw new RuleViolation(Refusal.PROJECT_ASSIGNMENT_END_DATE, "Ending an assignment needs a date");
        }
        if (!command.endDate().isBefore(a.to) || a.isEmpty()) {
            throw new Conflict(Refusal.PROJECT_ASSIGNMENT_ENDS, "The assignment already ends on " + a.to, a.to);
        }
        AssignmentEnded event = new AssignmentEnded(cooperativeId, projectId, a.assignmentId, a.memberId,
                effectiveEnd(a, command.endDate()));
        apply(event);
        return event;
    }

    @CommandHandler
    public void handle(EndAssignmentOnLeaving command) {
        Assignment a = assignments.get(command.assignmentId());
        LocalDate lastDay = command.lastDayIn();
        if (a != null && lastDay.isBefore(a.to) && !a.isEmpty()) {
            apply(new AssignmentEnded(cooperativeId, projectId, a.assignmentId, a.memberId, effectiveEnd(a, lastDay)));
        }
    }

    @EventSourcingHandler
    void on(ProjectRegistered event) {
        projectId = event.projectId();
        cooperativeId = event.cooperativeId();
        plan(event.start(), event.end(), event.requiredSkills());
    }

    @EventSourcingHandler
    void on(ProjectReplanned event) {
        plan(event.start(), event.end(), event.requiredSkills());
    }

    @EventSourcingHandler
    void on(ProjectClosed event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(MemberAssigned event) {
        assignments.put(event.assignmentId(), new Assignment(event.assignmentId(), event.memberId(), event.skill(),
                event.from(), event.to()));
    }

    @EventSourcingHandler
    void on(AssignmentEnded event) {
        assignments.get(event.assignmentId()).to = event.endDate();
    }

    private void plan(LocalDate start, LocalDate end, List<RequiredSkill> requiredSkills) {
        this.start = start;
        this.end = end;
        this.skills = new HashSet<>();
        requiredSkills.forEach(s -> skills.add(s.skill()));
    }

    private void requireOpen() {
        if (closed) {
            throw new RuleViolation(Refusal.PROJECT_CLOSED, "The project is closed");
        }
    }

    /** An assignment that ends before it starts never runs: its end is the day before its start. */
    private static LocalDate effectiveEnd(Assignment a, LocalDate endDate) {
        return endDate.isBefore(a.from) ? a.from.minusDays(1) : endDate;
    }

    private static void requireText(String text, Refusal refusal, String rule) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation(refusal, rule);
        }
    }

    /** What the project remembers of an assignment to decide on commands. */
    private static final class Assignment {
        private final AssignmentId assignmentId;
        private final MemberId memberId;
        private final String skill;
        private final LocalDate from;
        private LocalDate to;

        private Assignment(AssignmentId assignmentId, MemberId memberId, String skill, LocalDate from, LocalDate to) {
            this.assignmentId = assignmentId;
            this.memberId = memberId;
            this.skill = skill;
            this.from = from;
            this.to = to;
        }

        private boolean isEmpty() {
            return to.isBefore(from);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Assignment that && assignmentId.equals(that.assignmentId)
                    && memberId.equals(that.memberId) && skill.equals(that.skill) && from.equals(that.from)
                    && Objects.equals(to, that.to);
        }

        @Override
        public int hashCode() {
            return assignmentId.hashCode();
        }
    }
}
