package dev.funnel.contact;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("StageTrigger")
@Description("What caused a stage change.")
public enum StageTrigger {
    @Description("The contact was created in the funnel or added to it.")
    CREATION,
    @Description("A sales user qualified or disqualified the contact by hand.")
    MANUAL,
    @Description("The contact met its team's qualification criteria and showed interest.")
    CRITERIA,
    @Description("The first inbound answer after an outbound touch: communication became two-way.")
    TWO_WAY_EXCHANGE,
    @Description("One of the contact's quotes was converted into an invoice.")
    QUOTE_CONVERSION,
    @Description("The contact placed a purchase order.")
    PURCHASE_ORDER,
    @Description("A disqualified contact was reopened to the stage it left.")
    REOPEN,
    @Description("A sales user accepted a marketing-qualified lead (acceptLead): it stays a lead, now sales-qualified.")
    SALES_ACCEPTED,
    @Description("A sales user rejected a marketing-qualified lead back to nurture, with a reason (rejectLead): a suspect again.")
    SALES_REJECTED,
    @Description("A contact import created or changed the contact (docs/imports.md).")
    IMPORT
}
