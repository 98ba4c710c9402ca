package coop.cooperative.projections.continuity;

import coop.cooperative.core.membership.MembershipPeriod;
import coop.cooperative.core.projects.api.AssignmentRole;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.continuity.ContinuityQueries.Candidate;
import coop.cooperative.projections.continuity.ContinuityQueries.FindContinuity;
import coop.cooperative.projections.continuity.ContinuityQueries.Person;
import coop.cooperative.projections.continuity.ContinuityQueries.SkillContinuity;
import coop.cooperative.projections.continuity.ContinuityQueries.Status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges one project's skills on one day: who of its core and backup members can work that day
 * (not left, not on a claim, assigned then), how covered each skill is, and who else could step in.
 * The continuity view stores the dates; this holds the rules.
 */
record ContinuityJudge(FindContinuity query, Map<MemberId, Member> members, List<Assignment> assignments,
                       LocalDate day) {

    /** Assignments that ended this recently still show, unavailable, so the report names who just left. */
    static final int RECENTLY_ENDED_DAYS = 30;

    SkillContinuity skill(ProjectId projectId, String skill) {
        List<Assignment> here = assignments.stream()
                .filter(a -> a.projectId().equals(projectId) && a.skill().equals(skill)
                        && !a.to().isBefore(day.minusDays(RECENTLY_ENDED_DAYS)))
                .sorted(Comparator.comparing(Assignment::from))
                .toList();
        List<Person> core = people(here, AssignmentRole.CORE);
        List<Person> backup = people(here, AssignmentRole.BACKUP);
        boolean coreAvailable = core.stream().anyMatch(Person::available);
        boolean backupAvailable = backup.stream().anyMatch(Person::available);
        Status status = coreAvailable && backupAvailable ? Status.COVERED
                : coreAvailable || backupAvailable ? Status.AT_RISK : Status.UNCOVERED;
        List<String> reasons = new ArrayList<>();
        if (status == Status.COVERED) {
            reasons.add(skill + ": an available core member and an available backup");
        }
        if (!coreAvailable) {
            reasons.add("core for " + skill + ": none available");
        }
        if (!backupAvailable) {
            reasons.add("backup for " + skill + ": none" + (backup.isEmpty() ? "" : " available"));
        }
        for (List<Person> people : List.of(core, backup)) {
            String role = people == core ? "core" : "backup";
            people.stream().filter(p -> !p.available())
                    .forEach(p -> reasons.add(p.name() + " (" + role + ") " + p.unavailable()));
        }
        return new SkillContinuity(skill, status, core, backup, reasons, candidates(projectId, skill, here));
    }

    private List<Person> people(List<Assignment> here, AssignmentRole role) {
        Map<MemberId, Person> people = new LinkedHashMap<>();
        for (Assignment a : here) {
            if (a.role() != role) {
                continue;
            }
            String why = unavailable(a);
            Person person = new Person(a.memberId(), name(a.memberId()), why == null, why);
            // One person may hold several assignments in a row; the available one counts.
            people.merge(a.memberId(), person, (old, neu) -> old.available() ? old : neu);
        }
        return List.copyOf(people.values());
    }

    /** Why a member on this assignment cannot work on the day, or null if they can. */
    private String unavailable(Assignment a) {
        Member member = members.get(a.memberId());
        if (member != null && member.period().leftBy(day)) {
            return "left the cooperative on " + member.period().leftOn();
        }
        if (member != null) {
            String claim = member.claimOn(day);
            if (claim != null) {
                return query.claimsVisible() ? claim : FindContinuity.UNAVAILABLE;
            }
        }
        if (a.from().isAfter(day)) {
            return "is assigned only from " + a.from();
        }
        if (a.to().isBefore(day)) {
            return "was assigned until " + a.to();
        }
        return null;
    }

    private List<Candidate> candidates(ProjectId projectId, String skill, List<Assignment> here) {
        List<MemberId> onSkill = here.stream().filter(a -> unavailable(a) == null).map(Assignment::memberId).toList();
        List<Candidate> candidates = new ArrayList<>();
        for (Member member : members.values()) {
            if (!member.skills().contains(skill) || onSkill.contains(member.memberId())
                    || member.period().leftBy(day) || member.claimOn(day) != null) {
                continue;
            }
            int assigned = assignments.stream()
                    .filter(a -> a.memberId().equals(member.memberId()) && !a.from().isAfter(day) && !a.to().isBefore(day))
                    .mapToInt(Assignment::hoursPerWeek).sum();
            int spare = query.maximumHoursPerWeek() - assigned;
            if (spare > 0) {
                candidates.add(new Candidate(member.memberId(), name(member.memberId()), spare));
            }
        }
        candidates.sort(Comparator.comparing(Candidate::spareHoursPerWeek).reversed()
                .thenComparing(c -> Objects.toString(c.name(), "")));
        return candidates;
    }

    private String name(MemberId memberId) {
        return query.names().getOrDefault(memberId, memberId.toString());
    }

    record Member(MemberId memberId, List<String> skills, MembershipPeriod period, List<Claim> claims) {

        /** "is on a claim since ..." while a claim covers the day, else null. */
        String claimOn(LocalDate day) {
            return claims.stream()
                    .filter(c -> !c.start().isAfter(day) && (c.end() == null || !c.end().isBefore(day)))
                    .findFirst()
                    .map(c -> "is on a claim since " + c.start())
                    .orElse(null);
        }
    }

    record Claim(LocalDate start, LocalDate end) {
    }

    record Assignment(ProjectId projectId, MemberId memberId, AssignmentRole role, String skill,
                      int hoursPerWeek, LocalDate from, LocalDate to) {
    }
}
