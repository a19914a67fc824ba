package dev.funnel.report;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Funnel")
@Description("A team's funnel over a period (docs/funnel.md, \"The funnel\"): the whole, and its groups when asked for.")
public record FunnelView(
        @NonNull @Description("The team (code).") String team,
        @NonNull @Description("First day of the period (UTC).") LocalDate from,
        @NonNull @Description("Last day of the period (UTC), included.") LocalDate to,
        @NonNull @Description("Which contacts it follows.") FunnelCohort cohort,
        @Description("How the groups split them; null when not grouped.") FunnelGrouping groupBy,
        @NonNull @Description("All the cohort's contacts.") FunnelGroupView total,
        @NonNull @Description("One per group, largest first (empty when not grouped).") List<@NonNull FunnelGroupView> groups) {
}
