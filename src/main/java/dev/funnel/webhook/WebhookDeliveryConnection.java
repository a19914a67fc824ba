package dev.funnel.webhook;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Cursor;
import dev.funnel.common.Page;
import dev.funnel.graphql.PageInfo;

@Type("WebhookDeliveryConnection")
@Description("A page of an endpoint's deliveries, newest first.")
public record WebhookDeliveryConnection(
        @NonNull @Description("The deliveries of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Paging state.") PageInfo pageInfo,
        @NonNull @Description("How many deliveries the whole list holds.") int totalCount) {

    @Type("WebhookDeliveryEdge")
    @Description("A delivery and its position in the list.")
    public record Edge(
            @NonNull @Description("Pass as after to get the deliveries that follow this one.") String cursor,
            @NonNull @Description("The delivery.") WebhookDeliveryView node) {
    }

    static WebhookDeliveryConnection of(Page<Row> page) {
        List<Edge> edges = page.items().stream().map(r -> new Edge(new Cursor(null, r.dbId()).encode(), r.view())).toList();
        return new WebhookDeliveryConnection(edges, PageInfo.of(page, edges.stream().map(Edge::cursor).toList()),
                Math.toIntExact(page.totalCount().getAsLong()));
    }

    record Row(long dbId, WebhookDeliveryView view) {
    }
}
