package dev.funnel.contact;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ContactKind")
@Description("Whether a contact is a person or an organization.")
public enum ContactKind {
    @Description("A person; may belong to an organization contact.")
    PERSON,
    @Description("A company, an association, an administration.")
    ORGANIZATION
}
