package dev.funnel.contact;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("Source")
@Description("How the contact came to the team.")
public enum Source {
    @Description("Filled a form on our website (inbound; interest signal; hot).")
    WEB_FORM(true),
    @Description("Asked for a quote (inbound; interest signal; hot).")
    QUOTE_REQUEST(true),
    @Description("Visited our website.")
    WEBSITE(true),
    @Description("Called us.")
    INBOUND_CALL(true),
    @Description("Wrote to us.")
    INBOUND_EMAIL(true),
    @Description("Was referred to us by someone.")
    REFERRAL(true),
    @Description("Met at an event.")
    EVENT(false),
    @Description("Found on a social network.")
    SOCIAL_NETWORK(false),
    @Description("Found in a directory.")
    DIRECTORY(false),
    @Description("Came from a bought or rented list.")
    LIST(false),
    @Description("Reached by our outbound prospecting campaign.")
    OUTBOUND_CAMPAIGN(false),
    @Description("Any other way.")
    OTHER(false);

    private final boolean inbound;

    Source(boolean inbound) {
        this.inbound = inbound;
    }

    /** True when the contact reached us first, before any outreach of ours. */
    public boolean inbound() {
        return inbound;
    }
}
