package dev.funnel.invoice;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.funnel.contact.ContactService;
import dev.funnel.contact.ContactView;
import dev.funnel.quote.LineItemView;
import dev.funnel.quote.Quote;
import dev.funnel.quote.QuoteService;
import dev.funnel.quote.QuoteView;
import dev.funnel.team.TeamService;
import dev.funnel.team.TeamView;
import dev.funnel.common.PageRequest;
import dev.funnel.security.Role;
import io.quarkus.security.Authenticated;

@GraphQLApi
@Authenticated
public class InvoiceGraphQLApi {

    private final InvoiceService invoices;
    private final ContactService contacts;
    private final TeamService teams;
    private final QuoteService quotes;

    public InvoiceGraphQLApi(InvoiceService invoices, ContactService contacts, TeamService teams, QuoteService quotes) {
        this.invoices = invoices;
        this.quotes = quotes;
        this.contacts = contacts;
        this.teams = teams;
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.BILLING, Role.ADMIN })
    @Query("invoice")
    @Description("An invoice of the caller's teams; null when there is none with that id (or it belongs to another team).")
    public InvoiceView invoice(@NonNull @Id @Name("id") @Description("The invoice.") String id) {
        return invoices.find(id).map(InvoiceView::of).orElse(null);
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.BILLING, Role.ADMIN })
    @Query("invoices")
    @Description("Invoices of the caller's teams, newest first, paged by keyset.")
    public @NonNull InvoiceConnection invoices(@Name("filter") @Description("Only invoices matching this.") InvoiceFilter filter,
            @Name("first") @Description("Page forward: this many edges, 0..200 (50 when neither first nor last is given).") Integer first,
            @Name("after") @Description("Cursor of the edge to start after.") String after,
            @Name("last") @Description("Page backward: this many edges, 0..200: those just before the before cursor, or the last ones of the list; not with first.") Integer last,
            @Name("before") @Description("Cursor of the edge to end before.") String before) {
        return invoices.list(filter, PageRequest.of(first, after, last, before));
    }

    @RolesAllowed({ Role.BILLING, Role.ADMIN })
    @Mutation("convertQuote")
    @Description("Converts a sent or accepted quote into its invoice and makes the contact a client, in one transaction. Safe to retry: the same idempotency key returns the same invoice (replayed: true) and never issues a second one.")
    public @NonNull ConvertQuotePayload convertQuote(
            @NonNull @Name("input") @Description("The quote and the idempotency key.") ConvertQuoteInput input) {
        InvoiceService.Conversion done = invoices.convert(input);
        return new ConvertQuotePayload(InvoiceView.of(done.invoice()), ContactView.of(done.contact()), done.replayed());
    }

    // ------------------------------------------------------------------ fields, batched per page

    @Name("lines")
    @Description("The invoice's lines, in order, as they were on the quote.")
    public List<@NonNull List<@NonNull LineItemView>> lines(@Source List<InvoiceView> page) {
        Map<Long, List<InvoiceLine>> lines = invoices.linesOf(page.stream().map(InvoiceView::dbId).toList());
        return page.stream().map(i -> lines.getOrDefault(i.dbId(), List.of()).stream()
                .map(l -> LineItemView.of(l.position, l.description, l.quantity, l.unitPrice, l.taxRate, l.net, l.tax,
                        l.gross, i.currency()))
                .toList()).toList();
    }

    @Name("contact")
    @Description("The contact invoiced.")
    public List<@NonNull ContactView> contact(@Source List<InvoiceView> page) {
        return contacts.byIds(page.stream().map(InvoiceView::contactDbId).toList()).stream().map(ContactView::of).toList();
    }

    @Name("team")
    @Description("The team that issued the invoice.")
    public List<@NonNull TeamView> team(@Source List<InvoiceView> page) {
        return page.stream().map(i -> TeamView.of(teams.byId(i.teamId()))).toList();
    }

    @Name("quote")
    @Description("The quote the invoice came from.")
    public List<@NonNull QuoteView> quote(@Source List<InvoiceView> page) {
        Map<Long, Quote> byId = quotes.byIds(page.stream().map(InvoiceView::quoteDbId).toList());
        return page.stream().map(i -> QuoteView.of(byId.get(i.quoteDbId()))).toList();
    }
}
