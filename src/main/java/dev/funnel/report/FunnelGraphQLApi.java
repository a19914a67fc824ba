package dev.funnel.report;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.funnel.common.PageRequest;
import dev.funnel.contact.ContactConnection;
import dev.funnel.security.Role;
import io.quarkus.security.Authenticated;

@GraphQLApi
@Authenticated
public class FunnelGraphQLApi {

    private final FunnelService funnels;
    private final CampaignPerformanceService performance;

    public FunnelGraphQLApi(FunnelService funnels, CampaignPerformanceService performance) {
        this.funnels = funnels;
        this.performance = performance;
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Query("campaignPerformance")
    @Description("What each campaign of a team, and each channel, brought and cost over a period under one attribution: contacts reached, leads, prospects, clients, invoiced revenue, cost, cost per lead, prospect and client, ROI (docs/funnel.md).")
    public @NonNull CampaignPerformanceView campaignPerformance(@NonNull @Name("team") @Description("One of the caller's teams (code).") String team,
            @NonNull @Name("from") @Description("First day of the period (UTC).") LocalDate from,
            @NonNull @Name("to") @Description("Last day of the period (UTC), included.") LocalDate to,
            @NonNull @Name("attribution") @Description("Credit each contact to its first or to its last campaign.") Attribution attribution) {
        return performance.performance(team, from, to, attribution);
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Query("funnel")
    @Description("A team's funnel over a period: per stage, how many contacts entered it, advanced, were lost, went back or are still there, conversion rates and time in stage; the MQL to SQL hand-off; optionally per group (docs/funnel.md).")
    public @NonNull FunnelView funnel(@NonNull @Name("team") @Description("One of the caller's teams (code).") String team,
            @NonNull @Name("from") @Description("First day of the period (UTC).") LocalDate from,
            @NonNull @Name("to") @Description("Last day of the period (UTC), included; a period covers at most 3660 days.") LocalDate to,
            @DefaultValue("CREATED") @Name("cohort") @Description("Which contacts: created in the period (default), or whose stage changed in it.") FunnelCohort cohort,
            @Name("groupBy") @Description("Split the contacts into groups; none when left out.") FunnelGrouping groupBy) {
        return funnels.funnel(team, from, to, cohort, groupBy);
    }

    @Name("contacts")
    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Description("The contacts behind the count, by id.")
    public @NonNull ContactConnection contacts(@Source FunnelCountView count,
            @Name("first") @Description("Page forward: this many edges, 0..200 (50 when neither first nor last is given).") Integer first,
            @Name("after") @Description("Cursor of the edge to start after.") String after,
            @Name("last") @Description("Page backward: this many edges, 0..200: those just before the before cursor, or the last ones of the list; not with first.") Integer last,
            @Name("before") @Description("Cursor of the edge to end before.") String before) {
        return funnels.contacts(count, PageRequest.of(first, after, last, before));
    }
}
