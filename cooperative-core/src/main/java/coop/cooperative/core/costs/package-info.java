/**
 * Shared costs: the {@code SharedCost} aggregate (submitted, approved or rejected, reversed), the
 * pure {@code CostSplit} allocation, and the {@code RecurringCost} aggregate that submits each
 * occurrence exactly once.
 */
package coop.cooperative.core.costs;
