package coop.cooperative.projections.continuity;

import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The continuity query and its report. */
public final class ContinuityQueries {

    private ContinuityQueries() {
    }

    /**
     * The continuity of a cooperative's active projects. Names are not part of the read model (they are
     * personal data kept beside it), so the asker passes them in for the reasons; {@code projects} limits
     * the report to those projects (a client's), or is null for all.
     */
    /**
     * The continuity report; with {@code claimsVisible} false (every reader but treasurers and
     * admins) a member on a claim is only "unavailable": no claim, no date.
     */
    public record FindContinuity(CooperativeId cooperativeId, Map<MemberId, String> names, int maximumHoursPerWeek,
                                 Set<ProjectId> projects, boolean claimsVisible) {

        /** What a reader who may not see claims is told about a member on one. */
        public static final String UNAVAILABLE = "is unavailable";
    }

    public enum Status {
        /** An available core member and an available backup. */
        COVERED,
        /** Only one kind of available person: a core member or a backup, not both. */
        AT_RISK,
        /** Nobody available. */
        UNCOVERED
    }

    public record ContinuityReport(List<ProjectContinuity> projects) {
    }

    public record ProjectContinuity(ProjectId projectId, String name, String client, Status status,
                                    List<SkillContinuity> skills) {
    }

    public record SkillContinuity(String skill, Status status, List<Person> core, List<Person> backup,
                                  List<String> reasons, List<Candidate> candidates) {
    }

    /** A core member or backup; {@code unavailable} says why not, or is null when they are available. */
    public record Person(MemberId memberId, String name, boolean available, String unavailable) {
    }

    /** An active member with the skill and spare hours per week who could step in as a backup. */
    public record Candidate(MemberId memberId, String name, int spareHoursPerWeek) {
    }
}
