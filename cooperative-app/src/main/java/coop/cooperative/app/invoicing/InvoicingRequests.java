package coop.cooperative.app.invoicing;

import coop.cooperative.core.invoicing.api.Address;
import coop.cooperative.core.invoicing.api.LineGrouping;
import coop.cooperative.core.invoicing.api.VatRate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The request bodies of invoicing: their shape only; the rules are the aggregates'. */
final class InvoicingRequests {

    private static final String ONE_LINE = "[^\\p{Cntrl}]*";
    private static final String COUNTRY = "[A-Z]{2}";
    private static final String VAT_NUMBER = "[A-Za-z]{2}[0-9A-Za-z+*. ]{2,16}";

    private InvoicingRequests() {
    }

    record AddressRequest(@NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = "must be one line") String street,
                          @NotBlank @Size(max = 20) @Pattern(regexp = ONE_LINE, message = "must be one line") String postalCode,
                          @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = "must be one line") String city,
                          @NotNull @Pattern(regexp = COUNTRY, message = "must be a country code of two capital letters such as NL") String countryCode) {

        Address address() {
            return new Address(street, postalCode, city, countryCode);
        }
    }

    /** {@code feePercent}: the cooperative's share of members' earnings (default 5); {@code paymentTermDays}: default 30. */
    record InvoicingDetailsRequest(@NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = "must be one line") String legalName,
                                   @NotNull @Valid AddressRequest address,
                                   @NotNull @Pattern(regexp = VAT_NUMBER, message = "must be a VAT number such as NL123456789B01") String vatNumber,
                                   @NotNull @Pattern(regexp = "[0-9]{8}", message = "must be the eight digits of the KvK number") String kvkNumber,
                                   @NotNull @Pattern(regexp = "[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{11,36}", message = "must be an IBAN such as NL91ABNA0417164300") String iban,
                                   @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal feePercent,
                                   @Min(0) @Max(365) Integer paymentTermDays) {
    }

    /** {@code vatRate}: the VAT the skill's hours are billed at, STANDARD (21%) unless said. */
    record ClientRateRequest(@NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = "must be one line") String skill,
                             @NotNull String hourlyRate,
                             VatRate vatRate) {
    }

    record ClientRatesRequest(@NotEmpty @Size(max = 100) List<@NotNull @Valid ClientRateRequest> rates) {
    }

    /**
     * {@code vatNumber}: the client's, needed for reverse charge; {@code countryCode}: where the client is
     * established; {@code kvkNumber}: a Dutch client's KvK number (required for one in the Netherlands);
     * {@code lineGrouping}: the client's invoices list hours per MEMBER (when left out) or per SKILL.
     */
    record ClientDetailsRequest(@NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = "must be one line") String legalName,
                                @NotNull @Valid AddressRequest address,
                                @Pattern(regexp = VAT_NUMBER, message = "must be a VAT number such as DE123456789") String vatNumber,
                                @NotNull @Pattern(regexp = COUNTRY, message = "must be a country code of two capital letters such as NL") String countryCode,
                                @Pattern(regexp = "[0-9]{8}", message = "must be the eight digits of the KvK number") String kvkNumber,
                                LineGrouping lineGrouping) {
    }

    record FixedAmountRequest(@NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = "must be one line") String description,
                              @NotNull String amount,
                              @NotNull VatRate vatRate) {
    }

    /** The supply period; without {@code fixedAmount} the draft bills the project's unbilled hours in it. */
    record DraftInvoiceRequest(@NotNull LocalDate from, @NotNull LocalDate to, @Valid FixedAmountRequest fixedAmount) {
    }

    record LineRevisionRequest(@NotNull @Min(1) Integer number,
                               @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = "must be one line") String description,
                               @NotNull String unitPrice) {
    }

    record ReviseDraftRequest(@NotEmpty @Size(max = 500) List<@NotNull @Valid LineRevisionRequest> lines) {
    }

    record PaymentRequest(@NotNull String amount, @NotNull LocalDate date) {
    }

    /** Either {@code lines} (the numbers of whole lines to take back) or {@code amount} (excluding VAT). */
    record CreditNoteRequest(@Size(max = 500) List<@NotNull @Min(1) Integer> lines,
                             String amount,
                             @NotBlank @Size(max = 500) String reason) {
    }
}
