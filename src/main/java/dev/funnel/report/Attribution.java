package dev.funnel.report;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("Attribution")
@Description("Which campaign a contact's results are credited to (docs/funnel.md, \"Campaign performance\").")
public enum Attribution {
    @Description("The first campaign that reached the contact.")
    FIRST_TOUCH,
    @Description("The last campaign that reached the contact.")
    LAST_TOUCH
}
