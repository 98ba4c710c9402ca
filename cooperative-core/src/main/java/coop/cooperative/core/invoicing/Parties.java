package coop.cooperative.core.invoicing;

import coop.cooperative.core.shared.Refusal;
import coop.cooperative.core.invoicing.api.Address;
import coop.cooperative.core.shared.DomainException.RuleViolation;
import coop.cooperative.core.shared.Texts;

import java.util.regex.Pattern;

/** What an invoice needs to know of a party (the cooperative or a client) before it may name them. */
final class Parties {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** A VAT number as EU member states write it: the country prefix, then 2 to 13 letters and digits. */
    private static final Pattern VAT_NUMBER = Pattern.compile("[A-Z]{2}[0-9A-Z+*]{2,13}");
    private static final Pattern DUTCH_VAT_NUMBER = Pattern.compile("NL[0-9]{9}B[0-9]{2}");

    private Parties() {
    }

    static String requireText(String text, String field, int max) {
        Texts.requirePlain(text, field);
        if (text == null || text.isBlank() || text.strip().length() > max || text.contains("\n")) {
            throw new RuleViolation(Refusal.INVOICING_TEXT, field + " is required, on one line of at most " + max + " characters",
                    field, max);
        }
        return text.strip();
    }

    static String requireCountry(String code, String field) {
        if (code == null || !COUNTRY.matcher(code).matches()) {
            throw new RuleViolation(Refusal.INVOICING_COUNTRY, field + " must be a country code of two capital letters such as NL",
                    field);
        }
        return code;
    }

    static Address requireAddress(Address address, String field) {
        if (address == null) {
            throw new RuleViolation(Refusal.INVOICING_ADDRESS, field + " is required", field);
        }
        return new Address(requireText(address.street(), field + ".street", 200),
                requireText(address.postalCode(), field + ".postalCode", 20),
                requireText(address.city(), field + ".city", 100),
                requireCountry(address.countryCode(), field + ".countryCode"));
    }

    /** A VAT number, or null when none is given; a Dutch one has the form NL123456789B01. */
    static String optionalVatNumber(String vatNumber, String field) {
        if (vatNumber == null || vatNumber.isBlank()) {
            return null;
        }
        String number = vatNumber.strip().replace(" ", "").replace(".", "").toUpperCase(java.util.Locale.ROOT);
        if (!VAT_NUMBER.matcher(number).matches()
                || (number.startsWith("NL") && !DUTCH_VAT_NUMBER.matcher(number).matches())) {
            throw new RuleViolation(Refusal.INVOICING_VAT_NUMBER, field + " must be a VAT number such as NL123456789B01", field);
        }
        return number;
    }
}
