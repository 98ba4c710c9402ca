package coop.cooperative.core.invoicing;

import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.invoicing.api.InvoiceNumberTaken;
import coop.cooperative.core.invoicing.api.InvoicingCommands.TakeInvoiceNumber;
import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class InvoiceNumbersTest {

    private final AggregateTestFixture<InvoiceNumbers> fixture = new AggregateTestFixture<>(InvoiceNumbers.class);
    private final CooperativeId coop = CooperativeId.random();
    private final InvoiceId first = InvoiceId.random();
    private final InvoiceId second = InvoiceId.random();

    @Test
    void theFirstNumberOfAYearIsOne() {
        fixture.givenNoPriorActivity().when(new TakeInvoiceNumber(coop, 2026, first))
                .expectEvents(new InvoiceNumberTaken(coop, 2026, 1, "2026-0001", first))
                .expectResultMessagePayload("2026-0001");
    }

    @Test
    void eachNumberFollowsTheLastWithoutAGap() {
        fixture.given(new InvoiceNumberTaken(coop, 2026, 1, "2026-0001", first))
                .when(new TakeInvoiceNumber(coop, 2026, second))
                .expectEvents(new InvoiceNumberTaken(coop, 2026, 2, "2026-0002", second));
    }

    @Test
    void aDocumentAskingAgainGetsTheNumberItHasAndNoNewOne() {
        fixture.given(new InvoiceNumberTaken(coop, 2026, 1, "2026-0001", first))
                .when(new TakeInvoiceNumber(coop, 2026, first))
                .expectNoEvents().expectResultMessagePayload("2026-0001");
    }
}
