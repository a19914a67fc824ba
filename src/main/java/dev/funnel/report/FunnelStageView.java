package dev.funnel.report;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Decimal;
import dev.funnel.contact.Stage;

@Type("FunnelStage")
@Description("One stage of a funnel: how many contacts entered it in the period and what became of them by its end;"
        + " entered = advanced + lost + wentBack + stillThere (docs/funnel.md).")
public record FunnelStageView(
        @NonNull @Description("The stage.") Stage stage,
        @NonNull @Description("Contacts that entered the stage in the period (each once, whatever how many times).") FunnelCountView entered,
        @NonNull @Description("Of those, the contacts whose last stay in the stage ended with a later stage of the funnel.") FunnelCountView advanced,
        @NonNull @Description("... ended disqualified.") FunnelCountView lost,
        @NonNull @Description("... ended with an earlier stage (a lead rejected back to nurture).") FunnelCountView wentBack,
        @NonNull @Description("... had not ended by the end of the period.") FunnelCountView stillThere,
        @Description("advanced / entered, 4 decimals; null when none entered.") Decimal nextStepRate,
        @Description("entered / entered SUSPECT, 4 decimals: the share of the funnel's entrants that reached this stage; null when none entered SUSPECT.") Decimal cumulativeRate,
        @Description("Median time in the stage, in days (4 decimals), over the stays that began in the period and ended by its end; null when none did.") Decimal medianDays,
        @Description("90th percentile of the same, in days.") Decimal p90Days) {
}
