/**
 * The members read model: cooperatives and their members with status, skills, roles and dates.
 */
package coop.cooperative.projections.members;
