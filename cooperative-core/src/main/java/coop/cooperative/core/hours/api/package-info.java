/**
 * The published language of hours: a member's timesheet entries of kind PROJECT, DEVELOPMENT or
 * COOPERATIVE, with their corrections and withdrawals.
 */
package coop.cooperative.core.hours.api;
