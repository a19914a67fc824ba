package dev.funnel.quote;

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
import dev.funnel.invoice.InvoiceService;
import dev.funnel.invoice.InvoiceView;
import dev.funnel.team.TeamService;
import dev.funnel.team.TeamView;
import dev.funnel.common.PageRequest;
import dev.funnel.security.Role;
import io.quarkus.security.Authenticated;

@GraphQLApi
@Authenticated
public class QuoteGraphQLApi {

    private final QuoteService quotes;
    private final InvoiceService invoices;
    private final ContactService contacts;
    private final TeamService teams;

    public QuoteGraphQLApi(QuoteService quotes, InvoiceService invoices, ContactService contacts, TeamService teams) {
        this.quotes = quotes;
        this.invoices = invoices;
        this.contacts = contacts;
        this.teams = teams;
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.BILLING, Role.ADMIN })
    @Query("quote")
    @Description("A quote of the caller's teams; null when there is none with that id (or it belongs to another team).")
    public QuoteView quote(@NonNull @Id @Name("id") @Description("The quote.") String id) {
        return quotes.find(id).map(QuoteView::of).orElse(null);
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.BILLING, Role.ADMIN })
    @Query("quotes")
    @Description("Quotes of the caller's teams, newest first, paged by keyset.")
    public @NonNull QuoteConnection quotes(@Name("filter") @Description("Only quotes matching this.") QuoteFilter filter,
            @Name("first") @Description("Page forward: this many edges, 0..200 (50 when neither first nor last is given).") Integer first,
            @Name("after") @Description("Cursor of the edge to start after.") String after,
            @Name("last") @Description("Page backward: this many edges, 0..200: those just before the before cursor, or the last ones of the list; not with first.") Integer last,
            @Name("before") @Description("Cursor of the edge to end before.") String before) {
        return quotes.list(filter, PageRequest.of(first, after, last, before));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("createQuote")
    @Description("Writes a draft quote for a lead, a prospect or a client; the server computes every amount.")
    public @NonNull QuoteView createQuote(@NonNull @Name("input") @Description("What to create.") CreateQuoteInput input) {
        return QuoteView.of(quotes.create(input));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("sendQuote")
    @Description("Marks a draft quote as sent to the contact.")
    public @NonNull QuoteView sendQuote(@NonNull @Id @Name("id") @Description("The quote.") String id) {
        return QuoteView.of(quotes.send(id));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("acceptQuote")
    @Description("Records the contact's acceptance of a sent quote. With a purchase order, the contact becomes a client at once.")
    public @NonNull QuoteView acceptQuote(@NonNull @Id @Name("id") @Description("The quote.") String id,
            @Name("purchaseOrder") @Description("The contact's purchase-order reference (1..100 characters).") String purchaseOrder) {
        return QuoteView.of(quotes.accept(id, purchaseOrder));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("declineQuote")
    @Description("Records that the contact declined a sent or accepted quote.")
    public @NonNull QuoteView declineQuote(@NonNull @Id @Name("id") @Description("The quote.") String id) {
        return QuoteView.of(quotes.decline(id));
    }

    // ------------------------------------------------------------------ fields, batched per page

    @Name("lines")
    @Description("The quote's lines, in order.")
    public List<@NonNull List<@NonNull LineItemView>> lines(@Source List<QuoteView> page) {
        Map<Long, List<QuoteLine>> lines = quotes.linesOf(page.stream().map(QuoteView::dbId).toList());
        return page.stream().map(q -> lines.getOrDefault(q.dbId(), List.of()).stream()
                .map(l -> LineItemView.of(l, q.currency())).toList()).toList();
    }

    @Name("contact")
    @Description("The contact the quote is for.")
    public List<@NonNull ContactView> contact(@Source List<QuoteView> page) {
        return contacts.byIds(page.stream().map(QuoteView::contactDbId).toList()).stream().map(ContactView::of).toList();
    }

    @Name("team")
    @Description("The team that owns the quote.")
    public List<@NonNull TeamView> team(@Source List<QuoteView> page) {
        return page.stream().map(q -> TeamView.of(teams.byId(q.teamId()))).toList();
    }

    @Name("invoice")
    @Description("The invoice the quote was converted into; null until then.")
    public List<InvoiceView> invoice(@Source List<QuoteView> page) {
        var byQuote = invoices.byQuote(page.stream().map(QuoteView::dbId).toList());
        return page.stream().map(q -> byQuote.containsKey(q.dbId()) ? InvoiceView.of(byQuote.get(q.dbId())) : null).toList();
    }

    @Name("quotes")
    @Description("The contact's quotes, newest first.")
    public List<@NonNull QuoteConnection> contactQuotes(@Source List<ContactView> page,
            @Name("statuses") @Description("Only quotes in any of these statuses, as shown today (EXPIRED includes"
                    + " quotes past their date); all when absent or empty.") List<QuoteStatus> statuses,
            @Name("first") @Description("Page forward: this many edges, 0..200 (50 when neither first nor last is given).") Integer first,
            @Name("after") @Description("Cursor of the edge to start after.") String after,
            @Name("last") @Description("Page backward: this many edges, 0..200: those just before the before cursor, or the last ones of the list; not with first.") Integer last,
            @Name("before") @Description("Cursor of the edge to end before.") String before) {
        Map<Long, QuoteConnection> pages = quotes.pagesOf(page.stream().map(ContactView::dbId).toList(), statuses,
                PageRequest.of(first, after, last, before));
        return page.stream().map(c -> pages.get(c.dbId())).toList();
    }

    @Name("totalCount")
    @Description("How many quotes the whole list holds.")
    public List<@NonNull Integer> total(@Source List<QuoteConnection> lists) {
        return lists.stream().map(l -> Math.toIntExact(l.total().getAsLong())).toList();
    }
}
