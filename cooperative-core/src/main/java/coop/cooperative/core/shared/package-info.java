/**
 * Value objects every module speaks: money, typed identifiers and the domain's exceptions.
 */
package coop.cooperative.core.shared;
