/**
 * Erasing a departed member's personal data (GDPR article 17): the command, and the deletion of
 * everything beside the event store that links the member id to the person (docs/data.md, "Erasure").
 */
package coop.cooperative.app.erasure;
