/**
 * The membership API: founding cooperatives, joining, leaving, roles, and the per-cooperative
 * access checks built on the members read model. Names and emails live in member profiles.
 */
package coop.cooperative.app.membership;
