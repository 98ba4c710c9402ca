/**
 * The continuity read model: for every active project and required skill, who is core and backup,
 * whether each is available today, a status COVERED / AT_RISK / UNCOVERED with the reasons in words,
 * and candidate backups. It joins projects, assignments, membership and risk-pool claims.
 */
package coop.cooperative.projections.continuity;
