package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.shared.Money;

/** The part of an invoice line a credit note takes back, excluding VAT, at the line's VAT rate. */
public record CreditedLine(int lineNumber, String description, VatRate vatRate, Money amount) {
}
