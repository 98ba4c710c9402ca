package coop.cooperative.core.invoicing;

import coop.cooperative.core.invoicing.api.Address;
import coop.cooperative.core.invoicing.api.InvoicingCommands.SetInvoicingDetails;
import coop.cooperative.core.invoicing.api.InvoicingDetails;
import coop.cooperative.core.invoicing.api.InvoicingDetailsSet;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

class InvoicingProfileTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private final AggregateTestFixture<InvoicingProfile> fixture = new AggregateTestFixture<>(InvoicingProfile.class);
    private final CooperativeId coop = CooperativeId.random();
    private final MemberId admin = MemberId.random();
    private final Address address = new Address("Oudegracht 1", "3511 AA", "Utrecht", "NL");

    private SetInvoicingDetails set(String vat, String iban, BigDecimal fee) {
        return new SetInvoicingDetails(coop, new InvoicingDetails("De Gilde U.A.", address, vat, "12345678", iban, fee, 30),
                admin, TODAY);
    }

    @Test
    void detailsAreStoredNormalisedAndTheFeeDefaultsToFivePercent() {
        fixture.givenNoPriorActivity().when(set("nl 123456789 b01", "NL91 ABNA 0417 1643 00", null))
                .expectEvents(new InvoicingDetailsSet(coop, new InvoicingDetails("De Gilde U.A.", address, "NL123456789B01",
                        "12345678", "NL91ABNA0417164300", new BigDecimal("5"), 30), admin, TODAY));
    }

    @Test
    void anIbanWithWrongCheckDigitsIsRefused() {
        fixture.givenNoPriorActivity().when(set("NL123456789B01", "NL92ABNA0417164300", null))
                .expectException(RuleViolation.class).expectExceptionMessage("iban must be an IBAN such as NL91ABNA0417164300");
    }

    @Test
    void aDutchVatNumberHasItsFormAndIsRequired() {
        fixture.givenNoPriorActivity().when(set("NL12345", "NL91ABNA0417164300", null)).expectException(RuleViolation.class);
        fixture.givenNoPriorActivity().when(set(null, "NL91ABNA0417164300", null)).expectException(RuleViolation.class);
    }

    @Test
    void theFeeLiesFromZeroToAHundredPercent() {
        fixture.givenNoPriorActivity().when(set("NL123456789B01", "NL91ABNA0417164300", new BigDecimal("100.5")))
                .expectException(RuleViolation.class);
        fixture.givenNoPriorActivity().when(set("NL123456789B01", "NL91ABNA0417164300", new BigDecimal("7.5")))
                .expectSuccessfulHandlerExecution();
    }
}
