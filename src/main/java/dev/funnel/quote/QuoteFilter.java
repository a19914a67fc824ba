package dev.funnel.quote;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("QuoteFilter")
@Description("Narrows a quote list; every field given must match.")
public record QuoteFilter(
        @Size(max = 6) @Description("Any of these statuses, as shown today (EXPIRED includes quotes past their date).") List<QuoteStatus> statuses,
        @Id @Description("Only the quotes of this contact.") String contactId,
        @Size(max = 64) @Description("Only this team (code).") String team) {
}
