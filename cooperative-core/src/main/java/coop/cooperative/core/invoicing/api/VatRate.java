package coop.cooperative.core.invoicing.api;

import java.math.BigDecimal;

/**
 * The Dutch VAT rates an invoice line may carry, with the category code of EN 16931 (UNCL 5305)
 * each is written with in UBL: 21% and 9% are standard-rated ("S"), 0% is zero-rated ("Z"), and
 * reverse charge ("AE", "btw verlegd") charges no VAT: the client accounts for it.
 */
public enum VatRate {
    STANDARD("21", "S"),
    REDUCED("9", "S"),
    ZERO("0", "Z"),
    REVERSE_CHARGE("0", "AE");

    private final BigDecimal percent;
    private final String categoryCode;

    VatRate(String percent, String categoryCode) {
        this.percent = new BigDecimal(percent);
        this.categoryCode = categoryCode;
    }

    public BigDecimal percent() {
        return percent;
    }

    public String categoryCode() {
        return categoryCode;
    }
}
