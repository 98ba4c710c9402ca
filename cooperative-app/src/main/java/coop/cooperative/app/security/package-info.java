/**
 * Who may do what: accounts (outside the event store), sign-in, invitations, and the
 * per-cooperative role checks every command and query passes.
 */
package coop.cooperative.app.security;
