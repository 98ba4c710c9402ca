package coop.cooperative.app.admin;

import org.springframework.validation.BindingResult;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The admin's forms send every field as text, read here, so a form with an unreadable date still binds and shows its errors. */
final class FormFields {

    private FormFields() {
    }

    /** A date field as the browser sends it (yyyy-mm-dd); a field error when it is missing or unreadable. */
    static LocalDate date(BindingResult errors, String field, String text) {
        if (errors.hasFieldErrors(field)) {
            return null;
        }
        if (text == null || text.isBlank()) {
            errors.rejectValue(field, "admin.field.dateRequired");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "admin.field.dateInvalid");
            return null;
        }
    }
}
