package dev.funnel.webhook;

import static dev.funnel.common.Times.utc;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Ids;
import dev.funnel.event.EventType;

@Type("WebhookEndpoint")
@Description("A URL a team's events are posted to, signed per the Standard Webhooks specification (README, \"Events and webhooks\"). Its secret is shown only when created or rotated.")
public record WebhookEndpointView(
        @Ignore long dbId,
        @NonNull @Id @Description("Opaque id.") String id,
        @NonNull @Description("Code of the team whose events it receives.") String team,
        @NonNull @Description("Where events are posted.") String url,
        @Description("What the endpoint is for.") String description,
        @NonNull @Description("The types it receives; empty for every type.") List<@NonNull EventType> eventTypes,
        @NonNull @Description("False when disabled, by a manager or by Funnel (see disabledReason); a disabled endpoint receives nothing.") boolean enabled,
        @Description("Why it was disabled.") String disabledReason,
        @Description("When it was disabled.") OffsetDateTime disabledAt,
        @Description("When its deliveries started failing, none having succeeded since; null while they succeed.") OffsetDateTime failingSince,
        @Description("After a rotation, until when deliveries carry a second signature, made with the previous secret.") OffsetDateTime previousSecretValidUntil,
        @NonNull @Description("When it was created.") OffsetDateTime createdAt,
        @NonNull @Description("When it last changed.") OffsetDateTime updatedAt,
        @NonNull @Description("Optimistic-locking version; pass it back as expectedVersion when updating.") int version) {

    static WebhookEndpointView of(WebhookEndpoint w, String team) {
        return new WebhookEndpointView(w.id, Ids.encode("WebhookEndpoint", w.id), team, w.url, w.description,
                w.eventTypes == null ? List.of() : w.eventTypes.stream().map(EventType::ofWireName).toList(),
                w.enabled, w.disabledReason, utc(w.disabledAt), utc(w.failingSince),
                w.previousSecretUntil != null && w.previousSecretUntil.isAfter(OffsetDateTime.now()) ? utc(w.previousSecretUntil) : null,
                utc(w.createdAt), utc(w.updatedAt), Math.toIntExact(w.version));
    }
}
