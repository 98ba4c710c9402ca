package coop.cooperative.core.projects;

import coop.cooperative.core.projects.api.RequiredSkill;
import coop.cooperative.core.shared.Dates;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.Refusal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a project's plan must be, when it is registered and each time it is replanned: its dates and skills. */
final class PlanRules {

    private PlanRules() {
    }

    static void requireDates(LocalDate start, LocalDate end) {
        Dates.require(start, "start");
        Dates.require(end, "end");
        if (end.isBefore(start)) {
            throw new RuleViolation(Refusal.PROJECT_DATES, "A project needs a start date and an end date on or after it");
        }
    }

    /** Skills compare without case or surrounding spaces, as members' skills do; each once. */
    static List<RequiredSkill> normalise(List<RequiredSkill> requiredSkills) {
        if (requiredSkills == null || requiredSkills.isEmpty()) {
            throw new RuleViolation(Refusal.PROJECT_SKILLS, "A project requires at least one skill");
        }
        Map<String, RequiredSkill> bySkill = new LinkedHashMap<>();
        for (RequiredSkill s : requiredSkills) {
            if (s.skill() == null || s.skill().isBlank()) {
                throw new RuleViolation(Refusal.PROJECT_SKILL_NAME, "A required skill needs a name");
            }
            if (s.hoursPerWeek() <= 0) {
                throw new RuleViolation(Refusal.PROJECT_SKILL_HOURS, "A required skill needs a positive number of hours per week");
            }
            String skill = s.skill().strip().toLowerCase(Locale.ROOT);
            if (bySkill.put(skill, new RequiredSkill(skill, s.hoursPerWeek())) != null) {
                throw new RuleViolation(Refusal.PROJECT_SKILL_TWICE, "The skill '" + skill + "' is required twice", skill);
            }
        }
        return List.copyOf(bySkill.values());
    }
}
