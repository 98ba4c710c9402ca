/**
 * The admin's pages: the cooperative's members (leaving, roles, invitations) and its projects (register,
 * staff, invite the client). They span membership and projects, and call both features' services.
 */
package coop.cooperative.app.admin;
