package coop.cooperative.app.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Axon's metrics, with a lighter set for the event processors: the counts and timers of the
 * messages they handle, under Axon's names and tags, without Axon's latency and capacity monitors.
 * Each processor sees every event, including the many it ignores, and those two monitors worked on
 * each of them: parsing the event's timestamp again and adding to a sliding window. In a rebuild of
 * every view they took a sixth of the CPU, and their windows most of the live heap. How far a view
 * is behind is the gauge {@code cooperative.projection.behind} instead (in events, not time).
 */
@Component
class EventProcessorMetrics extends GlobalMetricRegistry {

    private static final String EVENT_PROCESSOR = "eventProcessor";

    private final MeterRegistry registry;

    EventProcessorMetrics(MeterRegistry registry) {
        super(registry);
        this.registry = registry;
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType, String componentName) {
        if (!EventProcessor.class.isAssignableFrom(componentType)) {
            return super.registerComponentWithDefaultTags(componentType, componentName);
        }
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(EVENT_PROCESSOR, registry, message -> Tags.of(
                        TagsUtil.PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName(),
                        TagsUtil.PROCESSOR_NAME_TAG, componentName)),
                MessageCountingMonitor.buildMonitor(EVENT_PROCESSOR, registry, message -> Tags.of(
                        TagsUtil.PROCESSOR_NAME_TAG, componentName))));
    }
}
