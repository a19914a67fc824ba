package dev.funnel.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.funnel.contact.StageTrigger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Business counters, on /q/metrics next to the GraphQL timings and the JDBC pool figures:
 * {@code funnel_stage_changes_total{trigger,to}}, {@code funnel_conversions_total} and
 * {@code funnel_conversion_replays_total}. A change made in a transaction counts once that
 * transaction commits, so a rolled-back conversion is not counted.
 */
@ApplicationScoped
public class FunnelMetrics {

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    private final Counter conversions;
    private final Counter replays;

    public FunnelMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
        this.conversions = Counter.builder("funnel.conversions").description("Quotes converted into invoices")
                .register(registry);
        this.replays = Counter.builder("funnel.conversion.replays")
                .description("convertQuote calls answered from an earlier call with the same idempotency key")
                .register(registry);
    }

    public void stageChanged(StageTrigger trigger, String to) {
        afterCommit(registry.counter("funnel.stage.changes", "trigger", trigger.name(), "to", to));
    }

    public void converted() {
        afterCommit(conversions);
    }

    public void replayed() {
        afterCommit(replays);
    }

    private void afterCommit(Counter counter) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            counter.increment();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }
}
