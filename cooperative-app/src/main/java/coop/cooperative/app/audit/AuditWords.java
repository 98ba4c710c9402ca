package coop.cooperative.app.audit;

import coop.cooperative.core.shared.MemberId;
import coop.cooperative.projections.audit.AuditFact;
import coop.cooperative.projections.audit.AuditQueries.AuditEntry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit entry in the reader's language: the sentence of its kind ({@code audit.event.<Kind>} in
 * the bundles, with {@code {name}} for each value the event carries, {@code {actor}} for who did it),
 * its values formatted as the pages format them ({@code € 240,00}, {@code 4 dec 2026}), members by
 * name or as "former member N". Codes (roles, kinds of hours) have words of their own
 * ({@code audit.value.<name>.<CODE>}), and so may a value left out ({@code audit.absent.<name>}). The sentences are read without MessageFormat, so a quote is
 * written as it is.
 */
@Component
class AuditWords {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final MessageSource messages;
    private final Clock clock;

    AuditWords(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    String sentence(AuditEntry entry, String actor, Function<MemberId, String> nameOf, Locale locale) {
        String template = text("audit.event." + entry.kind(), locale);
        if (template == null) {
            template = text("audit.event.unknown", locale);
        }
        Map<String, AuditFact> facts = entry.facts();
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder sentence = new StringBuilder();
        while (placeholders.find()) {
            String name = placeholders.group(1);
            String value;
            if (name.equals("actor")) {
                value = actor;
            } else if (name.equals("kind") && !facts.containsKey("kind")) {
                value = kind(entry.kind(), locale);
            } else {
                AuditFact fact = facts.get(name);
                value = fact != null ? format(name, fact, nameOf, locale) : absent(name, locale);
            }
            placeholders.appendReplacement(sentence, Matcher.quoteReplacement(value));
        }
        placeholders.appendTail(sentence);
        return sentence.toString();
    }

    /** The short name of a kind of event, for the filter and the CSV. */
    String kind(String kind, Locale locale) {
        String words = text("audit.kind." + kind, locale);
        return words != null ? words : kind;
    }

    String system(Locale locale) {
        return text("audit.person.system", locale);
    }

    String outsider(Locale locale) {
        return text("audit.person.outsider", locale);
    }

    String formerMember(Integer number, Locale locale) {
        String words = text("audit.person.formerMember", locale);
        return words.replace("{number}", number == null ? "" : number.toString()).strip();
    }

    String time(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(at.atZone(clock.getZone()));
    }

    private String format(String name, AuditFact fact, Function<MemberId, String> nameOf, Locale locale) {
        return switch (fact.type()) {
            case MEMBER -> nameOf.apply(fact.member());
            case MONEY -> money(fact.value(), locale);
            case DATE -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(LocalDate.parse(fact.value()));
            case MONTH -> DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(YearMonth.parse(fact.value()));
            case NUMBER -> number(fact.value(), locale);
            case TEXT -> {
                String code = text("audit.value." + name + "." + fact.value(), locale);
                yield code != null ? code : fact.value();
            }
        };
    }

    /** What a value left out means, where it means something ({@code audit.absent.paidBy}: the cooperative paid). */
    private String absent(String name, Locale locale) {
        String words = text("audit.absent." + name, locale);
        return words != null ? words : "";
    }

    private static String money(String value, Locale locale) {
        String[] amountAndCurrency = value.split(" ");
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(amountAndCurrency[1]));
        return format.format(new BigDecimal(amountAndCurrency[0]));
    }

    /** Without grouping: the numbers here are hours and years, and a year reads 2026, never 2.026. */
    private static String number(String value, Locale locale) {
        BigDecimal number = new BigDecimal(value);
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(Math.max(0, number.scale()));
        return format.format(number);
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, null, locale);
    }
}
