/**
 * The page after signing in: the cooperatives a person is a member of, and the projects they follow
 * as a client.
 */
package coop.cooperative.app.home;
