package coop.cooperative.core.hours;

import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.hours.api.HoursCommands;
import coop.cooperative.core.hours.api.HoursCommands.CorrectHours;
import coop.cooperative.core.hours.api.HoursCommands.LogHours;
import coop.cooperative.core.hours.api.HoursCommands.MarkHoursBilled;
import coop.cooperative.core.hours.api.HoursBilled;
import coop.cooperative.core.hours.api.HoursCommands.WithdrawHours;
import coop.cooperative.core.hours.api.HoursCorrected;
import coop.cooperative.core.hours.api.HoursKind;
import coop.cooperative.core.hours.api.HoursLogged;
import coop.cooperative.core.hours.api.HoursWithdrawn;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.Dates;
import coop.cooperative.core.shared.DomainException.Conflict;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.core.shared.Texts;
import coop.cooperative.core.shared.OpenPeriods;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member's hours in one month. One aggregate per member and month keeps histories short while
 * holding every entry that counts towards a day's 24 hours. Nothing is logged, corrected or
 * withdrawn in a closed month ({@link OpenPeriods}).
 */
public class Timesheet {

    static final BigDecimal MAX_PER_DAY = new BigDecimal("24");
    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final int SUBJECT_MAX = 100;

    @AggregateIdentifier
    private String timesheetId;
    private CooperativeId cooperativeId;
    private MemberId memberId;
    private final Map<EntryId, Entry> entries = new LinkedHashMap<>();
    /** Entries on a sent invoice: the invoice says what was worked, so they stay as they are. */
    private final Set<EntryId> billed = new HashSet<>();

    protected Timesheet() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(LogHours command, OpenPeriods periods) {
        periods.requireOpen(command.cooperativeId(), command.date());
        if (entries.containsKey(command.entryId())) {
            throw new Conflict(Refusal.HOURS_ENTRY_EXISTS, "Entry " + command.entryId() + " is already logged", command.entryId());
        }
        Dates.requireNotAfter(command.date(), requireToday(command.today()), "date"); // hours worked, not planned
        Texts.requirePlain(command.subject(), "subject");
        Texts.requirePlain(command.description(), "description");
        Entry entry = validate(command.date(), command.hours(), command.kind(), command.projectId(), command.subject(),
                command.assignedProjects(), null);
        apply(new HoursLogged(command.cooperativeId(), command.memberId(), command.entryId(), command.date(),
                entry.hours, command.kind(), command.projectId(), entry.subject, text(command.description())));
    }

    @CommandHandler
    public void handle(CorrectHours command, OpenPeriods periods) {
        Entry existing = existing(command.entryId());
        periods.requireOpen(cooperativeId, existing.date);
        periods.requireOpen(cooperativeId, command.date());
        requireUnbilled(command.entryId());
        if (!YearMonth.from(existing.date).equals(YearMonth.from(command.date()))) {
            throw new RuleViolation(Refusal.HOURS_CORRECTION_MONTH, "A correction keeps the entry in its month; withdraw it and log it anew instead");
        }
        Dates.requireNotAfter(command.date(), requireToday(command.today()), "date");
        Texts.requirePlain(command.subject(), "subject");
        Texts.requirePlain(command.description(), "description");
        Entry entry = validate(command.date(), command.hours(), command.kind(), command.projectId(), command.subject(),
                command.assignedProjects(), command.entryId());
        if (entry.equals(existing) && text(command.description()).equals(existing.description)) {
            throw new Conflict(Refusal.HOURS_CORRECTION_NOTHING, "The correction changes nothing");
        }
        apply(new HoursCorrected(cooperativeId, memberId, command.entryId(), command.date(), entry.hours,
                command.kind(), command.projectId(), entry.subject, text(command.description())));
    }

    @CommandHandler
    public void handle(WithdrawHours command, OpenPeriods periods) {
        Entry existing = existing(command.entryId());
        periods.requireOpen(cooperativeId, existing.date);
        requireUnbilled(command.entryId());
        apply(new HoursWithdrawn(cooperativeId, memberId, command.entryId(), existing.date));
    }

    @CommandHandler
    public void handle(MarkHoursBilled command) {
        for (EntryId entryId : command.entryIds()) {
            Entry entry = entries.get(entryId);
            if (entry == null || entry.kind != HoursKind.PROJECT) {
                throw new RuleViolation(Refusal.HOURS_BILLED_GONE, "Hours on the invoice were withdrawn or changed since it was drafted: draft it anew");
            }
            if (billed.contains(entryId)) {
                throw new Conflict(Refusal.HOURS_BILLED_TWICE, "Hours on the invoice are already billed on another invoice");
            }
        }
        apply(new HoursBilled(cooperativeId, memberId, List.copyOf(command.entryIds()), command.invoiceId()));
    }

    @EventSourcingHandler
    void on(HoursBilled event) {
        billed.addAll(event.entryIds());
    }

    @EventSourcingHandler
    void on(HoursLogged event) {
        timesheetId = HoursCommands.timesheetOf(event.memberId(), YearMonth.from(event.date()));
        cooperativeId = event.cooperativeId();
        memberId = event.memberId();
        entries.put(event.entryId(), new Entry(event.date(), event.hours(), event.kind(), event.projectId(),
                event.subject(), event.description()));
    }

    @EventSourcingHandler
    void on(HoursCorrected event) {
        entries.put(event.entryId(), new Entry(event.date(), event.hours(), event.kind(), event.projectId(),
                event.subject(), event.description()));
    }

    @EventSourcingHandler
    void on(HoursWithdrawn event) {
        entries.remove(event.entryId());
    }

    private Entry validate(LocalDate date, BigDecimal hours, HoursKind kind, ProjectId projectId, String subject,
                           Set<ProjectId> assignedProjects, EntryId replacing) {
        if (date == null || kind == null) {
            throw new RuleViolation(Refusal.HOURS_DATE_AND_KIND, "Hours need a date and a kind");
        }
        Dates.require(date, "date");
        if (hours == null || hours.signum() <= 0) {
            throw new RuleViolation(Refusal.HOURS_POSITIVE, "Hours must be more than zero");
        }
        if (hours.remainder(QUARTER).signum() != 0) {
            throw new RuleViolation(Refusal.HOURS_QUARTERS, "Hours are logged in steps of a quarter hour (0.25)");
        }
        BigDecimal sameDay = entries.entrySet().stream()
                .filter(e -> !e.getKey().equals(replacing) && e.getValue().date.equals(date))
                .map(e -> e.getValue().hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sameDay.add(hours).compareTo(MAX_PER_DAY) > 0) {
            throw new RuleViolation(Refusal.HOURS_DAY_FULL, "At most 24 hours can be logged on one day; " + date + " already has "
                    + sameDay.stripTrailingZeros().toPlainString(), date, sameDay);
        }
        String cleanSubject = null;
        switch (kind) {
            case PROJECT -> {
                if (projectId == null) {
                    throw new RuleViolation(Refusal.HOURS_PROJECT_NEEDED, "Project hours need the project");
                }
                if (assignedProjects == null || !assignedProjects.contains(projectId)) {
                    throw new RuleViolation(Refusal.HOURS_NOT_ASSIGNED, "Project hours can only be logged on a project the member is assigned to on "
                            + date);
                }
            }
            case DEVELOPMENT -> {
                if (subject == null || subject.isBlank()) {
                    throw new RuleViolation(Refusal.HOURS_SUBJECT_NEEDED, "Development hours need a short subject");
                }
                if (subject.strip().length() > SUBJECT_MAX) {
                    throw new RuleViolation(Refusal.HOURS_SUBJECT_LONG, "A development subject is short: at most " + SUBJECT_MAX + " characters",
                            SUBJECT_MAX);
                }
                cleanSubject = subject.strip();
            }
            case COOPERATIVE -> {
            }
        }
        if (kind != HoursKind.PROJECT && projectId != null) {
            throw new RuleViolation(Refusal.HOURS_PROJECT_ONLY_FOR_PROJECT_HOURS, "Only project hours name a project");
        }
        return new Entry(date, hours.setScale(2), kind, projectId, cleanSubject, null);
    }

    /** Without today no sender could be held to "not after today": a command that lacks it is refused. */
    private static LocalDate requireToday(LocalDate today) {
        if (today == null) {
            throw new RuleViolation(Refusal.HOURS_TODAY, "Hours need today's date to be checked against: they are worked, not planned");
        }
        return today;
    }

    private void requireUnbilled(EntryId entryId) {
        if (billed.contains(entryId)) {
            throw new RuleViolation(Refusal.HOURS_BILLED, "These hours are on a sent invoice and can no longer be changed or withdrawn");
        }
    }

    private Entry existing(EntryId entryId) {
        Entry entry = entries.get(entryId);
        if (entry == null) {
            throw new NotFound(Refusal.HOURS_ENTRY_NOT_FOUND, "No hours entry " + entryId + " in this month", entryId);
        }
        return entry;
    }

    private static String text(String description) {
        return description == null ? "" : description.strip();
    }

    /** An entry as the timesheet remembers it; compared without its description when validating. */
    private record Entry(LocalDate date, BigDecimal hours, HoursKind kind, ProjectId projectId, String subject,
                         String description) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry that && date.equals(that.date) && hours.compareTo(that.hours) == 0
                    && kind == that.kind && java.util.Objects.equals(projectId, that.projectId)
                    && java.util.Objects.equals(subject, that.subject);
        }

        @Override
        public int hashCode() {
            return date.hashCode();
        }
    }
}
