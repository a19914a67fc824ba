package dev.funnel.interaction;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RecordInteractionInput")
@Description("A touch with a contact. Recording it may move the contact: a suspect that now qualifies becomes a lead (rule 1); a lead answering our outreach becomes a prospect (rule 2).")
public record RecordInteractionInput(
        @NonNull @Id @Description("The contact.") String contactId,
        @NonNull @Description("The medium; WEB_FORM, QUOTE_REQUEST and WEBSITE_VISIT are inbound only.") Channel channel,
        @NonNull @Description("INBOUND: they reached us or answered; OUTBOUND: we reached out.") Direction direction,
        @Description("When it took place; now when left out; never in the future.") OffsetDateTime occurredAt,
        @Size(max = 2000) @Description("What was said or done (up to 2000 characters).") String summary,
        @Id @Description("The campaign that brought it, of the contact's team: the contact is attributed to it at the interaction's time.") String campaignId) {
}
