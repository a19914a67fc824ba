package dev.funnel.invoice;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Ids;
import dev.funnel.common.Money;
import dev.funnel.common.Times;

@Type("Invoice")
@Description("Issued by converting a quote; its lines and totals are the quote's at that moment.")
public record InvoiceView(
        @Ignore long dbId,
        @Ignore long teamId,
        @Ignore long contactDbId,
        @Ignore long quoteDbId,
        @NonNull @Id @Description("Opaque id.") String id,
        @NonNull @Description("Number, sequential without gaps within the team, in issue order.") int number,
        @NonNull @Description("ISO 4217 currency code.") String currency,
        @NonNull @Description("Sum of the lines' net amounts.") Money net,
        @NonNull @Description("Sum of the lines' tax amounts.") Money tax,
        @NonNull @Description("net + tax.") Money gross,
        @NonNull @Description("When it was issued (UTC).") OffsetDateTime issuedAt,
        @NonNull @Description("Who converted the quote: a user name, or the billing system's client id.") String issuedBy) {

    public static InvoiceView of(Invoice i) {
        return new InvoiceView(i.id, i.teamId, i.contactId, i.quoteId, Ids.encode("Invoice", i.id),
                Math.toIntExact(i.number), i.currency, Money.of(i.netTotal, i.currency), Money.of(i.taxTotal, i.currency),
                Money.of(i.grossTotal, i.currency), Times.utc(i.issuedAt), i.issuedBy);
    }
}
