package coop.cooperative.core.projects.api;

import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A project's dates or required skills changed; the event carries the whole new plan. */
@Revision("1")
public record ProjectReplanned(CooperativeId cooperativeId, ProjectId projectId, LocalDate start, LocalDate end,
                               List<RequiredSkill> requiredSkills) {
}
