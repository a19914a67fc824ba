package dev.funnel.event;

import jakarta.json.JsonObject;

/**
 * An event as {@link Events} fires it to the application's observers (CDI), as it is added to the
 * transaction's outbox writes. Observers that must only count what happened observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}: a rolled-back change is never seen.
 */
public record DomainEvent(long teamId, EventType type, String subjectId, String actor, JsonObject data) {
}
