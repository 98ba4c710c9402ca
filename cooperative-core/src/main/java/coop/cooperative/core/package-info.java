/**
 * The domain of Cooperative: commands, events, aggregates and value objects.
 * Free of Spring, JPA, web and Jackson; depends on Axon's modelling API only.
 */
package coop.cooperative.core;
