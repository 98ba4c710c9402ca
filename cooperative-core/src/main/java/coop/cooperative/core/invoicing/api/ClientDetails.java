package coop.cooperative.core.invoicing.api;

/**
 * The party a project's invoices are addressed to. {@code vatNumber}: the client's VAT number, needed
 * for reverse charge (an EU business outside the Netherlands); null for a client without one.
 * {@code countryCode}: where the client is established, ISO 3166-1 alpha-2. {@code kvkNumber}: a
 * Dutch client's KvK number, which an SI-UBL invoice to a Dutch client must carry; null abroad.
 * {@code lineGrouping}: how the client wants the hours on its invoices; null (as before it could be
 * chosen) means per member.
 */
public record ClientDetails(String legalName, Address address, String vatNumber, String countryCode, String kvkNumber,
                            LineGrouping lineGrouping) {

    public ClientDetails(String legalName, Address address, String vatNumber, String countryCode, String kvkNumber) {
        this(legalName, address, vatNumber, countryCode, kvkNumber, null);
    }

    /** Whether VAT shifts to the client ("btw verlegd"): a business with a VAT number in another EU country. */
    public boolean reverseCharge() {
        return vatNumber != null && !vatNumber.isBlank() && countryCode != null && !"NL".equals(countryCode)
                && EuCountries.isMember(countryCode);
    }
}
