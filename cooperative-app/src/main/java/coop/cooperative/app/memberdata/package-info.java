/**
 * The cooperative's data in people's hands: a member's own data as files to take elsewhere
 * (GDPR article 20).
 */
package coop.cooperative.app.memberdata;
