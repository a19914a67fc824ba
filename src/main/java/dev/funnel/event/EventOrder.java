package dev.funnel.event;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("EventOrder")
@Description("The order of the replay log.")
public enum EventOrder {
    @Description("In the order the events were committed: to catch up from a cursor.")
    OLDEST_FIRST,
    @Description("The latest first.")
    NEWEST_FIRST
}
