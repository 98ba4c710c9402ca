package coop.cooperative.projections.audit;

import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One value of an event as the audit trail keeps it: what it is (so the reader's language can format
 * it: an amount, a date, a member to name) and its text. Stored as {@code name=type:value} pairs.
 */
public record AuditFact(Type type, String value) {

    public enum Type { MONEY, DATE, MONTH, MEMBER, NUMBER, TEXT }

    /** The fact for a value an event carries, if the trail keeps values of its kind. */
    static Optional<AuditFact> of(Object value) {
        if (value instanceof Money money) {
            return Optional.of(new AuditFact(Type.MONEY, money.amount().toPlainString() + " " + money.currency().getCurrencyCode()));
        }
        if (value instanceof LocalDate date) {
            return Optional.of(new AuditFact(Type.DATE, date.toString()));
        }
        if (value instanceof YearMonth month) {
            return Optional.of(new AuditFact(Type.MONTH, month.toString()));
        }
        if (value instanceof MemberId member) {
            return Optional.of(new AuditFact(Type.MEMBER, member.value().toString()));
        }
        if (value instanceof BigDecimal || value instanceof Integer || value instanceof Long) {
            return Optional.of(new AuditFact(Type.NUMBER, value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString()));
        }
        if (value instanceof String || value instanceof Enum<?>) {
            return Optional.of(new AuditFact(Type.TEXT, value.toString()));
        }
        return Optional.empty();
    }

    public MemberId member() {
        return new MemberId(UUID.fromString(value));
    }

    static String encode(Map<String, AuditFact> facts) {
        return facts.entrySet().stream()
                .map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue().type() + ":" + f.getValue().value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, AuditFact> decode(String text) {
        Map<String, AuditFact> facts = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return facts;
        }
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            String typed = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            int colon = typed.indexOf(':');
            facts.put(pair.substring(0, equals), new AuditFact(Type.valueOf(typed.substring(0, colon)), typed.substring(colon + 1)));
        }
        return facts;
    }
}
