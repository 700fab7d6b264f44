package org.opendmp.server.soap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * VIHF figures on the metrics endpoint: {@code dmp.vihf.validation} (time spent validating accepted
 * assertions) and {@code dmp.vihf.refused} by reason.
 */
public final class VihfMetrics {

    private final MeterRegistry registry;
    private final Timer validation;
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();

    public VihfMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.validation = Timer.builder("dmp.vihf.validation")
                .description("Validation time of accepted VIHF assertions").register(registry);
    }

    void accepted(long nanos) {
        validation.record(nanos, TimeUnit.NANOSECONDS);
    }

    void refused(String reason) {
        refusals.computeIfAbsent(reason, r -> Counter.builder("dmp.vihf.refused").tag("reason", r)
                .description("VIHF assertions refused, by reason").register(registry)).increment();
    }
}
