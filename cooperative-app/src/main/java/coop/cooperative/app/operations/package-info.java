/**
 * Running the installation: rebuilding a projection from the events while the app serves
 * (replay), and the dead letters that projections parked. For the installation's administrator.
 */
package coop.cooperative.app.operations;
