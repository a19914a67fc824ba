package dev.funnel.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import dev.funnel.event.DomainEvent;
import dev.funnel.event.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Business counters, on /q/metrics next to the GraphQL timings and the JDBC pool figures:
 * {@code funnel_stage_changes_total{trigger,to}}, {@code funnel_conversions_total} and
 * {@code funnel_conversion_replays_total}. Changes are counted from their domain events once their
 * transaction has committed (event/Events), so a rolled-back conversion is not counted.
 */
@ApplicationScoped
public class FunnelMetrics {

    private final MeterRegistry registry;
    private final Counter conversions;
    private final Counter replays;

    public FunnelMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.conversions = Counter.builder("funnel.conversions").description("Quotes converted into invoices")
                .register(registry);
        this.replays = Counter.builder("funnel.conversion.replays")
                .description("convertQuote calls answered from an earlier call with the same idempotency key")
                .register(registry);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent event) {
        if (event.type() == EventType.CONTACT_STAGE_CHANGED) {
            registry.counter("funnel.stage.changes", "trigger", event.data().getString("trigger"), "to",
                    event.data().getString("to")).increment();
        } else if (event.type() == EventType.QUOTE_CONVERTED) {
            conversions.increment();
        }
    }

    /** A replayed conversion changes nothing and emits no event; it is counted as it is answered. */
    public void replayed() {
        replays.increment();
    }
}
