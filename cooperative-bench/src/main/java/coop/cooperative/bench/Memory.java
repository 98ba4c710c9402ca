package coop.cooperative.bench;

import coop.cooperative.bench.Benchmark.Figure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bench's memory figures: the heap in use sampled every 100 ms (the most the application needed
 * at any moment of the run), and what the heap and the whole JVM hold at the end.
 */
final class Memory {
    private static volatile long highest;

    static void startSampling() {
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

    static List<Figure> figures(String db) throws IOException {
        System.gc();
        long usedHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return List.of(new Figure(db, "heap used after GC (live data), MB", usedHeap / 1048576.0, "MB"),
                new Figure(db, "heap used, highest sample, MB", highest / 1048576.0, "MB"),
                new Figure(db, "resident memory now, MB", residentMegabytes("VmRSS"), "MB"),
                new Figure(db, "resident memory peak (VmHWM), MB", residentMegabytes("VmHWM"), "MB"));
    }

    private static double residentMegabytes(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return Double.NaN;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(l -> l.startsWith(field + ":"))
                    .map(l -> l.replaceAll("[^0-9]", ""))
                    .mapToDouble(kb -> Long.parseLong(kb) / 1024.0)
                    .findFirst().orElse(Double.NaN);
        }
    }
}
