package dev.funnel.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

import dev.funnel.common.Times;
import dev.funnel.security.Caller;

/**
 * The one way to say that something happened (docs/events.md). {@link #emit} writes the event
 * into the outbox in the caller's transaction, so it commits or rolls back with the change it
 * tells, then fires it to the application's observers (metrics, the relay's wake-up), which act
 * after the commit. Feature packages build their payloads; this class never interprets them.
 */
@ApplicationScoped
public class Events {

    private final Caller caller;
    private final Event<DomainEvent> observers;

    public Events(Caller caller, Event<DomainEvent> observers) {
        this.caller = caller;
        this.observers = observers;
    }

    /** Records an event of {@code type} about {@code subjectId} (an opaque id, or a team code) in team {@code teamId}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(long teamId, EventType type, String subjectId, JsonObject data) {
        OutboxEvent row = new OutboxEvent();
        row.teamId = teamId;
        row.type = type.wireName();
        row.subjectId = subjectId;
        row.actor = caller.actor();
        row.occurredAt = Times.now();
        row.version = type.version();
        row.payload = data.toString();
        row.persist();
        observers.fire(new DomainEvent(row.id, teamId, type, subjectId, row.actor, data));
    }

    /** An event to emit with {@link #emitAll}. */
    public record Pending(long teamId, EventType type, String subjectId, JsonObject data) {
    }

    /**
     * {@link #emit} for many events at once (contact imports): the same rows, written in one
     * batched statement on the transaction's connection, each id from event_id_seq (one value per
     * event: the values Hibernate's pooled ids are taken below are never handed out twice).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emitAll(java.util.List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        String actor = caller.actor();
        java.time.OffsetDateTime now = Times.now();
        jakarta.persistence.EntityManager em = OutboxEvent.getEntityManager();
        java.util.List<?> ids = em.createNativeQuery("select nextval('event_id_seq') from generate_series(1, ?1)")
                .setParameter(1, pending.size()).getResultList();
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement s = connection.prepareStatement("insert into event (id, team_id, type, subject_id,"
                    + " actor, occurred_at, version, payload) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                for (int i = 0; i < pending.size(); i++) {
                    Pending p = pending.get(i);
                    s.setLong(1, ((Number) ids.get(i)).longValue());
                    s.setLong(2, p.teamId());
                    s.setString(3, p.type().wireName());
                    s.setString(4, p.subjectId());
                    s.setString(5, actor);
                    s.setObject(6, now);
                    s.setInt(7, p.type().version());
                    s.setString(8, p.data().toString());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            observers.fire(new DomainEvent(((Number) ids.get(i)).longValue(), p.teamId(), p.type(), p.subjectId(), actor, p.data()));
        }
    }
}
