package coop.cooperative.app.hours;

import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.hours.api.HoursCommands.CorrectHours;
import coop.cooperative.core.hours.api.HoursCommands.LogHours;
import coop.cooperative.core.hours.api.HoursCommands.WithdrawHours;
import coop.cooperative.projections.hours.HoursQueries.EntryView;
import coop.cooperative.core.hours.api.HoursKind;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
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
    private final Clock clock;

    Timesheets(CommandGateway commands, QueryGateway queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    public EntryId log(CooperativeId cooperativeId, MemberId memberId, LocalDate date, BigDecimal hours, HoursKind kind,
                       ProjectId projectId, String subject, String description) {
        EntryId entryId = EntryId.random();
        commands.sendAndWait(new LogHours(cooperativeId, memberId, entryId, date, hours, kind, projectId, subject,
                description, assigned(memberId, date), LocalDate.now(clock)));
        return entryId;
    }

    /** Corrects an entry; its date may change within its month, and both dates' periods must be open. */
    public void correct(EntryView entry, LocalDate date, BigDecimal hours, HoursKind kind, ProjectId projectId,
                        String subject, String description) {
        commands.sendAndWait(new CorrectHours(entry.memberId(), YearMonth.from(entry.date()), entry.entryId(), date,
                hours, kind, projectId, subject, description, assigned(entry.memberId(), date), LocalDate.now(clock)));
    }

    public void withdraw(EntryView entry) {
        commands.sendAndWait(new WithdrawHours(entry.memberId(), YearMonth.from(entry.date()), entry.entryId()));
    }

    private Set<ProjectId> assigned(MemberId memberId, LocalDate date) {
        return queries.query(new FindProjectsAssignedOn(memberId, date), AssignedProjects.class).join().projects();
    }
}
