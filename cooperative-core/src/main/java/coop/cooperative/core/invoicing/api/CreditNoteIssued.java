package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A credit note (its own number) takes back all or part of a sent invoice: the lines credited, the
 * VAT per rate and totals (positive amounts: what is credited), and the earnings and fees it reverses.
 * It posts to the books on {@code issueDate}.
 */
@Revision("1")
public record CreditNoteIssued(CooperativeId cooperativeId, InvoiceId invoiceId, String invoiceNumber, InvoiceId creditNoteId, String number,
                               LocalDate issueDate, String reason, List<CreditedLine> lines, List<VatAmount> vat,
                               Money totalExclVat, Money totalVat, Money total, List<Earning> earnings,
                               MemberId issuedBy) {
}
