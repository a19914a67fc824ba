package dev.funnel.interaction;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Ids;
import dev.funnel.common.Times;
import dev.funnel.graphql.Node;

@Type("Interaction")
@Description("One touch between the team and a contact.")
public record InteractionView(
        @Ignore long dbId,
        @Ignore long contactDbId,
        @NonNull @Id @Description("Opaque id.") String id,
        @NonNull @Description("The medium.") Channel channel,
        @NonNull @Description("INBOUND: they reached us or answered; OUTBOUND: we reached out.") Direction direction,
        @NonNull @Description("When it took place (UTC).") OffsetDateTime occurredAt,
        @Description("What was said or done.") String summary,
        @NonNull @Description("Who recorded it.") String author,
        @NonNull @Description("When it was recorded (UTC).") OffsetDateTime createdAt) implements Node {

    public static InteractionView of(Interaction i) {
        return new InteractionView(i.id, i.contactId, Ids.encode("Interaction", i.id), i.channel, i.direction,
                Times.utc(i.occurredAt), i.summary, i.author, Times.utc(i.createdAt));
    }
}
