/**
 * The Spring Boot application: REST API, security, Axon and storage configuration, demo data.
 */
package coop.cooperative.app;
