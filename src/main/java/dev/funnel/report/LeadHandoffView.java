package dev.funnel.report;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Decimal;

@Type("LeadHandoff")
@Description("Marketing to sales: the leads that became marketing-qualified in the period, and what sales decided by its end (docs/funnel.md, \"MQL and SQL\").")
public record LeadHandoffView(
        @NonNull @Description("Leads that became MQL in the period (entered LEAD).") int mql,
        @NonNull @Description("Of those, accepted by sales (SQL).") int accepted,
        @NonNull @Description("... rejected back to nurture.") int rejected,
        @NonNull @Description("... not decided yet (still MQL, or moved on without a decision).") int undecided,
        @Description("accepted / (accepted + rejected), 4 decimals; null when sales decided none.") Decimal acceptanceRate,
        @Description("Median time from MQL to the decision, in hours (4 decimals); null when none.") Decimal medianHours,
        @Description("90th percentile of the same, in hours.") Decimal p90Hours) {
}
