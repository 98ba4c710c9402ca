package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * The invoice is approved, numbered and sent, exactly as it reads from now on: both parties, the
 * lines, the VAT per rate and the totals; and what each line earns its member. It posts to the books
 * on {@code issueDate}. Never changed afterwards: a credit note corrects it.
 */
@Revision("1")
public record InvoiceApproved(CooperativeId cooperativeId, InvoiceId invoiceId, ProjectId projectId, String number,
                              LocalDate issueDate, LocalDate dueDate, LocalDate periodFrom, LocalDate periodTo,
                              InvoicingDetails seller, ClientDetails buyer, Currency currency, List<InvoiceLine> lines,
                              List<VatAmount> vat, Money totalExclVat, Money totalVat, Money total,
                              BigDecimal feePercent, List<Earning> earnings, MemberId approvedBy) {
}
