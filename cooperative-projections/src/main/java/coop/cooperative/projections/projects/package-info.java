/**
 * The projects read model: projects with their required skills and assignments, and which projects a
 * member is assigned to on a date (for logging project hours).
 */
package coop.cooperative.projections.projects;
