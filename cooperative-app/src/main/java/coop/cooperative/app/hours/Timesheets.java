package coop.cooperative.app.hours;

import coop.cooperative.app.operations.RuleViewsParked;
import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.hours.api.HoursCommands.LogHours;
import coop.cooperative.core.hours.api.HoursKind;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.periods.PeriodQueries.ClosedPeriods;
import coop.cooperative.projections.periods.PeriodQueries.FindClosedPeriods;
import coop.cooperative.projections.projects.ProjectQueries.AssignedProjects;
import coop.cooperative.projections.projects.ProjectQueries.FindProjectsAssignedOn;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/**
 * Logs a member's hours with what the timesheet cannot look up itself: whether the period is open
 * and which projects the member is assigned to on the day. The API and the member's page both log
 * through here; the caller has already established that {@code memberId} is the signed-in member.
 */
@Service
public class Timesheets {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RuleViewsParked parked;
    private final Clock clock;

    Timesheets(CommandGateway commands, QueryGateway queries, RuleViewsParked parked, Clock clock) {
        this.clock = clock;
        this.commands = commands;
        this.queries = queries;
        this.parked = parked;
    }

    public EntryId log(CooperativeId cooperativeId, MemberId memberId, LocalDate date, BigDecimal hours, HoursKind kind,
                       ProjectId projectId, String subject, String description) {
        requireOpen(cooperativeId, date);
        EntryId entryId = EntryId.random();
        commands.sendAndWait(new LogHours(cooperativeId, memberId, entryId, date, hours, kind, projectId, subject,
                description, assigned(memberId, date), LocalDate.now(clock)));
        return entryId;
    }

    void requireOpen(CooperativeId cooperativeId, LocalDate date) {
        parked.requireNoneParked(cooperativeId);
        ClosedPeriods closed = queries.query(new FindClosedPeriods(cooperativeId), ClosedPeriods.class).join();
        if (closed.contains(date)) {
            throw new RuleViolation(Refusal.PERIOD_CLOSED, "The period " + YearMonth.from(date) + " is closed; nothing can be dated in it",
                    YearMonth.from(date));
        }
    }

    Set<ProjectId> assigned(MemberId memberId, LocalDate date) {
        return queries.query(new FindProjectsAssignedOn(memberId, date), AssignedProjects.class).join().projects();
    }
}
