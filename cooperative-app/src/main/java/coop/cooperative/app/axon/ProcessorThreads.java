package coop.cooperative.app.axon;

import org.axonframework.common.AxonThreadFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Which processor a coordinator thread works for. A pooled streaming processor opens its event
 * stream on its coordinator thread, so {@link PacedEventStore} learns from here whose stream it
 * opens, and can wake exactly the processors a waiting request needs.
 */
@Component
class ProcessorThreads {

    private final Map<Thread, String> processors = new WeakHashMap<>();

    /** The coordinator executor of this processor, as Axon makes it, with threads that remember their processor. */
    ScheduledExecutorService coordinatorOf(String processorName) {
        ThreadFactory axon = new AxonThreadFactory("Coordinator[" + processorName + "]");
        return Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = axon.newThread(runnable);
            synchronized (processors) {
                processors.put(thread, processorName);
            }
            return thread;
        });
    }

    /** The processor the calling thread coordinates, or null for any other thread. */
    String processorOfCurrentThread() {
        synchronized (processors) {
            return processors.get(Thread.currentThread());
        }
    }
}
