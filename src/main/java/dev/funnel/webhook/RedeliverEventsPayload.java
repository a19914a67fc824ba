package dev.funnel.webhook;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("RedeliverEventsPayload")
@Description("What redeliverEvents scheduled.")
public record RedeliverEventsPayload(
        @NonNull @Description("The endpoint.") WebhookEndpointView endpoint,
        @NonNull @Description("How many deliveries are now due (attempts start again from the first).") int scheduled) {
}
