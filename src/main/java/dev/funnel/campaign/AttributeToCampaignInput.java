package dev.funnel.campaign;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AttributeToCampaignInput")
@Description("A campaign reached a contact: now, or with one of its interactions (then at that interaction's time). Give contactId or interactionId.")
public record AttributeToCampaignInput(
        @NonNull @Id @Description("The campaign, of the contact's team.") String campaignId,
        @Id @Description("The contact the campaign reached, now.") String contactId,
        @Id @Description("The interaction the campaign brought; its contact is attributed at its time.") String interactionId) {
}
