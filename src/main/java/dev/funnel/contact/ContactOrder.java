package dev.funnel.contact;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ContactOrder")
@Description("Sort order of a contact list. Ties are broken by id, so paging is stable.")
public record ContactOrder(
        @NonNull @Description("What to sort on.") Field field,
        @DefaultValue("DESC") @Description("Ascending or descending; contacts without a value (no interaction yet) come last either way.") Direction direction) {

    public static final ContactOrder DEFAULT = new ContactOrder(Field.UPDATED_AT, Direction.DESC);

    @Enum("ContactOrderField")
    @Description("A field contacts can be sorted on.")
    public enum Field {
        @Description("Last change.")
        UPDATED_AT,
        @Description("Creation.")
        CREATED_AT,
        @Description("Display name.")
        NAME,
        @Description("Last interaction.")
        LAST_INTERACTION_AT
    }

    @Enum("OrderDirection")
    @Description("Sort direction.")
    public enum Direction {
        @Description("Smallest first.")
        ASC,
        @Description("Largest first.")
        DESC
    }
}
