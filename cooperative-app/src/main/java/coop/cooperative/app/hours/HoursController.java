package coop.cooperative.app.hours;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.app.web.SendsLocation;
import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.hours.api.HoursKind;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.NotFound;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Refusal;
import coop.cooperative.projections.hours.HoursQueries.Development;
import coop.cooperative.projections.hours.HoursQueries.EntryView;
import coop.cooperative.projections.hours.HoursQueries.FindDevelopment;
import coop.cooperative.projections.hours.HoursQueries.FindEntry;
import coop.cooperative.projections.hours.HoursQueries.FindHoursPerMember;
import coop.cooperative.projections.hours.HoursQueries.FindMemberHours;
import coop.cooperative.projections.hours.HoursQueries.HoursPerMember;
import coop.cooperative.projections.hours.HoursQueries.MemberHours;
import coop.cooperative.projections.members.MemberQueries.FindMember;
import coop.cooperative.projections.members.MemberQueries.MemberView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Hours. A member records only their own hours: the treasurer and admin do not log for others, so
 * the timesheet stays the member's own statement (they see everyone's totals instead). Closed
 * periods are checked against the closed-periods read model before sending; a period closed in the
 * milliseconds between that check and the command is the accepted race (the period's own command
 * cannot see timesheets, and a treasurer closes a month only after it ended).
 */
@Tag(name = "Hours", description = "Logging hours and development time")
@RestController
class HoursController {

    private final QueryGateway queries;
    private final CooperativeAccess access;
    private final Timesheets timesheets;
    private final Clock clock;

    HoursController(QueryGateway queries, CooperativeAccess access,
                    Timesheets timesheets, Clock clock) {
        this.timesheets = timesheets;
        this.queries = queries;
        this.access = access;
        this.clock = clock;
    }

    @Operation(summary = "Log hours", operationId = "logHours")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsLocation
    @PostMapping("/api/cooperatives/{cooperativeId}/hours")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    ResponseEntity<EntryView> log(@PathVariable CooperativeId cooperativeId, @Valid @RequestBody HoursRequest request) {
        MemberId me = self(cooperativeId, request.memberId());
        EntryId entryId = timesheets.log(cooperativeId, me, request.date(), request.hours(), request.kind(),
                request.projectId(), request.subject(), request.description());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}").buildAndExpand(entryId.value()).toUri())
                .body(entry(entryId));
    }

    @Operation(summary = "Get one of my hours entries", operationId = "getHoursEntry")
    @GetMapping("/api/cooperatives/{cooperativeId}/hours/{entryId}")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    EntryView entry(@PathVariable CooperativeId cooperativeId, @PathVariable EntryId entryId) {
        return own(cooperativeId, entryId, true);
    }

    /** Correct an entry; its date may change within its month, and both must be open. */
    @Operation(summary = "Correct one of my hours entries", operationId = "correctHours")
    @PutMapping("/api/cooperatives/{cooperativeId}/hours/{entryId}")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    EntryView correct(@PathVariable CooperativeId cooperativeId, @PathVariable EntryId entryId,
                      @Valid @RequestBody HoursRequest request) {
        EntryView entry = own(cooperativeId, entryId, false);
        self(cooperativeId, request.memberId());
        timesheets.correct(entry, request.date(), request.hours(), request.kind(), request.projectId(),
                request.subject(), request.description());
        return entry(entryId);
    }

    @Operation(summary = "Withdraw one of my hours entries", operationId = "withdrawHours")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/api/cooperatives/{cooperativeId}/hours/{entryId}")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    ResponseEntity<Void> withdraw(@PathVariable CooperativeId cooperativeId, @PathVariable EntryId entryId) {
        EntryView entry = own(cooperativeId, entryId, false);
        timesheets.withdraw(entry);
        return ResponseEntity.noContent().build();
    }

    /** A member's hours by kind per month and week, and development against the budget. */
    @Operation(summary = "A member's hours per period", operationId = "listMemberHours")
    @GetMapping("/api/cooperatives/{cooperativeId}/members/{memberId}/hours")
    @PreAuthorize("@access.isOrHolds(#cooperativeId, #memberId, 'TREASURER')")
    MemberHours memberHours(@PathVariable CooperativeId cooperativeId, @PathVariable MemberId memberId,
                            @RequestParam(required = false) Integer year) {
        queries.query(new FindMember(memberId), ResponseTypes.optionalInstanceOf(MemberView.class)).join().filter(m -> m.cooperativeId().equals(cooperativeId))
                .orElseThrow(() -> new NotFound(Refusal.MEMBER_NOT_FOUND, "No member " + memberId + " in this cooperative", memberId));
        return queries.query(new FindMemberHours(cooperativeId, memberId, year(year), budgetPercent(cooperativeId)),
                MemberHours.class).join();
    }

    /** Development against the budget for every member and the whole cooperative. */
    @Operation(summary = "Development hours against the budget", operationId = "getDevelopment")
    @GetMapping("/api/cooperatives/{cooperativeId}/development")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER') or @access.holds(#cooperativeId, 'ADMIN')")
    Development development(@PathVariable CooperativeId cooperativeId, @RequestParam(required = false) Integer year) {
        return queries.query(new FindDevelopment(cooperativeId, year(year), budgetPercent(cooperativeId)),
                Development.class).join();
    }

    /** Each member's hours in a month, all kinds: what a cost split by HOURS weighs. */
    @Operation(summary = "Hours per member per month", operationId = "listHoursPerMember")
    @GetMapping("/api/cooperatives/{cooperativeId}/hours-per-member")
    @PreAuthorize("@access.holds(#cooperativeId, 'TREASURER')")
    HoursPerMember hoursPerMember(@PathVariable CooperativeId cooperativeId, @RequestParam String month) {
        YearMonth period;
        try {
            period = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("month", "is not a month; expected YYYY-MM");
        }
        return queries.query(new FindHoursPerMember(cooperativeId, period), HoursPerMember.class).join();
    }

    /** The caller's own membership; a different memberId in the body is refused with 403. */
    private MemberId self(CooperativeId cooperativeId, MemberId requested) {
        MemberView me = access.currentMember(cooperativeId).orElseThrow(() -> new AccessDeniedException("not a member"));
        if (requested != null && !requested.equals(me.memberId())) {
            throw new AccessDeniedException("A member records only their own hours");
        }
        return me.memberId();
    }

    /** An entry of this cooperative: the caller's own, or (for reading) any if they are treasurer. */
    private EntryView own(CooperativeId cooperativeId, EntryId entryId, boolean treasurerMayRead) {
        EntryView entry = queries.query(new FindEntry(entryId), ResponseTypes.optionalInstanceOf(EntryView.class)).join()
                .filter(e -> e.cooperativeId().equals(cooperativeId))
                .orElseThrow(() -> new NotFound(Refusal.HOURS_ENTRY_NOT_FOUND, "No hours entry " + entryId + " in this cooperative", entryId));
        boolean mine = access.currentMember(cooperativeId).map(m -> m.memberId().equals(entry.memberId())).orElse(false);
        if (!mine && !(treasurerMayRead && access.holds(cooperativeId, "TREASURER"))) {
            throw new AccessDeniedException("A member corrects only their own hours");
        }
        return entry;
    }

    private EntryView entry(EntryId entryId) {
        return queries.query(new FindEntry(entryId), ResponseTypes.optionalInstanceOf(EntryView.class)).join()
                .orElseThrow(() -> new NotFound(Refusal.HOURS_ENTRY_NOT_FOUND, "No hours entry " + entryId, entryId));
    }

    private int budgetPercent(CooperativeId cooperativeId) {
        return access.cooperative(cooperativeId).policies().developmentBudgetPercent();
    }

    private int year(Integer year) {
        return year != null ? year : LocalDate.now(clock).getYear();
    }

    record HoursRequest(MemberId memberId,
                        @NotNull LocalDate date,
                        @NotNull BigDecimal hours,
                        @NotNull HoursKind kind,
                        ProjectId projectId,
                        @Size(max = 100) String subject,
                        @Size(max = 2000) String description) {
    }
}
