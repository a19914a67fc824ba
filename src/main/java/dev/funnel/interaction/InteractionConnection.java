package dev.funnel.interaction;

import java.util.List;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Cursor;
import dev.funnel.common.Page;
import dev.funnel.graphql.PageInfo;

@Type("InteractionConnection")
@Description("A page of interactions, newest first.")
public record InteractionConnection(
        @NonNull @Description("The interactions of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Paging state.") PageInfo pageInfo,
        @Ignore LongSupplier total) {

    @Type("InteractionEdge")
    @Description("An interaction and its position in the list.")
    public record Edge(
            @NonNull @Description("Pass as after to get the interactions that follow this one, or as before to get those that precede it.") String cursor,
            @NonNull @Description("The interaction.") InteractionView node) {
    }

    public static Cursor cursorOf(Interaction i) {
        return new Cursor(i.occurredAt.toString(), i.id);
    }

    /** The page; its totalCount is read only when asked for (ContactGraphQLApi.interactionsTotal). */
    static InteractionConnection of(Page<Interaction> page) {
        List<Edge> edges = page.items().stream().map(i -> new Edge(cursorOf(i).encode(), InteractionView.of(i))).toList();
        return new InteractionConnection(edges, PageInfo.of(page, edges.stream().map(Edge::cursor).toList()),
                page.totalCount());
    }
}
