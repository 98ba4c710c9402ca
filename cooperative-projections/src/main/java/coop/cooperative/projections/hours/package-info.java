/**
 * The hours read model: each member's hours per kind per week and month, project hours per week,
 * development hours against the development budget, and the hours per member in a month (used to
 * split costs by HOURS).
 */
package coop.cooperative.projections.hours;
