package dev.funnel.webhook;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Cursor;
import dev.funnel.common.Page;
import dev.funnel.graphql.PageInfo;

@Type("WebhookEndpointConnection")
@Description("A page of webhook endpoints, newest first.")
public record WebhookEndpointConnection(
        @NonNull @Description("The endpoints of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Paging state.") PageInfo pageInfo,
        @NonNull @Description("How many endpoints the whole list holds.") int totalCount) {

    @Type("WebhookEndpointEdge")
    @Description("An endpoint and its position in the list.")
    public record Edge(
            @NonNull @Description("Pass as after to get the endpoints that follow this one, or as before to get those that precede it.") String cursor,
            @NonNull @Description("The endpoint.") WebhookEndpointView node) {
    }

    static WebhookEndpointConnection of(Page<WebhookEndpointView> page) {
        List<Edge> edges = page.items().stream().map(e -> new Edge(new Cursor(null, e.dbId()).encode(), e)).toList();
        return new WebhookEndpointConnection(edges, PageInfo.of(page, edges.stream().map(Edge::cursor).toList()),
                Math.toIntExact(page.totalCount().getAsLong()));
    }
}
