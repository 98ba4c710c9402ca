package coop.cooperative.core.invoicing.api;

/** A postal address as an invoice must show it; {@code countryCode} is ISO 3166-1 alpha-2 ("NL"). */
public record Address(String street, String postalCode, String city, String countryCode) {
}
