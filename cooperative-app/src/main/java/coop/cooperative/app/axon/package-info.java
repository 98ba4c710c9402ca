/**
 * How Axon is wired: storage in our own snake_case tables, Jackson for events with a mapper of
 * its own, audit metadata on every message, and answers that wait for the views.
 */
package coop.cooperative.app.axon;
