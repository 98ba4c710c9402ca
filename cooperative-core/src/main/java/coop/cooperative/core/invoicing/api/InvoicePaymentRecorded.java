package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The client paid (part of) the invoice on {@code date}; {@code outstanding}: what is still due after it. */
@Revision("1")
public record InvoicePaymentRecorded(CooperativeId cooperativeId, InvoiceId invoiceId, String invoiceNumber, Money amount, LocalDate date,
                                     Money outstanding, MemberId recordedBy) {
}
