package dev.funnel.event;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Events and their delivery (README, "Events and webhooks"; docs/events.md). */
@ConfigMapping(prefix = "funnel.events")
public interface EventsConfig {

    /** How long the replay log keeps an event (and its deliveries). */
    @WithDefault("30d")
    Duration retention();

    /**
     * How often the relay looks for work that another instance committed; work committed by this
     * instance wakes it, within the batch window.
     */
    @WithDefault("500ms")
    Duration pollInterval();

    /**
     * The shortest time between the starts of two relay cycles woken by commits: a change committed
     * after a quiet spell is numbered at once, and under load the commits of a window are numbered
     * and delivered together (webhook attempts that end ask for cycles of their own, within 50 ms).
     * Latency under load for less work per change (docs/events.md, "Latency").
     */
    @WithDefault("200ms")
    Duration batchWindow();

    /** Whether this instance runs the relay (numbering, webhook delivery, retention). */
    @WithDefault("true")
    boolean relay();

    /** Webhook delivery. */
    Webhooks webhooks();

    interface Webhooks {

        /** An attempt that has no 2xx answer within this time has failed. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * The waits between attempts, after the first: each is spread by the jitter. The default
         * tries 10 times over about 3 days.
         */
        @WithDefault("5s,5m,30m,2h,5h,10h,14h,20h,24h")
        List<Duration> retryDelays();

        /** Each wait is drawn uniformly within this fraction of its value, either way. */
        @WithDefault("0.1")
        double jitter();

        /** An endpoint whose every delivery has failed for this long is disabled, with the reason. */
        @WithDefault("72h")
        Duration disableAfter();

        /** After rotateWebhookSecret, deliveries carry a signature with the previous secret too, for this long. */
        @WithDefault("24h")
        Duration rotationOverlap();

        /**
         * Whether endpoint URLs may resolve to loopback, private, link-local (cloud metadata) or
         * other non-public addresses. Off in production; on in dev mode and tests.
         */
        @WithDefault("false")
        boolean allowPrivateDestinations();

        /** Attempts in flight at once, per instance. */
        @WithDefault("64")
        int maxInFlight();

        /**
         * How long an instance's claim on an attempt lasts: if the instance dies, another takes
         * the attempt over after this. Longer than the timeout.
         */
        @WithDefault("60s")
        Duration claimLease();
    }
}
