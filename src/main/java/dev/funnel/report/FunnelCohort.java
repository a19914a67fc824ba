package dev.funnel.report;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("FunnelCohort")
@Description("Which contacts a funnel follows (docs/funnel.md, \"The funnel\").")
public enum FunnelCohort {
    @Description("The contacts created in the period.")
    CREATED,
    @Description("The contacts whose stage changed in the period.")
    ACTIVE
}
