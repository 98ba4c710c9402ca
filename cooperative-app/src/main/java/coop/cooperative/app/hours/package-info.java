/** Hours over HTTP: a member logs, corrects and withdraws their own hours; totals and development budgets. */
package coop.cooperative.app.hours;
