package dev.funnel.invoice;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ConvertQuoteInput")
@Description("Which quote to convert, and the caller's idempotency key for this conversion.")
public record ConvertQuoteInput(
        @NonNull @Id @Description("The quote: sent or accepted, and not expired.") String quoteId,
        @NonNull @Size(min = 1, max = 255)
        @Description("1..255 characters chosen by the caller, one per conversion. Retrying with the same key returns the same invoice.") String idempotencyKey) {
}
