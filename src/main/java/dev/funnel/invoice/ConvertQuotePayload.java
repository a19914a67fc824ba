package dev.funnel.invoice;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.contact.ContactView;

@Type("ConvertQuotePayload")
@Description("What a conversion produced.")
public record ConvertQuotePayload(
        @NonNull @Description("The invoice: new, or the one an earlier call with the same key produced.") InvoiceView invoice,
        @NonNull @Description("The quote's contact, now a client.") ContactView contact,
        @NonNull @Description("True when this call repeated an earlier successful one: nothing new was written.") boolean replayed) {
}
