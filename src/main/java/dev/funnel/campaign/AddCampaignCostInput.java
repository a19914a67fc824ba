package dev.funnel.campaign;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.funnel.common.Decimal;

@Input("AddCampaignCostInput")
@Description("A cost line of a campaign: what was spent, on which day.")
public record AddCampaignCostInput(
        @NonNull @Id @Description("The campaign.") String campaignId,
        @NonNull @Description("The day the cost was incurred.") LocalDate incurredOn,
        @NonNull @Description("More than 0, in the campaign's currency, with no more decimals than it has.") Decimal amount,
        @Size(max = 2000) @Description("What it was (a list bought, an ad spend...), up to 2000 characters.") String description) {
}
