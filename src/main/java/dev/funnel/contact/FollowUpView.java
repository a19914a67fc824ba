package dev.funnel.contact;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("FollowUpStatus")
@Description("Where a contact stands against its team's follow-up caps.")
public record FollowUpView(
        @NonNull @Description("Outbound touches since the contact last answered.") int unansweredTouches,
        @NonNull @Description("Of those, how many fall within the team's follow-up window.") int touchesInWindow,
        @NonNull @Description("True when the contact is held back from the follow-up list: enough touches for now.") boolean heldBack,
        @Description("UNRESPONSIVE when the contact never answered enough touches to be worth disqualifying; else null.") DisqualificationReason suggestedDisqualification) {
}
