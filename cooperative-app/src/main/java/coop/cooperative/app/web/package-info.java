/**
 * What every HTTP answer shares: RFC 9457 problem details for every refusal, and a correlation
 * id per request that reaches the log and the events.
 */
package coop.cooperative.app.web;
