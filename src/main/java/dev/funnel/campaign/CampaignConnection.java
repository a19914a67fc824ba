package dev.funnel.campaign;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Cursor;
import dev.funnel.common.Page;
import dev.funnel.graphql.PageInfo;

@Type("CampaignConnection")
@Description("A page of campaigns, newest first.")
public record CampaignConnection(
        @NonNull @Description("The campaigns of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Paging state.") PageInfo pageInfo,
        @NonNull @Description("How many campaigns the whole list holds.") int totalCount) {

    @Type("CampaignEdge")
    @Description("A campaign and its position in the list.")
    public record Edge(
            @NonNull @Description("Pass as after to get the campaigns that follow this one, or as before to get those that precede it.") String cursor,
            @NonNull @Description("The campaign.") CampaignView node) {
    }

    static CampaignConnection of(Page<CampaignView> page) {
        List<Edge> edges = page.items().stream().map(e -> new Edge(new Cursor(null, e.dbId()).encode(), e)).toList();
        return new CampaignConnection(edges, PageInfo.of(page, edges.stream().map(Edge::cursor).toList()),
                Math.toIntExact(page.totalCount().getAsLong()));
    }
}
