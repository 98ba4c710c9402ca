/**
 * What members hear by mail while the installation sends mail: a cost waiting for their approval, a
 * decision on their cost, a claim filed (to treasurers), a payout made, a project's continuity at
 * risk (to admins); each in the recipient's language, each once, each with a setting to turn it off
 * ({@code /api/me/settings}).
 */
package coop.cooperative.app.notifications;
