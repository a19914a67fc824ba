package dev.funnel.invoice;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("InvoiceFilter")
@Description("Narrows an invoice list; every field given must match.")
public record InvoiceFilter(
        @Id @Description("Only the invoices of this contact.") String contactId,
        @Size(max = 64) @Description("Only this team (code).") String team,
        @Description("Only invoices issued at or after this time.") OffsetDateTime issuedSince) {
}
