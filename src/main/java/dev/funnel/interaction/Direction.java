package dev.funnel.interaction;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("Direction")
@Description("Who started the interaction.")
public enum Direction {
    @Description("They reached us, or answered us.")
    INBOUND,
    @Description("We reached out.")
    OUTBOUND
}
