package coop.cooperative.core.invoicing.api;

import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A project's client rates, per skill, replacing the earlier ones (drafts made before keep theirs). */
@Revision("1")
public record ClientRatesSet(CooperativeId cooperativeId, ProjectId projectId, List<ClientRate> rates) {
}
