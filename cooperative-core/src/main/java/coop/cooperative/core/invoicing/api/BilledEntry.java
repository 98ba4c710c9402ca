package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.hours.api.EntryId;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An hours entry behind an invoice line: its date says which timesheet (month) holds it. */
public record BilledEntry(EntryId entryId, LocalDate date, BigDecimal hours) {
}
