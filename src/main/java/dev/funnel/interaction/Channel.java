package dev.funnel.interaction;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("Channel")
@Description("The medium of an interaction.")
public enum Channel {
    @Description("An email.")
    EMAIL(true, false),
    @Description("A phone call.")
    PHONE(true, false),
    @Description("A postal letter.")
    POSTAL_MAIL(true, false),
    @Description("A message on a social network.")
    SOCIAL(true, false),
    @Description("A meeting, in person or remote.")
    MEETING(true, false),
    @Description("A talk at an event or a trade show.")
    EVENT(true, false),
    @Description("A form filled on our website (inbound only; interest signal).")
    WEB_FORM(true, true),
    @Description("A quote request (inbound only; interest signal).")
    QUOTE_REQUEST(true, true),
    @Description("A visit to our website (inbound only). Counts toward repeated visits, never as an answer.")
    WEBSITE_VISIT(false, true);

    private final boolean conversational;
    private final boolean inboundOnly;

    Channel(boolean conversational, boolean inboundOnly) {
        this.conversational = conversational;
        this.inboundOnly = inboundOnly;
    }

    /** A conversational interaction is one that can answer a touch (a website visit cannot). */
    public boolean conversational() {
        return conversational;
    }

    public boolean inboundOnly() {
        return inboundOnly;
    }
}
