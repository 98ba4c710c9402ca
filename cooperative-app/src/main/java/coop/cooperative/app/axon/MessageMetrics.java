package coop.cooperative.app.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Function;

/**
 * Axon's message metrics, lighter: the counts and timers of the messages that the event processors
 * and the command and query buses handle, under Axon's names and tags, without Axon's capacity
 * monitor, and without its latency monitor on the processors.
 * <ul>
 * <li>Each processor sees every event, including the many it ignores, and those two monitors worked
 * on each of them: parsing the event's timestamp again and adding to a sliding window. In a rebuild
 * of every view they took a sixth of the CPU, and their windows most of the live heap. How far a
 * view is behind is the gauge {@code cooperative.projection.behind} instead (in events, not time).
 * <li>On the buses the capacity monitor registers its gauge again for every message, which
 * Micrometer refuses with a warning at the first command.
 * </ul>
 */
@Component
class MessageMetrics extends GlobalMetricRegistry {

    private static final String EVENT_PROCESSOR = "eventProcessor";

    private final MeterRegistry registry;

    MessageMetrics(MeterRegistry registry) {
        super(registry);
        this.registry = registry;
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType, String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return timedAndCounted(EVENT_PROCESSOR, message -> Tags.of(
                    TagsUtil.PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName(),
                    TagsUtil.PROCESSOR_NAME_TAG, componentName), message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, componentName));
        }
        if (CommandBus.class.isAssignableFrom(componentType) || QueryBus.class.isAssignableFrom(componentType)) {
            Function<Message<?>, Iterable<Tag>> byPayload =
                    message -> Tags.of(TagsUtil.PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName());
            return timedAndCounted(componentName, byPayload, byPayload);
        }
        return super.registerComponentWithDefaultTags(componentType, componentName);
    }

    private MessageMonitor<Message<?>> timedAndCounted(String name, Function<Message<?>, Iterable<Tag>> timerTags,
                                                        Function<Message<?>, Iterable<Tag>> counterTags) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, registry, timerTags),
                MessageCountingMonitor.buildMonitor(name, registry, counterTags)));
    }
}
