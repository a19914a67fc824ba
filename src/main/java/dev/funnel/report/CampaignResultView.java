package dev.funnel.report;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.campaign.CampaignView;
import dev.funnel.common.Decimal;
import dev.funnel.common.Money;

@Type("CampaignResult")
@Description("What one campaign brought in the period, under the attribution asked for (docs/funnel.md, \"Campaign performance\").")
public record CampaignResultView(
        @NonNull @Description("The campaign.") CampaignView campaign,
        @NonNull @Description("Contacts credited to the campaign that it reached in the period.") int reached,
        @NonNull @Description("Of those, contacts that were or became leads (or further) by the end of the period.") int leads,
        @NonNull @Description("... prospects (or clients).") int prospects,
        @NonNull @Description("... clients.") int clients,
        @NonNull @Description("Net total of the invoices issued to those contacts in the period, per currency.") List<@NonNull Money> revenue,
        @NonNull @Description("The campaign's cost lines incurred in the period, in its currency.") Money cost,
        @Description("cost / leads, rounded to the currency's digits; null when no lead or no cost.") Money costPerLead,
        @Description("cost / prospects; null when none or no cost.") Money costPerProspect,
        @Description("cost / clients; null when none or no cost.") Money costPerClient,
        @Description("(revenue - cost) / cost, revenue in the campaign's currency, 4 decimals; null when there is no cost.") Decimal roi,
        @Description("Why a figure is missing or partial: no cost recorded in the period; revenue in other currencies left out of the ROI.") String note) {
}
