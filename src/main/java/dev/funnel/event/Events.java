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
}
