package dev.funnel.quote;

import java.util.List;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Cursor;
import dev.funnel.common.Page;
import dev.funnel.graphql.PageInfo;

@Type("QuoteConnection")
@Description("A page of quotes, newest first.")
public record QuoteConnection(
        @NonNull @Description("The quotes of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Paging state.") PageInfo pageInfo,
        @Ignore LongSupplier total) {

    @Type("QuoteEdge")
    @Description("A quote and its position in the list.")
    public record Edge(
            @NonNull @Description("Pass as after to get the quotes that follow this one, or as before to get those that precede it.") String cursor,
            @NonNull @Description("The quote.") QuoteView node) {
    }

    /** The page; its totalCount is read only when asked for (QuoteGraphQLApi.total). */
    static QuoteConnection of(Page<Quote> page) {
        List<Edge> edges = page.items().stream().map(q -> new Edge(new Cursor(null, q.id).encode(), QuoteView.of(q))).toList();
        return new QuoteConnection(edges, PageInfo.of(page, edges.stream().map(Edge::cursor).toList()), page.totalCount());
    }
}
