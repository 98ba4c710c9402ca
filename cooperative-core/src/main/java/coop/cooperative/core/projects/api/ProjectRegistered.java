package coop.cooperative.core.projects.api;

import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A project for a client (a company's name, not a person's) with the skills it needs. */
@Revision("1")
public record ProjectRegistered(CooperativeId cooperativeId, ProjectId projectId, String name, String client,
                                LocalDate start, LocalDate end, List<RequiredSkill> requiredSkills) {
}
