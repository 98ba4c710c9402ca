package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.serialization.Revision;

/**
 * The next number of the cooperative's sequence of the year went to a document (an invoice or a
 * credit note): {@code number} is {@code year-sequence} ("2026-0001").
 */
@Revision("1")
public record InvoiceNumberTaken(CooperativeId cooperativeId, int year, int sequence, String number, InvoiceId documentId) {
}
