package dev.funnel.report;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("CampaignPerformance")
@Description("What a team's campaigns brought and cost over a period, per campaign and per channel.")
public record CampaignPerformanceView(
        @NonNull @Description("The team (code).") String team,
        @NonNull @Description("First day (UTC).") LocalDate from,
        @NonNull @Description("Last day (UTC), included.") LocalDate to,
        @NonNull @Description("How contacts are credited.") Attribution attribution,
        @NonNull @Description("The campaigns that ran in the period or reached contacts in it, by name.") List<@NonNull CampaignResultView> campaigns,
        @NonNull @Description("Per channel, by channel.") List<@NonNull ChannelResultView> channels) {
}
