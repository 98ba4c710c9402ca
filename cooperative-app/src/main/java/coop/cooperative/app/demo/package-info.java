/**
 * The demo cooperative: a realistic, broodfonds-sized collective seeded on an empty store when
 * the app runs with the "demo" profile, through the same commands as real use.
 */
package coop.cooperative.app.demo;
