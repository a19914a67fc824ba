package dev.funnel.common;

import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The totals of several lists of one batch (the interactions of each contact of a page...), counted
 * by one statement the first time a client asks for any of them, and never when none is asked for.
 */
public final class LazyCounts {

    private final Supplier<Map<Long, Long>> statement;
    private Map<Long, Long> counted;

    public LazyCounts(Supplier<Map<Long, Long>> statement) {
        this.statement = statement;
    }

    /** The total of the list of {@code key}, as a supplier a connection can carry. */
    public LongSupplier of(long key) {
        return () -> counts().getOrDefault(key, 0L);
    }

    private synchronized Map<Long, Long> counts() {
        if (counted == null) {
            counted = statement.get();
        }
        return counted;
    }
}
