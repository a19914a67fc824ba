package dev.funnel.webhook;


import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.funnel.common.PageRequest;
import dev.funnel.security.Role;
import io.quarkus.security.Authenticated;

@GraphQLApi
@Authenticated
public class WebhookGraphQLApi {

    private final WebhookService webhooks;

    public WebhookGraphQLApi(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @RolesAllowed({ Role.MANAGER, Role.ADMIN })
    @Query("webhookEndpoints")
    @Description("The webhook endpoints of the caller's teams, newest first.")
    public @NonNull WebhookEndpointConnection webhookEndpoints(
            @Name("team") @Description("Only this team's endpoints.") String team,
            @Name("first") @Description("Page forward: this many edges, 0..200 (50 when neither first nor last is given).") Integer first,
            @Name("after") @Description("Cursor of the edge to start after.") String after,
            @Name("last") @Description("Page backward: this many edges, 0..200: those just before the before cursor, or the last ones of the list; not with first.") Integer last,
            @Name("before") @Description("Cursor of the edge to end before.") String before) {
        return webhooks.list(team, PageRequest.of(first, after, last, before));
    }

    @RolesAllowed({ Role.MANAGER, Role.ADMIN })
    @Mutation("createWebhookEndpoint")
    @Description("Adds an endpoint that receives the team's events from now on, signed with a new secret shown only in this answer. VALIDATION on input.url for a URL that is not http(s), carries credentials, or (unless the operator allows it) resolves to a loopback, private or link-local address.")
    public @NonNull CreateWebhookEndpointPayload createWebhookEndpoint(
            @NonNull @Name("input") @Description("The endpoint.") CreateWebhookEndpointInput input) {
        return webhooks.create(input);
    }

    @RolesAllowed({ Role.MANAGER, Role.ADMIN })
    @Mutation("updateWebhookEndpoint")
    @Description("Changes an endpoint's URL, types or description, or disables or enables it. Disabling fails its pending deliveries (redeliverEvents sends them again once enabled).")
    public @NonNull WebhookEndpointView updateWebhookEndpoint(
            @NonNull @Name("input") @Description("The changes.") UpdateWebhookEndpointInput input) {
        return webhooks.update(input);
    }

    @RolesAllowed({ Role.MANAGER, Role.ADMIN })
    @Mutation("rotateWebhookSecret")
    @Description("Gives the endpoint a new signing secret, shown only in this answer. For the overlap window (24 hours unless the operator set another) every delivery carries two signatures, with the new secret and the previous one, so the receiver can switch without losing a delivery.")
    public @NonNull CreateWebhookEndpointPayload rotateWebhookSecret(
            @NonNull @Id @Name("id") @Description("The endpoint.") String id) {
        return webhooks.rotate(id);
    }

    @RolesAllowed({ Role.MANAGER, Role.ADMIN })
    @Mutation("redeliverEvents")
    @Description("Sends events to an endpoint again, attempts starting afresh: one event (delivered or not), or every delivery that failed since a time. INVALID_TRANSITION while the endpoint is disabled.")
    public @NonNull RedeliverEventsPayload redeliverEvents(
            @NonNull @Name("input") @Description("The endpoint and what to send.") RedeliverEventsInput input) {
        return webhooks.redeliver(input);
    }

    @RolesAllowed({ Role.MANAGER, Role.ADMIN })
    @Name("deliveries")
    @Description("The endpoint's deliveries, newest first: status, attempts and the last answer.")
    public @NonNull WebhookDeliveryConnection deliveries(@Source WebhookEndpointView endpoint,
            @Name("status") @Description("Only deliveries in this status.") WebhookDeliveryStatus status,
            @Name("first") @Description("Page forward: this many edges, 0..200 (50 when neither first nor last is given).") Integer first,
            @Name("after") @Description("Cursor of the edge to start after.") String after,
            @Name("last") @Description("Page backward: this many edges, 0..200; not with first.") Integer last,
            @Name("before") @Description("Cursor of the edge to end before.") String before) {
        return webhooks.deliveries(endpoint, status, PageRequest.of(first, after, last, before));
    }
}
