package coop.cooperative.app.operations;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Meters as Prometheus's own linter ({@code promtool check metrics}) wants them, whoever made them:
 * names and tag keys in snake_case (Axon's {@code commandBus.successCounter} with the tag
 * {@code payloadType} becomes {@code command_bus_success_total} with {@code payload_type}),
 * times in seconds (Micrometer's two in ms and ns are counted again in seconds by {@link TimesInSeconds}),
 * no counter named a counter, no gauge ending in {@code _count}, and a help text on
 * every meter (Axon's, and those Spring times from its observations, come without one). Our own
 * meters are snake_case already and keep their names. Spring Boot applies it to every registry
 * before the first meter is made.
 */
@Component
final class MetricConventions implements MeterFilter {

    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern AXON = Pattern.compile("(command_bus|query_bus|event_store|event_processor)\\.[a-z]+_counter");
    /** Micrometer's gauge {@code system.cpu.count} would be a histogram's count to Prometheus. */
    private static final Map<String, String> NAMES = Map.of("system.cpu.count", "system.cpu.processors");
    /** The two times Micrometer counts in ms and ns; {@link TimesInSeconds} counts them in seconds. */
    private static final Map<String, String> NOT_IN_SECONDS = Map.of("jvm.compilation.time", "ms", "process.cpu.time", "ns");

    /** Axon's message monitors, one meter per component and measure. */
    private static final Map<String, String> AXON_COMPONENTS = Map.of(
            "command_bus", "commands on the command bus",
            "query_bus", "queries on the query bus",
            "event_store", "events published to the event store",
            "event_processor", "events in the event processors (projections and policies)");
    private static final Map<String, String> AXON_MEASURES = Map.ofEntries(
            Map.entry("all_timer", "Axon: time taken by %s"),
            Map.entry("success_timer", "Axon: time taken by %s that succeeded"),
            Map.entry("failure_timer", "Axon: time taken by %s that failed"),
            Map.entry("ignored_timer", "Axon: time taken by %s that no handler took"),
            Map.entry("ingested_counter", "Axon: %s received"),
            Map.entry("processed_counter", "Axon: %s handled, successfully or not"),
            Map.entry("success_counter", "Axon: %s that succeeded"),
            Map.entry("failure_counter", "Axon: %s that failed"),
            Map.entry("ignored_counter", "Axon: %s that no handler took"));
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "http.server.requests", "HTTP requests answered, by method, path pattern, status and outcome",
            "http.server.requests.active", "HTTP requests being answered",
            "spring.security.authorizations", "Spring Security's authorization decisions",
            "spring.security.filterchains", "Requests through Spring Security's filter chain",
            "spring.security.http.secured.requests", "Requests through Spring Security's filter chain, in all");

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = NAMES.getOrDefault(id.getName(), snake(id.getName()));
        if (AXON.matcher(name).matches()) {
            // a counter's type is no part of its name: command_bus_success_total, not ..._counter_total
            name = name.substring(0, name.length() - "_counter".length());
        }
        List<Tag> tags = id.getTags().stream().map(tag -> Tag.of(snake(tag.getKey()), tag.getValue())).toList();
        String description = id.getDescription() == null || id.getDescription().isBlank()
                ? describe(id.getName()) : id.getDescription();
        if (name.equals(id.getName()) && tags.equals(id.getTags()) && description.equals(id.getDescription())) {
            return id;
        }
        return new Meter.Id(name, Tags.of(tags), id.getBaseUnit(), description, id.getType());
    }

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return id.getBaseUnit() != null && id.getBaseUnit().equals(NOT_IN_SECONDS.get(id.getName()))
                ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    static String snake(String name) {
        return CAMEL.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A help text for a meter that came without one: Axon's by what they measure, others by their name. */
    static String describe(String meter) {
        String name = snake(meter);
        int dot = name.indexOf('.');
        if (dot > 0 && AXON_COMPONENTS.containsKey(name.substring(0, dot))
                && AXON_MEASURES.containsKey(name.substring(dot + 1))) {
            return AXON_MEASURES.get(name.substring(dot + 1)).formatted(AXON_COMPONENTS.get(name.substring(0, dot)));
        }
        if (DESCRIPTIONS.containsKey(name)) {
            return DESCRIPTIONS.get(name);
        }
        if (name.startsWith("spring.security.filterchains.") && (name.endsWith(".before") || name.endsWith(".after"))) {
            // the filters' own counters: spring.security.filterchains.<filter>.before/after
            return "Spring Security: requests " + (name.endsWith(".before") ? "entering " : "leaving ")
                    + name.substring("spring.security.filterchains.".length(), name.lastIndexOf('.')).replace('.', ' ')
                    + " in the filter chain";
        }
        return name.replace('.', ' ').replace('_', ' ');
    }
}
