package dev.funnel.contact;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("OwnerScope")
@Description("Whose contacts: the caller's own, or nobody's.")
public enum OwnerScope {
    @Description("Contacts the caller owns (its token subject): my pipeline.")
    ME,
    @Description("Contacts without an owner.")
    UNASSIGNED
}
