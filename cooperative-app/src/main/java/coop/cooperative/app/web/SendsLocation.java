package coop.cooperative.app.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation's success answer carries a {@code Location} header with the address of what it
 * created or started. The OpenAPI description says so ({@code ApiOperations}); the annotation
 * changes nothing at run time, where the controller sets the header itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SendsLocation {
}
