/** The continuity report over HTTP, for members and for the clients of the projects it covers. */
package coop.cooperative.app.continuity;
