/**
 * Outgoing mail: the {@link coop.cooperative.app.mail.Mailbox} port, an outbox table written in the
 * caller's transaction, and a sender that sends it after the commit, retried with backoff and once
 * only across nodes.
 */
package coop.cooperative.app.mail;
