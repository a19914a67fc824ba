package dev.funnel.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for something the server does in the background (the relay numbering events, a webhook
 * arriving): reads {@code probe} until {@code done} holds, every 50 ms, and fails with what was
 * last read after {@code timeout}. The one polling loop of the tests.
 */
public final class Await {

    private Await() {
    }

    public static <T> T until(Supplier<T> probe, Predicate<T> done, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " did not happen within " + timeout + "; last seen: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }
}
