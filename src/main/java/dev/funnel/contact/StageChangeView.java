package dev.funnel.contact;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Times;

@Type("StageChange")
@Description("One recorded stage change: from, to, what triggered it, who and when.")
public record StageChangeView(
        @Description("Stage before; null when the contact entered the funnel.") Stage from,
        @NonNull @Description("Stage after.") Stage to,
        @NonNull @Description("What caused the change.") StageTrigger trigger,
        @NonNull @Description("Who made the change: a user name, or the client id of a system caller.") String actor,
        @NonNull @Description("When (UTC).") OffsetDateTime at,
        @Description("The contact's owner then (a token subject); null when nobody owned it.") String owner,
        @Description("Why, when the change takes a reason (a lead rejected to nurture).") String reason) {

    static StageChangeView of(StageChange c) {
        return new StageChangeView(c.from, c.to, c.trigger, c.actor, Times.utc(c.at), c.owner, c.reason);
    }
}
