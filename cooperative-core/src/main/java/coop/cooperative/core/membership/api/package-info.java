/**
 * The published language of membership: its commands and events. Events are records named in
 * the past tense, carry ids and values only, and never personal data (no names, no emails).
 */
package coop.cooperative.core.membership.api;
