package coop.cooperative.core.shared;

import coop.cooperative.core.shared.DomainException.RuleViolation;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The port through which the domain asks whether a month of a cooperative's books is still open:
 * once a month is closed its books are final, and nothing may be dated in it (a correction is dated
 * in an open month). The cooperative closes and reopens months; the application answers this port
 * from the months it knows closed, and every aggregate that dates an entry (a cost, its approval and
 * reversal, hours, a settlement, an invoice, its payment and credit note) asks it before it decides.
 */
public interface OpenPeriods {

    boolean isOpen(CooperativeId cooperativeId, YearMonth month);

    /** Refuses anything dated in a closed month; a missing date is left to the rule that requires it. */
    default void requireOpen(CooperativeId cooperativeId, LocalDate date) {
        if (date != null && !isOpen(cooperativeId, YearMonth.from(date))) {
            throw new RuleViolation(Refusal.PERIOD_CLOSED, "The period " + YearMonth.from(date) + " is closed; nothing can be "
                    + "dated in it: date a correction in an open period", YearMonth.from(date));
        }
    }
}
