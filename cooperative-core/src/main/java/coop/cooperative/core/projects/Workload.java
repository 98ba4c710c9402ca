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
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Refusal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One member's workload across all projects: every assignment's hours per week and dates. It
 * exists so that the cross-project rule (at most the policy's hours per week on any day) is an
 * invariant of one aggregate, safe under concurrent assignments, rather than a read-model check.
 */
public class Workload {

    @AggregateIdentifier
    private MemberId memberId;
    private CooperativeId cooperativeId;
    private final Map<AssignmentId, Booked> bookings = new LinkedHashMap<>();

    protected Workload() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(BookWorkload command) {
        if (bookings.containsKey(command.assignmentId())) {
            throw new Conflict(Refusal.WORKLOAD_ALREADY_BOOKED, "Assignment " + command.assignmentId() + " is already booked",
                    command.assignmentId());
        }
        if (command.hoursPerWeek() <= 0 || command.to().isBefore(command.from())) {
            throw new RuleViolation(Refusal.WORKLOAD_BOOKING, "A booking needs positive hours per week and a date range");
        }
        // The total changes only where a booking starts, so the busiest day is the new booking's
        // first day or the first day of a booking that overlaps it.
        List<LocalDate> candidates = new ArrayList<>();
        candidates.add(command.from());
        bookings.values().stream().map(b -> b.from)
                .filter(d -> d.isAfter(command.from()) && !d.isAfter(command.to()))
                .forEach(candidates::add);
        for (LocalDate day : candidates) {
            int total = command.hoursPerWeek() + bookings.values().stream()
                    .filter(b -> b.covers(day)).mapToInt(b -> b.hoursPerWeek).sum();
            if (total > command.maximumHoursPerWeek()) {
                throw new RuleViolation(Refusal.PROJECT_OVERBOOKED, "On " + day + " the member would be assigned " + total
                        + " hours per week across projects; the cooperative's maximum is "
                        + command.maximumHoursPerWeek(), day, total, command.maximumHoursPerWeek());
            }
        }
        apply(new WorkloadBooked(command.cooperativeId(), command.memberId(), command.projectId(),
                command.assignmentId(), command.hoursPerWeek(), command.from(), command.to()));
    }

    @CommandHandler
    public void handle(ReleaseWorkload command) {
        Booked booked = bookings.get(command.assignmentId());
        if (booked == null) {
            throw new NotFound(Refusal.WORKLOAD_BOOKING_NOT_FOUND, "No booking for assignment " + command.assignmentId(),
                    command.assignmentId());
        }
        if (command.endDate().isBefore(booked.to)) {
            apply(new WorkloadReleased(cooperativeId, memberId, command.assignmentId(), command.endDate()));
        }
    }

    @CommandHandler
    public List<Booking> handle(ReleaseWorkloadOnLeaving command) {
        List<Booking> all = new ArrayList<>();
        bookings.forEach((id, b) -> {
            if (b.to.isAfter(command.lastDayIn())) {
                apply(new WorkloadReleased(cooperativeId, memberId, id, command.lastDayIn()));
            }
            all.add(new Booking(b.projectId, id));
        });
        return all;
    }

    @EventSourcingHandler
    void on(WorkloadBooked event) {
        memberId = event.memberId();
        cooperativeId = event.cooperativeId();
        bookings.put(event.assignmentId(), new Booked(event.projectId(), event.hoursPerWeek(), event.from(), event.to()));
    }

    @EventSourcingHandler
    void on(WorkloadReleased event) {
        bookings.get(event.assignmentId()).to = event.endDate();
    }

    private static final class Booked {
        private final ProjectId projectId;
        private final int hoursPerWeek;
        private final LocalDate from;
        private LocalDate to;

        private Booked(ProjectId projectId, int hoursPerWeek, LocalDate from, LocalDate to) {
            this.projectId = projectId;
            this.hoursPerWeek = hoursPerWeek;
            this.from = from;
            this.to = to;
        }

        private boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Booked that && projectId.equals(that.projectId) && hoursPerWeek == that.hoursPerWeek
                    && from.equals(that.from) && Objects.equals(to, that.to);
        }

        @Override
        public int hashCode() {
            return projectId.hashCode();
        }
    }
}
