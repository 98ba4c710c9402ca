package coop.cooperative.app.web;

import coop.cooperative.core.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The {@code detail} of a refused API request in the request's language ({@code Accept-Language},
 * resolved as for the pages): in English the rule's own message; in another language the words of
 * its code ({@code refusal.<code>} in the bundles), with dates, months and amounts written as the
 * API writes them ({@code 2026-03-01}, {@code 2026-03}, {@code 1234.50}), so a client can read them
 * back. Where a bundle has no words for the code, the English message.
 */
@Component
class RefusalDetails {

    private final MessageSource messages;

    RefusalDetails(MessageSource messages) {
        this.messages = messages;
    }

    String say(DomainException refusal) {
        Locale locale = LocaleContextHolder.getLocale();
        if (Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return refusal.getMessage();
        }
        Object[] values = refusal.values().stream().map(RefusalDetails::plain).toArray();
        return messages.getMessage("refusal." + refusal.code(), values, refusal.getMessage(), locale);
    }

    /** Text, so that MessageFormat does not group digits or format dates its own way. */
    private static String plain(Object value) {
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
