package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of an invoice: {@code quantity} (hours, or 1 for a fixed amount) × {@code unitPrice}
 * (the client rate) = {@code amount}, excluding VAT, rounded half up to cents.
 * {@code memberId}, {@code skill}, {@code memberRate} and {@code entries}: for hours, the member who
 * worked them, the skill they are billed as, the member's own hourly rate (what they earn) and the
 * hours entries billed; null (and empty) on a line for a fixed amount.
 */
public record InvoiceLine(int number, String description, MemberId memberId, String skill, BigDecimal quantity,
                          Money unitPrice, VatRate vatRate, Money amount, Money memberRate, List<BilledEntry> entries) {

    public InvoiceLine {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
