package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.hours.api.EntryId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An hours entry behind an invoice line: its date says which timesheet (month) holds it.
 * {@code memberId} and {@code memberRate}: who worked it and their own hourly rate, so a line per
 * skill knows what it earns each member; null on lines drafted before lines per skill existed,
 * whose line names its one member.
 */
public record BilledEntry(EntryId entryId, LocalDate date, BigDecimal hours, MemberId memberId, Money memberRate) {
}
