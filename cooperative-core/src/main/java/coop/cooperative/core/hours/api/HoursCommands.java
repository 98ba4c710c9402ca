package coop.cooperative.core.hours.api;

import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The commands of hours. Each goes to the member's timesheet of the entry's month. The projects the
 * member is assigned to on the date come from the assignments read model, looked up by the sender.
 */
public final class HoursCommands {

    private HoursCommands() {
    }

    /** The timesheet a member keeps for one month: its aggregate identifier. */
    public static String timesheetOf(MemberId memberId, YearMonth month) {
        return memberId + "/" + month;
    }

    public record LogHours(CooperativeId cooperativeId, MemberId memberId, EntryId entryId, LocalDate date,
                           BigDecimal hours, HoursKind kind, ProjectId projectId, String subject, String description,
                           Set<ProjectId> assignedProjects, LocalDate today) {

        @TargetAggregateIdentifier
        public String timesheet() {
            return timesheetOf(memberId, YearMonth.from(date));
        }
    }

    /** Correct an entry of the timesheet of {@code month}: new date (in that month), hours, kind, project, subject or description. */
    public record CorrectHours(MemberId memberId, YearMonth month, EntryId entryId, LocalDate date, BigDecimal hours,
                               HoursKind kind, ProjectId projectId, String subject, String description,
                               Set<ProjectId> assignedProjects, LocalDate today) {

        @TargetAggregateIdentifier
        public String timesheet() {
            return timesheetOf(memberId, month);
        }
    }

    /**
     * Mark entries of a member's month as billed on a sent invoice, in the approval's transaction:
     * refused when one is gone or already billed, so hours are billed once.
     */
    public record MarkHoursBilled(MemberId memberId, YearMonth month, List<EntryId> entryIds, UUID invoiceId) {

        @TargetAggregateIdentifier
        public String timesheet() {
            return timesheetOf(memberId, month);
        }
    }

    public record WithdrawHours(MemberId memberId, YearMonth month, EntryId entryId) {

        @TargetAggregateIdentifier
        public String timesheet() {
            return timesheetOf(memberId, month);
        }
    }
}
