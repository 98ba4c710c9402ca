package coop.cooperative.app.audit;

import coop.cooperative.app.web.FieldError;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.shared.MemberId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which entries of the trail to show; every part may be absent. {@code from} and {@code to} are days,
 * both included; {@code kind} is the name of a kind of event ({@code CostApproved}).
 */
public record AuditFilter(LocalDate from, LocalDate to, MemberId memberId, String kind) {

    private static final Pattern KIND = Pattern.compile("[A-Za-z]{1,60}");

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }

    /** The filter, refused with the fields at fault when it cannot mean anything. */
    public AuditFilter {
        kind = kind == null || kind.isBlank() ? null : kind.strip();
        List<FieldError> errors = new ArrayList<>();
        if (kind != null && !KIND.matcher(kind).matches()) {
            errors.add(new FieldError("kind", "is not a kind of event, such as CostApproved"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "is before from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    AuditFilter forMember(MemberId member) {
        return new AuditFilter(from, to, member, kind);
    }
}
