package dev.funnel.contact;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ContactRole")
@Description("Roles a contact holds besides its place in the funnel; a partner can also be a prospect.")
public enum ContactRole {
    @Description("A business partner.")
    PARTNER,
    @Description("One of our suppliers.")
    SUPPLIER,
    @Description("One of our employees.")
    EMPLOYEE,
    @Description("Press, analyst, influencer.")
    INFLUENCER
}
