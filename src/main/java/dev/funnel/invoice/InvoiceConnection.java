package dev.funnel.invoice;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Cursor;
import dev.funnel.common.Page;
import dev.funnel.graphql.PageInfo;

@Type("InvoiceConnection")
@Description("A page of invoices, newest first.")
public record InvoiceConnection(
        @NonNull @Description("The invoices of this page, each with its cursor.") List<@NonNull Edge> edges,
        @NonNull @Description("Paging state.") PageInfo pageInfo,
        @NonNull @Description("How many invoices the whole list holds.") int totalCount) {

    @Type("InvoiceEdge")
    @Description("An invoice and its position in the list.")
    public record Edge(
            @NonNull @Description("Pass as after to get the invoices that follow this one, or as before to get those that precede it.") String cursor,
            @NonNull @Description("The invoice.") InvoiceView node) {
    }

    static InvoiceConnection of(Page<Invoice> page) {
        List<Edge> edges = page.items().stream().map(i -> new Edge(new Cursor(null, i.id).encode(), InvoiceView.of(i))).toList();
        return new InvoiceConnection(edges, PageInfo.of(page, edges.stream().map(Edge::cursor).toList()),
                Math.toIntExact(page.totalCount().getAsLong()));
    }
}
