package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.shared.Money;

/** What the client pays per hour of a skill on a project, and the VAT rate its hours are billed at. */
public record ClientRate(String skill, Money hourlyRate, VatRate vatRate) {
}
