package coop.cooperative.core.projects.api;

/** A skill a project needs, with the hours per week the client expects for it. */
public record RequiredSkill(String skill, int hoursPerWeek) {
}
