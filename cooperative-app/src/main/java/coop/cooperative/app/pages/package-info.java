/**
 * The pages people use, server-rendered with Thymeleaf, in Dutch and English, behind the same
 * sign-in and role checks as the API. They call the same services as the API does.
 */
package coop.cooperative.app.pages;
