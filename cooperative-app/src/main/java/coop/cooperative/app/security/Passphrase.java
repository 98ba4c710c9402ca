package coop.cooperative.app.security;

import com.nulabinc.zxcvbn.Zxcvbn;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A password a member may choose: 12 characters or more, at most {@value #MOST_BYTES} bytes (all
 * that bcrypt reads; the rest would be ignored, or refused with an error), and hard to guess as
 * zxcvbn measures it (score {@value #LEAST_SCORE} of 4: "aaaaaaaaaaaa" and "password1234" are not).
 */
@Documented
@Constraint(validatedBy = Passphrase.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Passphrase {

    int MOST_BYTES = 72;
    int LEAST_SCORE = 3;

    String message() default "must be at least 12 characters, at most 72 bytes, and hard to guess";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Passphrase, String> {

        private static final Zxcvbn STRENGTH = new Zxcvbn();

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            if (password == null) {
                return true; // @NotBlank says it is required
            }
            String problem = problem(password);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        static String problem(String password) {
            if (password.length() < 12) {
                return "must be at least 12 characters long";
            }
            if (!fitsBcrypt(password)) {
                return "must be at most " + MOST_BYTES + " bytes long (UTF-8): bcrypt reads no more";
            }
            if (STRENGTH.measure(password).getScore() < LEAST_SCORE) {
                return "is too easy to guess; a few unrelated words make a strong password";
            }
            return null;
        }

        /** Whether bcrypt reads all of this password. */
        static boolean fitsBcrypt(String password) {
            return password.getBytes(StandardCharsets.UTF_8).length <= MOST_BYTES;
        }
    }
}
