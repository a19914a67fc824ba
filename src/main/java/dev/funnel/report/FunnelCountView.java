package dev.funnel.report;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.contact.Stage;

@Type("FunnelCount")
@Description("A count of a funnel, which can be opened as the list of the contacts behind it (contacts).")
public record FunnelCountView(
        @NonNull @Description("How many contacts.") int count,
        @Ignore FunnelQuery query,
        @Ignore boolean whole,
        @Ignore String groupKey,
        @Ignore Stage stage,
        @Ignore FunnelOutcome outcome) {
}
