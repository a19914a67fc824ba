package dev.funnel.contact;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("DisqualificationReason")
@Description("Why a contact was taken out of the funnel.")
public enum DisqualificationReason {
    @Description("Outside the team's target (geography, sector, size, revenue).")
    NOT_OUR_TARGET,
    @Description("No budget for the offer.")
    NO_BUDGET,
    @Description("No need for the offer.")
    NO_NEED,
    @Description("Never answered our touches.")
    UNRESPONSIVE,
    @Description("A competitor, a student, an accidental visitor.")
    COMPETITOR,
    @Description("Bought elsewhere.")
    LOST_TO_COMPETITOR,
    @Description("Any other reason; say which in the note.")
    OTHER
}
