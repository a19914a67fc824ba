package dev.funnel.contact;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("Stage")
@Description("Where a contact stands in the sales funnel. A contact outside the funnel (partner, supplier...) has no stage.")
public enum Stage {
    @Description("Found in a list, a directory, a social network or a brief visit; too little is known yet.")
    SUSPECT,
    @Description("Pre-qualified: fits the team's criteria and showed interest; communication is one-way so far.")
    LEAD,
    @Description("Engaged in a two-way exchange; has a real buying potential.")
    PROSPECT,
    @Description("Bought: a quote was converted into an invoice or a purchase order was placed.")
    CLIENT,
    @Description("Taken out of the funnel with a reason; can be reopened to the stage it left.")
    DISQUALIFIED
}
