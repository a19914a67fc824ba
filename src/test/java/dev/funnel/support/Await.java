package dev.funnel.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for something the server does in the background (the relay numbering events, a webhook
 * arriving), through Awaitility: reads {@code probe} every 50 ms until {@code done} holds, and
 * fails with what was last read.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(50);

    private Await() {
    }

    /** The first value of {@code probe} for which {@code done} holds, within {@code timeout}. */
    public static <T> T until(Supplier<T> probe, Predicate<T> done, Duration timeout, String what) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            return Awaitility.await(what).atMost(timeout).pollInterval(POLL).pollDelay(Duration.ZERO)
                    .until(() -> remember(last, probe.get()), done::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + " did not happen within " + timeout + "; last seen: " + last.get(), e);
        }
    }

    /**
     * That {@code holds} stays true of {@code probe} for the whole of {@code period}: what a test
     * uses to show that nothing more arrives (no second delivery, no other team's event).
     */
    public static <T> void holds(Supplier<T> probe, Predicate<T> holds, Duration period, String what) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            Awaitility.await(what).during(period).atMost(period.plusSeconds(5)).pollInterval(POLL)
                    .until(() -> remember(last, probe.get()), holds::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + " did not hold for " + period + "; last seen: " + last.get(), e);
        }
    }

    private static <T> T remember(AtomicReference<T> last, T value) {
        last.set(value);
        return value;
    }
}
