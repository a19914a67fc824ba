package dev.funnel.report;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.campaign.CampaignChannel;
import dev.funnel.common.Decimal;
import dev.funnel.common.Money;

@Type("ChannelResult")
@Description("The campaigns of one channel, added up.")
public record ChannelResultView(
        @NonNull @Description("The channel.") CampaignChannel channel,
        @NonNull @Description("Its campaigns in this result.") int campaigns,
        @NonNull @Description("Contacts reached (each credited to one campaign).") int reached,
        @NonNull @Description("Leads.") int leads,
        @NonNull @Description("Prospects.") int prospects,
        @NonNull @Description("Clients.") int clients,
        @NonNull @Description("Invoiced net revenue, per currency.") List<@NonNull Money> revenue,
        @NonNull @Description("Cost, per currency of its campaigns.") List<@NonNull Money> cost,
        @Description("cost / leads when the channel's costs are in one currency; else null.") Money costPerLead,
        @Description("cost / prospects, likewise.") Money costPerProspect,
        @Description("cost / clients, likewise.") Money costPerClient,
        @Description("(revenue - cost) / cost in the costs' one currency, 4 decimals; null when no cost or several currencies.") Decimal roi,
        @Description("Why a figure is missing or partial.") String note) {
}
