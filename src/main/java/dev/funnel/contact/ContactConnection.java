package dev.funnel.contact;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Cursor;
import dev.funnel.common.Page;
import dev.funnel.graphql.PageInfo;

@Type("ContactConnection")
@Description("A page of contacts.")
public record ContactConnection(
        @NonNull @Description("The contacts of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Paging state.") PageInfo pageInfo,
        @NonNull @Description("How many contacts the whole list holds, across pages.") int totalCount) {

    @Type("ContactEdge")
    @Description("A contact and its position in the list.")
    public record Edge(
            @NonNull @Description("Pass as after to get the contacts that follow this one, or as before to get those that precede it.") String cursor,
            @NonNull @Description("The contact.") ContactView node) {
    }

    /** A page of contacts whose cursors carry their ids only (lists ordered by id). */
    public static ContactConnection of(Page<Contact> page) {
        return of(page, c -> new Cursor(null, c.id));
    }

    static ContactConnection of(Page<Contact> page, java.util.function.Function<Contact, Cursor> cursor) {
        List<Edge> edges = page.items().stream().map(c -> new Edge(cursor.apply(c).encode(), ContactView.of(c))).toList();
        return new ContactConnection(edges, PageInfo.of(page, edges.stream().map(Edge::cursor).toList()),
                Math.toIntExact(page.totalCount().getAsLong()));
    }
}
