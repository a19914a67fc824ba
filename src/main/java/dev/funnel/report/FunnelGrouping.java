package dev.funnel.report;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("FunnelGrouping")
@Description("How a funnel splits its contacts into groups (docs/funnel.md, \"The funnel\").")
public enum FunnelGrouping {
    @Description("By how the contact came to the team (Contact.source).")
    SOURCE,
    @Description("By the channel of the contact's first campaign.")
    CHANNEL,
    @Description("By the contact's first campaign (first touch).")
    CAMPAIGN,
    @Description("By the contact's owner.")
    OWNER,
    @Description("By the contact's temperature now.")
    TEMPERATURE
}
