package dev.funnel.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.funnel.common.Ids;
import dev.funnel.event.EventRelay;
import dev.funnel.event.EventsConfig;
import dev.funnel.event.Payload;
import dev.funnel.event.RelayTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Webhook delivery, run by {@link EventRelay} on its thread (docs/events.md, "How delivery works").
 * <ul>
 * <li><b>Fan-out</b>: when the relay numbers events, each enabled endpoint of the event's team
 * whose filter matches gets a PENDING delivery, in the numbering transaction.</li>
 * <li><b>Claim</b>: due deliveries are claimed with {@code FOR UPDATE SKIP LOCKED}, each with a
 * fresh token and a lease: two instances never claim the same attempt, and the attempts of an
 * instance that dies are claimed again once their lease has passed.</li>
 * <li><b>Attempt</b>: a POST of the event with the Standard Webhooks headers, answered within the
 * timeout, redirects not followed. A 2xx is delivered; 410 Gone disables the endpoint; anything
 * else is retried on the schedule, then given up (FAILED). An endpoint failing for the whole
 * disable-after window is disabled with the reason.</li>
 * <li><b>Results</b> are written by the relay's thread, guarded by the claim's token: a result
 * that comes back after its claim was taken over changes nothing.</li>
 * </ul>
 * Delivery is at least once (an instance killed after the receiver answered but before the
 * result was written sends again); receivers de-duplicate on webhook-id, and order by the
 * team's sequence number.
 */
@ApplicationScoped
public class WebhookDispatcher implements RelayTask {

    private static final int RESPONSE_CHARS = 1000;

    private final EventsConfig.Webhooks config;
    private final EventRelay relay;
    private final HttpClient http;
    private final Semaphore slots;
    private final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter gaveUp;
    private final Counter retries;
    private final Counter disabled;
    private final AtomicLong disabledEndpoints = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestDueMillis = new AtomicLong();
    private final long pollNanos;
    /** Work this instance made since the last claim: deliveries created or rescheduled, attempts finished. */
    private final AtomicBoolean signalled = new AtomicBoolean(true);
    /** When the last claim found nothing (System.nanoTime()), or null while claims find work. */
    private Long idleSince;

    public WebhookDispatcher(EventsConfig config, EventRelay relay, MeterRegistry registry) {
        this.config = config.webhooks();
        this.pollNanos = config.pollInterval().toNanos();
        this.relay = relay;
        this.slots = new Semaphore(this.config.maxInFlight());
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        String name = "funnel.webhook.attempts";
        String help = "Webhook attempts by result";
        this.delivered = Counter.builder(name).tag("result", "delivered").description(help).register(registry);
        this.failedAttempts = Counter.builder(name).tag("result", "failed").description(help).register(registry);
        this.gaveUp = Counter.builder("funnel.webhook.deliveries.given.up")
                .description("Deliveries given up after the last attempt of the schedule (FAILED)").register(registry);
        this.retries = Counter.builder("funnel.webhook.retries")
                .description("Webhook attempts after the first of their delivery").register(registry);
        this.disabled = Counter.builder("funnel.webhook.endpoints.disabled.by.funnel")
                .description("Endpoints Funnel disabled (410 Gone, or failing for the whole window)").register(registry);
        Gauge.builder("funnel.webhook.endpoints.disabled", disabledEndpoints, AtomicLong::get)
                .description("Disabled webhook endpoints, all teams").register(registry);
        Gauge.builder("funnel.webhook.deliveries.pending", pending, AtomicLong::get)
                .description("Deliveries not yet delivered nor given up, all teams").register(registry);
        Gauge.builder("funnel.webhook.delivery.lag", oldestDueMillis, a -> a.get() / 1000.0).baseUnit("seconds")
                .description("How long the oldest due delivery has been waiting for its attempt (0 when none)")
                .register(registry);
    }

    private record Claim(long deliveryId, UUID token, long endpointId, int attempts, String url, List<String> secrets,
            String webhookId, String body) {
    }

    private record Result(Claim claim, Integer status, String response, String error) {
        boolean success() {
            return status != null && status >= 200 && status < 300;
        }
    }

    // ------------------------------------------------------------------ fan-out

    @Override
    public void numbered(Connection c, List<Long> eventIds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into webhook_delivery (team_id, endpoint_id, event_id, status, attempts, next_attempt_at, created_at)
                select e.team_id, w.id, e.id, 'PENDING', 0, now(), now()
                from event e join webhook_endpoint w on w.team_id = e.team_id and w.enabled
                     and (w.event_types is null or e.type = any (w.event_types))
                where e.id = any (?)
                on conflict (endpoint_id, event_id) do nothing
                """)) {
            Array ids = c.createArrayOf("bigint", eventIds.toArray());
            s.setArray(1, ids);
            if (s.executeUpdate() > 0) {
                signalled.set(true);
            }
        }
    }

    /** Deliveries were made due outside the relay (a redelivery): claim at the next cycle. */
    public void scheduled() {
        signalled.set(true);
        relay.wake();
    }

    // ------------------------------------------------------------------ a cycle

    @Override
    public boolean run() throws SQLException {
        record();
        int free = Math.min(slots.availablePermits(), 100);
        if (free == 0) {
            return false;
        }
        // After a claim that found nothing, the next one waits for work this instance made (numbering that
        // created deliveries, a result, a redelivery) or for the poll interval (retries coming due, other
        // instances' deliveries, expired leases): most cycles of an instance without webhooks claim nothing.
        if (!signalled.getAndSet(false) && idleSince != null && System.nanoTime() - idleSince < pollNanos) {
            return false;
        }
        List<Claim> claims = claim(free);
        idleSince = claims.isEmpty() ? Long.valueOf(System.nanoTime()) : null;
        for (Claim claim : claims) {
            slots.acquireUninterruptibly();
            send(claim);
        }
        return claims.size() == free && free == 100;
    }

    private List<Claim> claim(int limit) throws SQLException {
        List<Claim> claims = new ArrayList<>();
        try (Connection c = relay.connection()) {
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                UUID token = UUID.randomUUID();
                s.setObject(1, token);
                s.setLong(2, config.claimLease().toSeconds());
                s.setInt(3, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        List<String> secrets = new ArrayList<>();
                        secrets.add(rs.getString("secret"));
                        if (rs.getString("previous_secret") != null && rs.getBoolean("previous_valid")) {
                            secrets.add(rs.getString("previous_secret"));
                        }
                        String webhookId = Ids.encode("Event", rs.getLong("event_id"));
                        String body = body(webhookId, rs);
                        claims.add(new Claim(rs.getLong("id"), token, rs.getLong("endpoint_id"), rs.getInt("attempts"),
                                rs.getString("url"), secrets, webhookId, body));
                    }
                }
            }
            c.commit();
        }
        return claims;
    }

    private static final String CLAIM = """
            update webhook_delivery d
               set claim_token = ?, claimed_until = now() + make_interval(secs => ?),
                   attempts = d.attempts + 1, last_attempt_at = clock_timestamp()
            from (select d2.id, w.url, w.secret, w.previous_secret,
                         coalesce(w.previous_secret_until > now(), false) as previous_valid,
                         e.id as event_id, e.type, e.subject_id, e.actor, e.occurred_at, e.version,
                         e.payload::text as payload, e.seq, t.code
                  from webhook_delivery d2
                  join webhook_endpoint w on w.id = d2.endpoint_id
                  join event e on e.id = d2.event_id
                  join team t on t.id = d2.team_id
                  where d2.status = 'PENDING' and d2.next_attempt_at <= now() and w.enabled
                    and (d2.claimed_until is null or d2.claimed_until < now())
                  order by d2.next_attempt_at
                  limit ?
                  for update of d2 skip locked) c
            where d.id = c.id
            returning d.id, d.endpoint_id, d.attempts, c.*
            """;

    /** The body of every attempt of one delivery: the event, with its payload as data (docs/events.md). */
    private static String body(String webhookId, ResultSet rs) throws SQLException {
        return Payload.JSON.createObjectBuilder()
                .add("id", webhookId)
                .add("type", rs.getString("type"))
                .add("timestamp", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        rs.getObject("occurred_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .add("team", rs.getString("code"))
                .add("sequence", rs.getLong("seq"))
                .add("subjectId", rs.getString("subject_id"))
                .add("actor", rs.getString("actor"))
                .add("version", rs.getInt("version"))
                .add("data", Payload.JSON.createReader(new StringReader(rs.getString("payload"))).readObject())
                .build().toString();
    }

    private void send(Claim claim) {
        if (!config.allowPrivateDestinations()) {
            String why = Destinations.refused(claim.url()).orElse(null);
            if (why != null) {
                done(new Result(claim, null, null, why));
                return;
            }
        }
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(claim.url())).timeout(config.timeout())
                    .header("content-type", "application/json")
                    .header("user-agent", "Funnel-Webhooks/1")
                    .header("webhook-id", claim.webhookId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", Signatures.header(claim.secrets(), claim.webhookId(), timestamp, claim.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(claim.body(), StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            done(new Result(claim, null, null, "Not a valid URL: " + e.getMessage()));
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).whenComplete((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                String error = cause instanceof HttpTimeoutException ? "No answer within " + config.timeout().toSeconds() + " s"
                        : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
                done(new Result(claim, null, null, error));
            } else {
                done(new Result(claim, response.statusCode(), start(response.body()), null));
            }
        });
    }

    private static String start(InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(RESPONSE_CHARS * 4);
            String text = new String(bytes, StandardCharsets.UTF_8).replace("\u0000", "");
            return text.length() > RESPONSE_CHARS ? text.substring(0, RESPONSE_CHARS) : text;
        } catch (IOException e) {
            return null;
        }
    }

    private void done(Result result) {
        results.add(result);
        slots.release();
        relay.wake();
    }

    // ------------------------------------------------------------------ results

    private void record() throws SQLException {
        if (results.isEmpty()) {
            return;
        }
        List<Result> batch = new ArrayList<>();
        for (Result r; (r = results.poll()) != null;) {
            batch.add(r);
        }
        signalled.set(true);
        try (Connection c = relay.connection()) {
            for (Result r : batch) {
                record(c, r);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            // written on a later cycle; meanwhile the claims' leases keep the attempts from being sent again
            results.addAll(batch);
            throw e;
        }
    }

    private void record(Connection c, Result r) throws SQLException {
        Claim claim = r.claim();
        if (claim.attempts() > 1) {
            retries.increment();
        }
        if (r.success()) {
            if (update(c, claim, "status = 'DELIVERED', delivered_at = clock_timestamp(), next_attempt_at = null,"
                    + " last_status = ?, last_response = ?, last_error = null", r.status(), r.response())) {
                delivered.increment();
                execute(c, "update webhook_endpoint set failing_since = null where id = ? and failing_since is not null",
                        claim.endpointId());
            }
            return;
        }
        failedAttempts.increment();
        String error = r.error() != null ? r.error() : "Answered " + r.status() + " (not 2xx)";
        if (r.status() != null && r.status() == 410) {
            if (update(c, claim, "status = 'FAILED', next_attempt_at = null, last_status = ?, last_response = ?,"
                    + " last_error = ?", r.status(), r.response(), "Answered 410 Gone: the endpoint was disabled")) {
                disable(c, claim.endpointId(), "The endpoint answered 410 Gone");
            }
            return;
        }
        List<Duration> delays = config.retryDelays();
        boolean last = claim.attempts() > delays.size();
        boolean updated;
        if (last) {
            updated = update(c, claim, "status = 'FAILED', next_attempt_at = null, last_status = ?, last_response = ?,"
                    + " last_error = ?", r.status(), r.response(), error + "; given up after " + claim.attempts() + " attempts");
            if (updated) {
                gaveUp.increment();
            }
        } else {
            Duration delay = delays.get(claim.attempts() - 1);
            double spread = 1 + config.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
            long millis = Math.max(0, Math.round(delay.toMillis() * spread));
            updated = update(c, claim, "status = 'PENDING', next_attempt_at = clock_timestamp() + make_interval(secs => "
                    + millis / 1000.0 + "), last_status = ?, last_response = ?, last_error = ?", r.status(), r.response(), error);
        }
        if (updated) {
            execute(c, "update webhook_endpoint set failing_since = coalesce(failing_since, clock_timestamp()) where id = ?",
                    claim.endpointId());
            try (PreparedStatement s = c.prepareStatement("select 1 from webhook_endpoint where id = ? and enabled"
                    + " and failing_since < clock_timestamp() - make_interval(secs => ?)")) {
                s.setLong(1, claim.endpointId());
                s.setLong(2, config.disableAfter().toSeconds());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        disable(c, claim.endpointId(), "Every delivery failed for " + config.disableAfter().toHours()
                                + " hours; the last: " + error);
                    }
                }
            }
        }
    }

    /** Writes a result if the claim is still this one's; false when it was taken over meanwhile. */
    private static boolean update(Connection c, Claim claim, String set, Integer status, String response, String error)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update webhook_delivery set " + set
                + ", claim_token = null, claimed_until = null where id = ? and claim_token = ?")) {
            int i = 1;
            s.setObject(i++, status);
            s.setString(i++, response);
            if (set.contains("last_error = ?")) {
                s.setString(i++, error);
            }
            s.setLong(i++, claim.deliveryId());
            s.setObject(i, claim.token());
            return s.executeUpdate() == 1;
        }
    }

    private boolean update(Connection c, Claim claim, String set, Integer status, String response) throws SQLException {
        return update(c, claim, set, status, response, null);
    }

    private void disable(Connection c, long endpointId, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update webhook_endpoint set enabled = false, disabled_reason = ?,"
                + " disabled_at = clock_timestamp(), updated_at = clock_timestamp(), version = version + 1"
                + " where id = ? and enabled")) {
            s.setString(1, reason);
            s.setLong(2, endpointId);
            if (s.executeUpdate() == 1) {
                disabled.increment();
                Log.warnf("Webhook endpoint %d disabled: %s", endpointId, reason);
                execute(c, "update webhook_delivery set status = 'FAILED', next_attempt_at = null,"
                        + " last_error = 'The endpoint was disabled' where endpoint_id = ? and status = 'PENDING'", endpointId);
            }
        }
    }

    private static void execute(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    @Override
    public void measure(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select (select count(*) from webhook_endpoint where not enabled),"
                + " (select count(*) from webhook_delivery where status = 'PENDING'),"
                + " (select extract(epoch from now() - min(next_attempt_at)) * 1000 from webhook_delivery"
                + "  where status = 'PENDING' and next_attempt_at <= now())");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            disabledEndpoints.set(rs.getLong(1));
            pending.set(rs.getLong(2));
            oldestDueMillis.set(Math.max(0, rs.getLong(3)));
        }
    }
}
