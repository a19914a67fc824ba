package dev.funnel.webhook;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RedeliverEventsInput")
@Description("What to send again to one endpoint: one event (eventId), or every delivery that failed since a time (failedSince); exactly one of the two.")
public record RedeliverEventsInput(
        @NonNull @Id @Description("The endpoint.") String endpointId,
        @Id @Description("One event of the endpoint's team, delivered or not, still in the replay log.") String eventId,
        @Description("Every FAILED delivery to the endpoint of an event that occurred at or after this time.") OffsetDateTime failedSince) {
}
