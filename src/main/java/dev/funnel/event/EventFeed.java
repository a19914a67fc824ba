package dev.funnel.event;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * The live side of the replay log: each subscription of this instance reads, from the database,
 * the numbered events past its cursor, whenever {@link EventRelay} says numbering has gone further.
 * Reading by position from the log itself, rather than pushing what the relay saw, is what makes a
 * subscription gapless: the backlog after a resumed cursor and the live events are one read.
 * Reads run as the caller (role funnel_app with the caller's team codes, as requests do: see
 * security/TeamScope), so row-level security holds here too.
 */
@ApplicationScoped
public class EventFeed {

    /** Who subscribes: the token's team codes, and whether an admin (every team). */
    public record Caller(Set<String> tokenCodes, boolean allTeams) {
    }

    /** The teams a subscription reads, resolved when it starts. */
    private record Scope(List<Long> teamIds, Map<Long, String> codes, Caller caller) {
    }

    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    private static final int PAGE = 100;

    private final AgroalDataSource db;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicLong reached = new AtomicLong();
    private final ExecutorService readers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "funnel-event-feed");
        t.setDaemon(true);
        return t;
    });

    public EventFeed(AgroalDataSource db, MeterRegistry registry) {
        this.db = db;
        Gauge.builder("funnel.events.subscriptions", subscribers, Set::size)
                .description("Live events subscriptions on this instance").register(registry);
    }

    /**
     * Subscriptions are not completed at shutdown: a completed subscription is over for its client,
     * while a connection the server closes is one a graphql-ws client opens again, resuming from its
     * last cursor on another instance.
     */
    void stop(@Observes ShutdownEvent stop) {
        readers.shutdownNow();
    }

    /** The position numbering has reached; every subscription behind it reads on. */
    void reached(long position) {
        if (reached.getAndAccumulate(position, Math::max) < position) {
            subscribers.forEach(Subscriber::read);
        }
    }

    /**
     * The events of the caller's teams, of {@code types} (every type when empty), after position
     * {@code after} (from the end of the log when null). The caller's teams are resolved, and the
     * log's end read, on this feed's threads: a subscription starts on the event loop, which must
     * not wait for the database.
     */
    public Multi<EventView> subscribe(Caller caller, List<EventType> types, Long after) {
        List<String> wanted = types.stream().map(EventType::wireName).distinct().toList();
        return Multi.createFrom().emitter(emitter -> readers.execute(() -> {
            try {
                Scope scope = scope(caller);
                Subscriber s = new Subscriber(scope, wanted, after == null ? end(scope) : after, emitter);
                subscribers.add(s);
                emitter.onTermination(() -> subscribers.remove(s));
                s.read();
            } catch (SQLException | RuntimeException e) {
                Log.warnf("An events subscription could not start: %s", e.toString());
                emitter.fail(new IllegalStateException("The events subscription could not start"));
            }
        }), BackPressureStrategy.BUFFER);
    }

    private Scope scope(Caller caller) throws SQLException {
        List<Long> ids = new ArrayList<>();
        Map<Long, String> codes = new java.util.HashMap<>();
        readAs(caller, c -> {
            try (PreparedStatement s = c.prepareStatement(caller.allTeams() ? "select id, code from team"
                    : "select id, code from team where code = any (?)")) {
                if (!caller.allTeams()) {
                    s.setArray(1, c.createArrayOf("text", caller.tokenCodes().toArray()));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        codes.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
        });
        return new Scope(ids, codes, caller);
    }

    /** Where the log of the scope's teams ends now. */
    private long end(Scope scope) throws SQLException {
        long[] end = { 0 };
        readAs(scope.caller(), c -> {
            try (PreparedStatement s = c.prepareStatement("select coalesce(max(position), 0) from event where team_id = any (?)"
                    + " and position is not null")) {
                s.setArray(1, c.createArrayOf("bigint", scope.teamIds().toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    end[0] = rs.getLong(1);
                }
            }
        });
        return end[0];
    }

    @FunctionalInterface
    private interface Reading {
        void run(Connection c) throws SQLException;
    }

    /** Runs {@code reading} as the caller: role funnel_app with its team codes (row-level security), read-only. */
    private void readAs(Caller caller, Reading reading) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("select set_config('role', 'funnel_app', true),"
                        + " set_config('funnel.team_codes', ?, true), set_config('funnel.all_teams', ?, true)")) {
                    s.setString(1, caller.tokenCodes().stream().filter(code -> CODE.matcher(code).matches())
                            .collect(Collectors.joining(",")));
                    s.setString(2, caller.allTeams() ? "on" : "off");
                    s.execute();
                }
                reading.run(c);
            } finally {
                c.rollback();
            }
        }
    }

    private final class Subscriber {
        private final Scope scope;
        private final List<String> types;
        private final MultiEmitter<? super EventView> emitter;
        private final AtomicBoolean reading = new AtomicBoolean();
        private volatile long last;

        Subscriber(Scope scope, List<String> types, long after, MultiEmitter<? super EventView> emitter) {
            this.scope = scope;
            this.types = types;
            this.last = after;
            this.emitter = emitter;
        }

        void read() {
            if (reading.compareAndSet(false, true)) {
                readers.execute(this::drain);
            }
        }

        private void drain() {
            try {
                List<EventView> page;
                do {
                    page = fetch();
                    for (EventView e : page) {
                        if (emitter.isCancelled()) {
                            return;
                        }
                        emitter.emit(e);
                    }
                } while (page.size() == PAGE);
            } catch (SQLException | RuntimeException e) {
                // the next numbering (or the next poll) tries again from the same cursor
                Log.debugf("An events subscription could not read the log: %s", e.toString());
            } finally {
                reading.set(false);
            }
            if (reached.get() > last && !emitter.isCancelled()) {
                read();
            }
        }

        private List<EventView> fetch() throws SQLException {
            List<EventView> page = new ArrayList<>();
            // how far the log was numbered before this read: nothing at or below it can appear later
            long seen = reached.get();
            long[] read = { last };
            readAs(scope.caller(), c -> {
                try (PreparedStatement s = c.prepareStatement("select id, type, team_id, subject_id, seq, position,"
                        + " occurred_at, actor, version, payload::text from event"
                        + " where position > ? and team_id = any (?) and (cardinality(?::text[]) = 0 or type = any (?::text[]))"
                        + " order by position limit " + PAGE)) {
                    Array teams = c.createArrayOf("bigint", scope.teamIds().toArray());
                    Array wanted = c.createArrayOf("text", types.toArray());
                    s.setLong(1, last);
                    s.setArray(2, teams);
                    s.setArray(3, wanted);
                    s.setArray(4, wanted);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            read[0] = rs.getLong(6);
                            page.add(EventView.of(rs.getLong(1), rs.getString(2), scope.codes().get(rs.getLong(3)),
                                    rs.getString(4), rs.getLong(5), rs.getLong(6),
                                    rs.getObject(7, java.time.OffsetDateTime.class), rs.getString(8), rs.getInt(9),
                                    rs.getString(10)));
                        }
                    }
                }
            });
            last = read[0];
            if (page.size() < PAGE) {
                // a short page read everything up to what was numbered before it: a quiet
                // subscription does not read again until numbering goes further
                last = Math.max(last, seen);
            }
            return page;
        }
    }
}
