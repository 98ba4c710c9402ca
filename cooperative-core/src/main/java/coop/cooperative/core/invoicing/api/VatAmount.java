package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.shared.Money;

/** The VAT of one rate on a document: the taxable amount at that rate and the VAT on it. */
public record VatAmount(VatRate rate, Money taxableAmount, Money vat) {
}
