package coop.cooperative.app.operations;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Micrometer's {@code process.cpu.time} (in ns) and {@code jvm.compilation.time} (in ms), counted in
 * seconds, as Prometheus wants a time: {@code process_cpu_seconds_total} (the name Prometheus's own
 * clients use) and {@code jvm_compilation_seconds_total}. {@link MetricConventions} turns the
 * originals away; Micrometer keeps their names taken, so these have names of their own.
 */
@Component
final class TimesInSeconds implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            FunctionCounter.builder("process.cpu", os, o -> o.getProcessCpuTime() / 1e9)
                    .baseUnit("seconds").description("The CPU time used by the Java virtual machine process")
                    .register(registry);
        }
        CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
        if (compilation != null && compilation.isCompilationTimeMonitoringSupported()) {
            FunctionCounter.builder("jvm.compilation", compilation, c -> c.getTotalCompilationTime() / 1e3)
                    .baseUnit("seconds").description("The time the JIT compiler has spent compiling")
                    .tag("compiler", compilation.getName()).register(registry);
        }
    }
}
