package coop.cooperative.app.invoicing;

import coop.cooperative.app.web.Amounts;
import coop.cooperative.app.web.InvalidRequestException;
import coop.cooperative.core.shared.Money;
import org.springframework.validation.BindingResult;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;

/** The invoicing pages' forms send every field as text, read here into field errors, so a bad field never reaches a command. */
final class InvoiceForms {

    private InvoiceForms() {
    }

    /** A date as the browser sends it (yyyy-mm-dd); a field error when it is missing or unreadable. */
    static LocalDate date(BindingResult errors, String field, String text) {
        if (text == null || text.isBlank()) {
            errors.rejectValue(field, "invoicing.field.dateRequired");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "invoicing.field.dateInvalid");
            return null;
        }
    }

    /** An amount of more than zero in the cooperative's currency; a field error otherwise. */
    static Money amount(BindingResult errors, String field, String text, Currency currency) {
        try {
            return Amounts.positive(field, text == null ? "" : text.strip().replace(',', '.'), currency);
        } catch (InvalidRequestException e) {
            errors.rejectValue(field, "invoicing.field.amountInvalid");
            return null;
        }
    }
}
