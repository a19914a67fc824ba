package dev.funnel.event;

import static dev.funnel.common.Times.utc;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Cursor;
import dev.funnel.common.Ids;

@Type("Event")
@Description("Something that happened in a team, as the replay log, subscriptions and webhooks tell it (README, \"Events and webhooks\").")
public record EventView(
        @NonNull @Id @Description("Unique id; the webhook-id header of its webhook deliveries.") String id,
        @NonNull @Description("What happened.") EventType type,
        @NonNull @Description("The wire name of the type (contact.stage_changed...), the webhook body's type.") String typeName,
        @NonNull @Description("Code of the team it happened in.") String team,
        @NonNull @Description("Opaque id of what changed (a Contact, Quote, Invoice or Interaction), or the team's code for team.settings_changed.") String subjectId,
        @NonNull @Description("The team's event number: 1, 2, 3... in the order the events were committed, without gaps; a receiver orders and de-duplicates by it.") int sequence,
        @NonNull @Description("Pass as after (to events or to the events subscription) to read what came after this event.") String cursor,
        @NonNull @Description("When it happened.") OffsetDateTime occurredAt,
        @NonNull @Description("Who did it: the caller's user name.") String actor,
        @NonNull @Description("Version of the payload's shape for this type (docs/events.md).") int version,
        @NonNull @Description("The payload, a JSON object in text, as in the webhook body's data; its fields per type are in docs/events.md.") String data) {

    public static EventView of(long id, String type, String team, String subjectId, long seq, long position,
            OffsetDateTime occurredAt, String actor, int version, String data) {
        EventType t = EventType.ofWireName(type);
        return new EventView(Ids.encode("Event", id), t, type, team, subjectId, Math.toIntExact(seq),
                new Cursor(null, position).encode(), utc(occurredAt), actor, version, data);
    }
}
