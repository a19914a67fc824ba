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

    /** The teams a subscription may read, fixed when it starts. */
    public record Scope(List<Long> teamIds, Map<Long, String> codes, Set<String> tokenCodes, boolean allTeams) {
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

    void stop(@Observes ShutdownEvent stop) {
        subscribers.forEach(s -> s.emitter.complete());
        readers.shutdownNow();
    }

    /** The position numbering has reached; every subscription behind it reads on. */
    void reached(long position) {
        if (reached.getAndAccumulate(position, Math::max) < position) {
            subscribers.forEach(Subscriber::read);
        }
    }

    /** The last position numbered, as far as this instance knows: where a subscription without a cursor starts. */
    public long position() {
        return reached.get();
    }

    /** The events of {@code scope}'s teams, of {@code types} (every type when empty), after position {@code after}. */
    public Multi<EventView> subscribe(Scope scope, List<EventType> types, long after) {
        return Multi.createFrom().emitter(emitter -> {
            Subscriber s = new Subscriber(scope, types.stream().map(EventType::wireName).distinct().toList(), after, emitter);
            subscribers.add(s);
            emitter.onTermination(() -> subscribers.remove(s));
            s.read();
        }, BackPressureStrategy.BUFFER);
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
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    try (PreparedStatement s = c.prepareStatement("select set_config('role', 'funnel_app', true),"
                            + " set_config('funnel.team_codes', ?, true), set_config('funnel.all_teams', ?, true)")) {
                        s.setString(1, scope.tokenCodes().stream().filter(code -> CODE.matcher(code).matches())
                                .collect(Collectors.joining(",")));
                        s.setString(2, scope.allTeams() ? "on" : "off");
                        s.execute();
                    }
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
                                long position = rs.getLong(6);
                                page.add(EventView.of(rs.getLong(1), rs.getString(2), scope.codes().get(rs.getLong(3)),
                                        rs.getString(4), rs.getLong(5), position,
                                        rs.getObject(7, java.time.OffsetDateTime.class), rs.getString(8), rs.getInt(9),
                                        rs.getString(10)));
                                last = position;
                            }
                        }
                    }
                } finally {
                    c.rollback();
                }
            }
            return page;
        }
    }
}
