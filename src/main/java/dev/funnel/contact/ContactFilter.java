package dev.funnel.contact;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("ContactFilter")
@Description("Narrows a contact list; every field given must match.")
public record ContactFilter(
        @Size(max = 5) @Description("Any of these stages.") List<Stage> stages,
        @Size(max = 3) @Description("Any of these temperatures.") List<Temperature> temperatures,
        @Size(max = 12) @Description("Any of these sources.") List<Source> sources,
        @Size(max = 64) @Description("Only this team (code); it must be one of the caller's.") String team,
        @Size(max = 200) @Description("Text found in the name or the email, case-insensitive.") String search,
        @Description("Only contacts changed at or after this time.") OffsetDateTime updatedSince,
        @Description("ME: the caller's own contacts (my pipeline); UNASSIGNED: contacts nobody owns.") OwnerScope owner,
        @Size(max = 200) @Description("Only the contacts of this owner (a token subject, as Contact.owner.subject).") String ownedBy) {
}
