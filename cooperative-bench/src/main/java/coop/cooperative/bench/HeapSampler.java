package coop.cooperative.bench;

import java.lang.management.ManagementFactory;

/** Samples the heap in use every 100 ms: the most the application needed at any moment of the run. */
final class HeapSampler {
    private static volatile long highest;

    static void start() {
        Thread sampler = new Thread(() -> {
            while (true) {
                highest = Math.max(highest, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static long highest() {
        return highest;
    }
}
