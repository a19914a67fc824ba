package dev.funnel.quote;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CreateQuoteInput")
@Description("A new quote, as a draft, for a lead, a prospect or a client of the caller's teams.")
public record CreateQuoteInput(
        @NonNull @Id @Description("The contact the quote is for; the quote joins its team.") String contactId,
        @NonNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR")
        @Description("ISO 4217 currency code, e.g. EUR.") String currency,
        @NonNull @Description("Last day the offer holds; today or later.") LocalDate validUntil,
        @NonNull @NotEmpty @Size(max = 200) @Description("1..200 lines.") List<@Valid QuoteLineInput> lines) {
}
