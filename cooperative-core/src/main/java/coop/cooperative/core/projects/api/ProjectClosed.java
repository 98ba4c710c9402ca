package coop.cooperative.core.projects.api;

import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ProjectClosed(CooperativeId cooperativeId, ProjectId projectId, LocalDate closedOn) {
}
