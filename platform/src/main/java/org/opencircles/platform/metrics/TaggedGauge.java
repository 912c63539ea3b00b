package org.opencircles.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gauge with one tag whose values are counted from the database every few seconds (emails by state, follow-ups by
 * reason): a value seen once stays, at 0 when a later count no longer has it, so an alert sees it clear.
 */
public final class TaggedGauge {

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final String tag;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public TaggedGauge(
            MeterRegistry registry, String name, String description, String tag, Collection<String> alwaysShown) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.tag = tag;
        alwaysShown.forEach(this::value);
    }

    /** Sets every tag value counted now; those not in {@code counted} go to 0. */
    public void set(Map<String, ? extends Number> counted) {
        values.forEach((key, value) -> {
            if (!counted.containsKey(key)) {
                value.set(0);
            }
        });
        counted.forEach((key, count) -> value(key).set(count.longValue()));
    }

    /** Sets the gauge from a query's rows: the tag value in column 0, its count in column {@code column}. */
    public void setRows(List<Object[]> rows, int column) {
        Map<String, Long> counted = new HashMap<>();
        rows.forEach(r -> counted.put(String.valueOf(r[0]), ((Number) r[column]).longValue()));
        set(counted);
    }

    private AtomicLong value(String key) {
        return values.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get)
                    .description(description)
                    .tag(tag, k)
                    .register(registry);
            return value;
        });
    }
}
