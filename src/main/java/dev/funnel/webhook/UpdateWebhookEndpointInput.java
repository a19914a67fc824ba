package dev.funnel.webhook;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.funnel.event.EventType;

@Input("UpdateWebhookEndpointInput")
@Description("Changes to a webhook endpoint; absent fields are left as they are.")
public record UpdateWebhookEndpointInput(
        @NonNull @Id @Description("The endpoint.") String id,
        @Description("The version read; VERSION_CONFLICT when the endpoint changed since.") Integer expectedVersion,
        @Size(max = 2000) @Description("A new URL, checked as on creation.") String url,
        @Size(max = 20) @Description("The types it receives; an empty list for every type.") List<EventType> eventTypes,
        @Size(max = 500) @Description("A new description; an empty string removes it.") String description,
        @Description("False disables it (it receives nothing); true enables it again and clears the failure state.") Boolean enabled) {
}
