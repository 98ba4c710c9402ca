package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The cooperative's invoicing details and policy, as every later invoice will carry them. */
@Revision("1")
public record InvoicingDetailsSet(CooperativeId cooperativeId, InvoicingDetails details, MemberId setBy, LocalDate setOn) {
}
