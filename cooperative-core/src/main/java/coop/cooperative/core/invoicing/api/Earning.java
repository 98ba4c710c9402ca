package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

/**
 * What one invoice line earns its member: {@code earnings} (hours × the member's own rate) of which
 * the cooperative keeps {@code fee}; the member is owed the difference. On a credit note, what is reversed.
 */
public record Earning(int lineNumber, MemberId memberId, Money earnings, Money fee) {

    /** What the member is owed for it: earnings less the fee. */
    public Money owed() {
        return earnings.minus(fee);
    }
}
