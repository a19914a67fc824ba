package dev.funnel.webhook;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.event.EventView;

@Type("WebhookDelivery")
@Description("The delivery of one event to one endpoint: every attempt carries the same webhook-id and body.")
public record WebhookDeliveryView(
        @NonNull @Id @Description("Opaque id.") String id,
        @NonNull @Description("The event delivered.") EventView event,
        @NonNull @Description("Where it stands.") WebhookDeliveryStatus status,
        @NonNull @Description("Attempts made so far.") int attempts,
        @Description("When the next attempt is due, while PENDING.") OffsetDateTime nextAttemptAt,
        @Description("When the last attempt started.") OffsetDateTime lastAttemptAt,
        @Description("The HTTP status of the last answer; null when there was none (timeout, refused connection).") Integer lastResponseStatus,
        @Description("The start of the last answer's body (at most 1,000 characters).") String lastResponseBody,
        @Description("Why the last attempt failed without an answer, or what was wrong with the answer.") String lastError,
        @Description("When the endpoint answered 2xx.") OffsetDateTime deliveredAt,
        @NonNull @Description("When the delivery was created (the event numbered, or a redelivery asked).") OffsetDateTime createdAt) {
}
