package dev.funnel.event;

import static dev.funnel.common.ColumnInsert.text;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import dev.funnel.common.ColumnInsert;
import dev.funnel.common.Times;
import dev.funnel.security.Caller;
import io.agroal.api.AgroalDataSource;

/**
 * The one way to say that something happened (docs/events.md). {@link #emit} adds the event to the
 * caller's transaction, which writes its events into the outbox as it commits (all of them in one
 * statement), so they commit or roll back with the change they tell; it then fires the event to the
 * application's observers (metrics, the relay's wake-up), which act after the commit. Feature
 * packages build their payloads; this class never interprets them.
 */
@ApplicationScoped
public class Events {

    /** The transaction's events not yet written (a resource of the transaction). */
    private static final Object UNWRITTEN = new Object();

    private final Caller caller;
    private final Event<DomainEvent> observers;
    private final EventRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final AgroalDataSource db;

    public Events(Caller caller, Event<DomainEvent> observers, EventRelay relay, TransactionSynchronizationRegistry transactions,
            AgroalDataSource db) {
        this.caller = caller;
        this.observers = observers;
        this.relay = relay;
        this.transactions = transactions;
        this.db = db;
    }

    /** Records an event of {@code type} about {@code subjectId} (an opaque id, or a team code) in team {@code teamId}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(long teamId, EventType type, String subjectId, JsonObject data) {
        String actor = caller.actor();
        unwritten().add(new String[] { text(teamId), type.wireName(), subjectId, actor, Times.now().toString(),
                text(type.version()), data.toString() });
        observers.fire(new DomainEvent(teamId, type, subjectId, actor, data));
    }

    /**
     * The events this transaction emitted so far. The first one registers their writing just
     * before the commit (after Hibernate's last flush, on the transaction's connection): a change's events are one
     * statement, one round trip, whatever their number (a conversion has three), and never an
     * entity Hibernate manages and checks at each flush. On a rollback, nothing is written.
     */
    @SuppressWarnings("unchecked")
    private List<String[]> unwritten() {
        List<String[]> rows = (List<String[]>) transactions.getResource(UNWRITTEN);
        if (rows == null) {
            List<String[]> pending = new ArrayList<>();
            transactions.putResource(UNWRITTEN, pending);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // Hibernate's own synchronization has run (it is not interposed, so it runs first)
                    // and handed its connection back: the pool gives the transaction's connection again,
                    // which this closes before the pool's own check at commit (a handle left open there
                    // is closed with a warning, once per change)
                    try (Connection c = db.getConnection()) {
                        write(c, pending);
                    } catch (SQLException e) {
                        throw new IllegalStateException("Could not write the transaction's events", e);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            rows = pending;
        }
        return rows;
    }

    /** Ids from event_id_seq, one value per event, in the order emitted (the relay numbers a transaction's events in id order). */
    private static final String INSERT = """
            insert into event (id, team_id, type, subject_id, actor, occurred_at, version, payload)
            select nextval('event_id_seq'), u.team_id::bigint, u.type, u.subject_id, u.actor, u.occurred_at::timestamptz,
                   u.version::int, u.payload::jsonb
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                 as u(team_id, type, subject_id, actor, occurred_at, version, payload, n)
            order by u.n
            """;

    private static void write(Connection c, List<String[]> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            ColumnInsert.bindColumns(c, s, 7, rows);
            s.executeUpdate();
        }
    }

    private static final List<String> COLUMNS = List.of("id", "team_id", "type", "subject_id", "actor", "occurred_at", "version",
            "payload", "position", "seq");
    private static final Map<String, String> TYPES = Map.of("id", "bigint", "team_id", "bigint", "occurred_at", "timestamptz",
            "version", "int", "payload", "jsonb", "position", "bigint", "seq", "bigint");

    /** An event to emit with {@link #emitAll}. */
    public record Pending(long teamId, EventType type, String subjectId, JsonObject data) {
    }

    /**
     * {@link #emit} for many events at once (contact imports): the same rows, written in one
     * statement on the transaction's connection ({@link ColumnInsert}), each id from event_id_seq (one value per
     * event, as {@link #emit}'s). They
     * are written already numbered, with numbers reserved as the relay would give them
     * (V12__bulk_event_numbers.sql), rather than written a second time by the relay.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emitAll(List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        String actor = caller.actor();
        OffsetDateTime now = Times.now();
        EntityManager em = OutboxEvent.getEntityManager();
        List<?> ids = em.createNativeQuery("select nextval('event_id_seq') from generate_series(1, ?1)")
                .setParameter(1, pending.size()).getResultList();
        Map<Long, Integer> perTeam = new LinkedHashMap<>();
        pending.forEach(p -> perTeam.merge(p.teamId(), 1, Integer::sum));
        em.unwrap(Session.class).doWork(connection -> {
            // each team's block of positions and sequence numbers: [first, first + count)
            Map<Long, long[]> next = new HashMap<>();
            long last = 0;
            try (PreparedStatement s = connection.prepareStatement("select first_position, first_seq from funnel_reserve_event_numbers(?, ?)")) {
                for (Map.Entry<Long, Integer> team : perTeam.entrySet()) {
                    s.setLong(1, team.getKey());
                    s.setInt(2, team.getValue());
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        next.put(team.getKey(), new long[] { r.getLong(1), r.getLong(2) });
                        last = Math.max(last, r.getLong(1) + team.getValue() - 1);
                    }
                }
            }
            List<String[]> rows = new ArrayList<>(pending.size());
            List<Long> written = new ArrayList<>(pending.size());
            String at = now.toString();
            for (int i = 0; i < pending.size(); i++) {
                Pending p = pending.get(i);
                long[] numbers = next.get(p.teamId());
                long id = ((Number) ids.get(i)).longValue();
                rows.add(new String[] { text(id), text(p.teamId()), p.type().wireName(), p.subjectId(), actor, at,
                        text(p.type().version()), p.data().toString(), text(numbers[0]++), text(numbers[1]++) });
                written.add(id);
            }
            ColumnInsert.insert(connection, "event", COLUMNS, TYPES, "", "", rows);
            relay.numberedHere(connection, written, last);
        });
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            observers.fire(new DomainEvent(p.teamId(), p.type(), p.subjectId(), actor, p.data()));
        }
    }
}
