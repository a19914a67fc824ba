package dev.funnel.quote;

import static dev.funnel.common.Times.utc;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Ids;
import dev.funnel.common.Money;
import dev.funnel.common.Times;

@Type("Quote")
@Description("A priced offer to a contact. Totals are computed by the server.")
public record QuoteView(
        @Ignore long dbId,
        @Ignore long teamId,
        @Ignore long contactDbId,
        @NonNull @Id @Description("Opaque id.") String id,
        @NonNull @Description("Number, sequential within the team.") int number,
        @NonNull @Description("Status today: a draft, sent or accepted quote past its validity date is EXPIRED.") QuoteStatus status,
        @NonNull @Description("ISO 4217 currency code.") String currency,
        @NonNull @Description("Last day the offer holds.") LocalDate validUntil,
        @NonNull @Description("Sum of the lines' net amounts.") Money net,
        @NonNull @Description("Sum of the lines' tax amounts.") Money tax,
        @NonNull @Description("net + tax.") Money gross,
        @Description("The contact's purchase-order reference, when it accepted with one.") String purchaseOrder,
        @Description("When it was sent (UTC).") OffsetDateTime sentAt,
        @Description("When it was accepted (UTC).") OffsetDateTime acceptedAt,
        @Description("When it was declined (UTC).") OffsetDateTime declinedAt,
        @Description("When it was converted into an invoice (UTC).") OffsetDateTime convertedAt,
        @NonNull @Description("Optimistic-locking version.") int version,
        @NonNull @Description("When it was created (UTC).") OffsetDateTime createdAt,
        @NonNull @Description("When it last changed (UTC).") OffsetDateTime updatedAt) {

    public static QuoteView of(Quote q) {
        return new QuoteView(q.id, q.teamId, q.contactId, Ids.encode("Quote", q.id), Math.toIntExact(q.number),
                q.effectiveStatus(Times.today()), q.currency, q.validUntil, Money.of(q.netTotal, q.currency),
                Money.of(q.taxTotal, q.currency), Money.of(q.grossTotal, q.currency), q.purchaseOrder, utc(q.sentAt),
                utc(q.acceptedAt), utc(q.declinedAt), utc(q.convertedAt), Math.toIntExact(q.version), utc(q.createdAt),
                utc(q.updatedAt));
    }
}
