package coop.cooperative.app.pages;

import coop.cooperative.core.shared.DomainException;
import coop.cooperative.core.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A refusal of the domain in the reader's language: the words of its code ({@code refusal.<code>}
 * in the bundles), with its dates, months and amounts formatted as the pages format them. A code the
 * bundles have no words for is shown in the rule's own (English) text.
 * Every page says refusals through this one class.
 */
@Component
public class RefusalWords {

    private final MessageSource messages;
    private final Formats fmt;

    RefusalWords(MessageSource messages, Formats fmt) {
        this.messages = messages;
        this.fmt = fmt;
    }

    public String say(DomainException refusal) {
        Object[] values = refusal.values().stream().map(this::format).toArray();
        return messages.getMessage("refusal." + refusal.code(), values, refusal.getMessage(),
                LocaleContextHolder.getLocale());
    }

    /** Text, so that MessageFormat does not format numbers and dates its own way. */
    private Object format(Object value) {
        if (value instanceof LocalDate date) {
            return fmt.date(date);
        }
        if (value instanceof YearMonth month) {
            return fmt.month(month);
        }
        if (value instanceof Money money) {
            return fmt.money(money);
        }
        if (value instanceof BigDecimal number) {
            return fmt.number(number);
        }
        if (value instanceof Enum<?> word) {
            return messages.getMessage("role." + word.name(), null, word.name(), LocaleContextHolder.getLocale());
        }
        return String.valueOf(value);
    }
}
