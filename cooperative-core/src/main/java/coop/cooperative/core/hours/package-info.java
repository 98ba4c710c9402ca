/**
 * Hours: one {@link coop.cooperative.core.hours.Timesheet} per member and month guards the entries'
 * rules (quarter hours, at most 24 a day, project hours only where assigned).
 */
package coop.cooperative.core.hours;
