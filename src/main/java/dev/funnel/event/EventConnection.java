package dev.funnel.event;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Page;
import dev.funnel.graphql.PageInfo;

@Type("EventConnection")
@Description("A page of the replay log.")
public record EventConnection(
        @NonNull @Description("The events of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Paging state.") PageInfo pageInfo,
        @NonNull @Description("How many events the whole list holds.") int totalCount) {

    @Type("EventEdge")
    @Description("An event and its position in the log.")
    public record Edge(
            @NonNull @Description("Pass as after to get the events that follow this one, or as before to get those that precede it.") String cursor,
            @NonNull @Description("The event.") EventView node) {
    }

    static EventConnection of(Page<EventView> page) {
        List<Edge> edges = page.items().stream().map(e -> new Edge(e.cursor(), e)).toList();
        return new EventConnection(edges, PageInfo.of(page, edges.stream().map(Edge::cursor).toList()),
                Math.toIntExact(page.totalCount().getAsLong()));
    }
}
