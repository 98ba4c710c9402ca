package coop.cooperative.projections;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a projection fills from events and nothing else writes: what a rebuild builds anew
 * beside the live ones and swaps in. A table the view reads but does not own (another view's, or
 * one the application writes) is not named here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ViewTables {

    /** Table names as in the migrations: lower case, unquoted. */
    String[] value();

    /**
     * The tables among them whose secondary indexes a rebuild builds once it has loaded them, not
     * row by row: those the view's event handlers write and delete by primary key only. Any other
     * table keeps its indexes while it is loaded, as a handler may look rows up by them.
     */
    String[] indexedAfterLoad() default {};
}
