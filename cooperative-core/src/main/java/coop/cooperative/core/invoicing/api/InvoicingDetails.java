package coop.cooperative.core.invoicing.api;

import java.math.BigDecimal;

/**
 * What the cooperative's invoices say about itself, and its invoicing policy.
 *
 * @param feePercent      the share of each member's earnings the cooperative keeps (0 to 100, at most two decimals)
 * @param paymentTermDays days from the invoice date to its due date
 */
public record InvoicingDetails(String legalName, Address address, String vatNumber, String kvkNumber, String iban,
                               BigDecimal feePercent, int paymentTermDays) {

    /** The fee when a cooperative has not set one: 5%. */
    public static final BigDecimal DEFAULT_FEE_PERCENT = new BigDecimal("5");
}
