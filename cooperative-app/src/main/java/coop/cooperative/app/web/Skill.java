package coop.cooperative.app.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A skill as members write it: "ux", "Java", "c#", "project management". */
@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 +#./-]{0,39}")
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Skill {

    String message() default "must be letters, digits, spaces or + # . / -, at most 40 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
