package dev.funnel.contact;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("Temperature")
@Description("How close a lead or prospect is to buying; decides the follow-up order (hot, warm, then cold).")
public enum Temperature {
    @Description("Showed interest only in response to our prospecting campaign.")
    COLD,
    @Description("Was interested in this kind of offer before our campaign: follow up before the cold ones.")
    WARM,
    @Description("High chance to close: came through a web form or a quote request.")
    HOT
}
