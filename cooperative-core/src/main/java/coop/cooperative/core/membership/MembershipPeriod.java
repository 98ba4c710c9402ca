package coop.cooperative.core.membership;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When a member belongs to the cooperative: from the day they joined up to, not including, the day
 * they leave. The leaving date is their first day out (a cost dated that day no longer includes them,
 * an assignment runs at most up to the day before it); no leaving date: they have not given notice.
 */
public record MembershipPeriod(LocalDate joinedOn, LocalDate leftOn) {

    public MembershipPeriod {
        Objects.requireNonNull(joinedOn, "joinedOn");
    }

    /** Active on the date: joined on or before it and not left by it. */
    public boolean activeOn(LocalDate date) {
        return !joinedOn.isAfter(date) && !leftBy(date);
    }

    /** Left by the date: the leaving date is on or before it (whether or not they had joined yet). */
    public boolean leftBy(LocalDate date) {
        return leftOn != null && !leftOn.isAfter(date);
    }
}
