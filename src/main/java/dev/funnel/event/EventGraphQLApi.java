package dev.funnel.event;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.funnel.common.Cursor;
import dev.funnel.common.InputValidator;
import dev.funnel.common.PageRequest;
import dev.funnel.common.ValidationException;
import dev.funnel.security.Caller;
import dev.funnel.security.Role;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;

@GraphQLApi
@Authenticated
public class EventGraphQLApi {

    private final EventService events;
    private final EventFeed feed;
    private final Caller caller;

    public EventGraphQLApi(EventService events, EventFeed feed, Caller caller) {
        this.events = events;
        this.feed = feed;
        this.caller = caller;
    }

    @RolesAllowed({ Role.MANAGER, Role.ADMIN })
    @Query("events")
    @Description("The replay log: what happened in the caller's teams, as webhooks tell it, kept for the retention period"
            + " (30 days unless the operator set another). Oldest first unless order says otherwise; an event appears"
            + " here once the relay has numbered it, within a second of its commit.")
    public @NonNull EventConnection events(@Name("filter") @Description("Only events matching this.") EventFilter filter,
            @Name("order") @Description("OLDEST_FIRST (the default) or NEWEST_FIRST.") EventOrder order,
            @Name("first") @Description("Page forward: this many edges, 0..200 (50 when neither first nor last is given).") Integer first,
            @Name("after") @Description("Cursor of the edge (or Event.cursor) to start after.") String after,
            @Name("last") @Description("Page backward: this many edges, 0..200: those just before the before cursor, or the last ones of the list; not with first.") Integer last,
            @Name("before") @Description("Cursor of the edge to end before.") String before) {
        return events.list(filter, order, PageRequest.of(first, after, last, before));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Subscription("events")
    @Description("The events of the caller's teams as they are committed, over WebSocket (the graphql-transport-ws protocol,"
            + " with the bearer token in the connection_init payload's Authorization). With after (an Event.cursor), first"
            + " every event since that one, then the live ones, without a gap; without it, from now on.")
    public Multi<EventView> subscribe(
            @Name("types") @DefaultValue("[]") @Description("Only events of these types; every type when empty (the default).") List<@NonNull EventType> types,
            @Name("after") @Description("Resume after this event (its cursor).") String after) {
        InputValidator.noNulls("types", types);
        Long from = null;
        if (after != null) {
            Cursor cursor = Cursor.decode("after", after);
            if (cursor.value() != null || cursor.id() < 0) {
                throw new ValidationException("after", "Not a cursor of the events: '" + after + "'");
            }
            from = cursor.id();
        }
        // nothing here may wait for the database: a subscription starts on the event loop
        return feed.subscribe(new EventFeed.Caller(caller.tokenTeamCodes(), caller.hasRole(Role.ADMIN)),
                types == null ? List.of() : types, from);
    }
}
