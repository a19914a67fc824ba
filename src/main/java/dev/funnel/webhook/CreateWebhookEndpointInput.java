package dev.funnel.webhook;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.funnel.event.EventType;

@Input("CreateWebhookEndpointInput")
@Description("A new webhook endpoint.")
public record CreateWebhookEndpointInput(
        @Description("The team whose events it receives; required when the caller has several teams.") String team,
        @NonNull @NotBlank @Size(max = 2000) @Description("Where to post: an http(s) URL whose host resolves to public addresses (unless the operator allows private ones).") String url,
        @Size(max = 20) @Description("Only these types; every type when absent or empty.") List<EventType> eventTypes,
        @Size(max = 500) @Description("What it is for.") String description) {
}
