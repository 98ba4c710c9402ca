package coop.cooperative.app.audit;

import coop.cooperative.app.web.Download;
import coop.cooperative.app.audit.AuditTrail.AuditPage;
import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.web.FieldError;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The audit trail with its filters, and its CSV for the signed-in reader: admins and treasurers see
 * the whole trail, any other member what concerns them ({@link AuditTrail} decides).
 */
@Controller
@RequestMapping("/cooperatives/{cooperativeId}")
class AuditTrailPage {

    private final CooperativeAccess access;
    private final AuditTrail trail;
    private final MessageSource messages;

    AuditTrailPage(CooperativeAccess access, AuditTrail trail, MessageSource messages) {
        this.access = access;
        this.trail = trail;
        this.messages = messages;
    }

    @GetMapping("/audit")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    String audit(@PathVariable CooperativeId cooperativeId,
                 @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to,
                 @RequestParam(required = false) String member,
                 @RequestParam(required = false) String kind,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        Map<MemberId, String> people = trail.people(cooperativeId);
        AuditFilter filter = filter(from, to, member, kind, people, fieldErrors, locale);
        int pageNumber = Math.max(0, page);
        AuditPage found = filter == null ? new AuditPage(0, AuditTrail.PAGE_SIZE, 0, java.util.List.of())
                : trail.page(cooperativeId, filter, pageNumber, locale);
        Map<String, String> members = new LinkedHashMap<>();
        people.forEach((id, name) -> members.put(id.toString(), name));
        model.addAttribute("cooperative", access.cooperative(cooperativeId));
        model.addAttribute("readsAll", trail.readsAll(cooperativeId));
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("member", member == null ? "" : member);
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("members", members);
        model.addAttribute("kinds", trail.kinds(cooperativeId, locale));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("trail", found);
        model.addAttribute("first", found.total() == 0 ? 0 : (long) found.page() * found.size() + 1);
        model.addAttribute("last", (long) found.page() * found.size() + found.entries().size());
        return "audit";
    }

    // The API's CSV is for Basic auth and tokens; this is the same file for the signed-in reader.
    @GetMapping("/audit.csv")
    @PreAuthorize("@access.holds(#cooperativeId, 'MEMBER')")
    ResponseEntity<String> csv(@PathVariable CooperativeId cooperativeId,
                               @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to,
                               @RequestParam(required = false) String member,
                               @RequestParam(required = false) String kind) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        AuditFilter filter = filter(from, to, member, kind, trail.people(cooperativeId), fieldErrors, locale);
        if (filter == null) {
            throw new InvalidRequestException(fieldErrors.entrySet().stream()
                    .map(e -> new FieldError(e.getKey(), e.getValue())).toList());
        }
        return Download.of("audit.csv", Download.CSV, trail.csv(cooperativeId, filter, locale));
    }

    /** The filter the form asks for, or null with the fields at fault in {@code fieldErrors}. */
    private AuditFilter filter(String from, String to, String member, String kind, Map<MemberId, String> people,
                               Map<String, String> fieldErrors, Locale locale) {
        LocalDate fromDate = date("from", from, fieldErrors, locale);
        LocalDate toDate = date("to", to, fieldErrors, locale);
        MemberId memberId = null;
        if (member != null && !member.isBlank()) {
            memberId = people.keySet().stream().filter(id -> id.toString().equals(member.strip())).findFirst().orElse(null);
            if (memberId == null) {
                fieldErrors.put("member", messages.getMessage("audit.filter.member.invalid", null, locale));
            }
        }
        if (!fieldErrors.isEmpty()) {
            return null;
        }
        try {
            return new AuditFilter(fromDate, toDate, memberId, kind);
        } catch (InvalidRequestException e) {
            e.errors().forEach(error -> fieldErrors.put(error.field(),
                    messages.getMessage("audit.filter." + error.field() + ".invalid", null, locale)));
            return null;
        }
    }

    private LocalDate date(String field, String text, Map<String, String> fieldErrors, Locale locale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            fieldErrors.put(field, messages.getMessage("audit.filter.date.invalid", null, locale));
            return null;
        }
    }
}
