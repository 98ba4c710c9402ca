package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.serialization.Revision;

/** Who a project's invoices are addressed to (a company: its legal name and address, no person). */
@Revision("1")
public record ClientDetailsSet(CooperativeId cooperativeId, ProjectId projectId, ClientDetails client) {
}
