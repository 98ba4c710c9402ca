package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** A draft invoice for a project and a supply period (from and to, inclusive); not yet numbered or sent. */
@Revision("1")
public record InvoiceDrafted(CooperativeId cooperativeId, InvoiceId invoiceId, ProjectId projectId, Currency currency,
                             LocalDate periodFrom, LocalDate periodTo, List<InvoiceLine> lines, MemberId draftedBy,
                             LocalDate draftedOn) {
}
