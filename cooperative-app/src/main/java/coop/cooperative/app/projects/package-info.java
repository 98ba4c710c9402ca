/**
 * Projects over HTTP: registering and planning projects, assigning members, ending assignments
 * (also when a member leaves), and the clients invited to see a project.
 */
package coop.cooperative.app.projects;
