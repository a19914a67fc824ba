package dev.funnel.contact;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("LeadStatus")
@Description("Where a lead stands between marketing and sales (docs/funnel.md, \"MQL and SQL\").")
public enum LeadStatus {
    @Description("Marketing-qualified: the lead met its team's criteria and showed interest (or was qualified by hand); sales has not decided yet.")
    MQL,
    @Description("Sales-qualified: a sales user accepted the lead (acceptLead).")
    SQL,
    @Description("Sent back to nurture by sales (rejectLead): a suspect again, qualified again only by hand.")
    REJECTED
}
