package dev.funnel.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PageInfo")
@Description("Where a page stands in its list.")
public record PageInfo(
        @NonNull @Description("True when another page follows; ask for it with after: endCursor.") boolean hasNextPage,
        @Description("The cursor of the last edge of this page; null on an empty page.") String endCursor) {

    public static PageInfo of(boolean hasNextPage, String endCursor) {
        return new PageInfo(hasNextPage, endCursor);
    }
}
