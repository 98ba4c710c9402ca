package coop.cooperative.app.audit;

import coop.cooperative.app.web.Download;
import coop.cooperative.app.audit.AuditTrail.AuditLine;
import coop.cooperative.app.audit.AuditTrail.AuditPage;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Who did what and when: admins and treasurers read a cooperative's whole trail, a member what
 * concerns them. The words follow the reader's language (Accept-Language, or the language cookie).
 */
@Tag(name = "Audit", description = "Who did what and when, in words")
@RestController
@RequestMapping("/api/cooperatives/{cooperativeId}")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Operation(summary = "The audit trail, newest first, 50 entries a page", operationId = "getAuditTrail",
            description = "Admins and treasurers read every entry; another member only the entries that concern them "
                    + "(memberId may then only be their own). from and to are days, both included; kind is the name of "
                    + "a kind of event, such as CostApproved.")
    @GetMapping("/audit")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    AuditResponse audit(@PathVariable CooperativeId cooperativeId,
                        @RequestParam(required = false) LocalDate from,
                        @RequestParam(required = false) LocalDate to,
                        @RequestParam(required = false) MemberId memberId,
                        @RequestParam(required = false) String kind,
                        @RequestParam(defaultValue = "0") int page) {
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        AuditPage found = trail.page(cooperativeId, new AuditFilter(from, to, memberId, kind), page,
                LocaleContextHolder.getLocale());
        return new AuditResponse(found.page(), found.size(), found.total(),
                found.entries().stream().map(AuditEntryResponse::of).toList());
    }

    @Operation(summary = "The audit trail as CSV, with the same filters", operationId = "exportAuditCsv",
            description = "For admins and treasurers; a member downloads what concerns them from the audit page.")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping("/audit.csv")
    @PreAuthorize("@access.holds(#cooperativeId, 'ADMIN') or @access.holds(#cooperativeId, 'TREASURER')")
    ResponseEntity<String> csv(@PathVariable CooperativeId cooperativeId,
                               @RequestParam(required = false) LocalDate from,
                               @RequestParam(required = false) LocalDate to,
                               @RequestParam(required = false) MemberId memberId,
                               @RequestParam(required = false) String kind) {
        String csv = trail.csv(cooperativeId, new AuditFilter(from, to, memberId, kind), LocaleContextHolder.getLocale());
        return Download.of("audit.csv", Download.CSV, csv);
    }

    /** {@code total}: the entries the filters find, on all pages. */
    record AuditResponse(int page, int size, long total, List<AuditEntryResponse> entries) {
    }

    /**
     * {@code person}: who did it, by name, "former member N" or "the system"; {@code personId}: their
     * member id when a member did it; {@code kind}: the kind of event; {@code text}: what happened in
     * words; {@code memberId}: the member it concerns, if any; {@code correlationId}: the same for every
     * event one request caused.
     */
    record AuditEntryResponse(Instant at, String person, MemberId personId, String kind, String text, MemberId memberId,
                              String correlationId) {

        static AuditEntryResponse of(AuditLine line) {
            return new AuditEntryResponse(line.at(), line.person(), line.personId(), line.kind(), line.text(),
                    line.memberId(), line.correlationId());
        }
    }
}
