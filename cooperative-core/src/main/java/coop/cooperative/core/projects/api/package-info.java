/**
 * The published language of projects: registering a project for a client, assigning members to it
 * (CORE, BACKUP, EXPERT), and each member's workload across projects. Client names are company
 * names; no person's name or email is ever part of an event.
 */
package coop.cooperative.core.projects.api;
