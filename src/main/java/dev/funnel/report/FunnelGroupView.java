package dev.funnel.report;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("FunnelGroup")
@Description("A funnel of one group of contacts (or of all of them).")
public record FunnelGroupView(
        @Description("The group: a source, channel or temperature name, a campaign id, an owner's subject; null for the contacts without one, and for the whole.") String key,
        @Description("What to show for it: the campaign's name, the owner's name, else the key; null with the key.") String label,
        @NonNull @Description("Contacts of the cohort in the group.") int contacts,
        @NonNull @Description("SUSPECT, LEAD, PROSPECT, CLIENT, in order.") List<@NonNull FunnelStageView> stages,
        @NonNull @Description("MQL to SQL.") LeadHandoffView leads) {
}
