package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A draft's lines as revised: lines left out are dropped, their hours unbilled again. */
@Revision("1")
public record DraftInvoiceRevised(CooperativeId cooperativeId, InvoiceId invoiceId, List<InvoiceLine> lines,
                                  MemberId revisedBy, LocalDate revisedOn) {
}
