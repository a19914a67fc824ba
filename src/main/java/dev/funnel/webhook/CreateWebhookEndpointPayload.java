package dev.funnel.webhook;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("CreateWebhookEndpointPayload")
@Description("An endpoint with its signing secret: the only time the secret is shown.")
public record CreateWebhookEndpointPayload(
        @NonNull @Description("The endpoint.") WebhookEndpointView endpoint,
        @NonNull @Description("The signing secret, whsec_ followed by base64: keep it; it cannot be read again.") String secret) {
}
