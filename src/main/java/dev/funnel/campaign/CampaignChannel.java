package dev.funnel.campaign;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("CampaignChannel")
@Description("How a campaign reaches contacts.")
public enum CampaignChannel {
    @Description("Calls to a list (phoning).")
    PHONING,
    @Description("Letters and printed mail.")
    MAILING,
    @Description("E-mail sends.")
    EMAILING,
    @Description("The web: site, search and display advertising.")
    WEB_ADS,
    @Description("Social networks.")
    SOCIAL,
    @Description("Trade shows, conferences, meetings.")
    EVENT,
    @Description("A referral programme.")
    REFERRAL,
    @Description("Anything else.")
    OTHER
}
