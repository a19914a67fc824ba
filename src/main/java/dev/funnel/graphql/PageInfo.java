package dev.funnel.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Page;

@Type("PageInfo")
@Description("Where a page stands in its list (Relay's connection specification).")
public record PageInfo(
        @NonNull @Description("True when another page follows; ask for it with after: endCursor. When paging backward"
                + " (last), true exactly when before was given: it is not looked up.") boolean hasNextPage,
        @NonNull @Description("True when another page precedes; ask for it with last and before: startCursor. When"
                + " paging forward (first), true exactly when after was given: it is not looked up.") boolean hasPreviousPage,
        @Description("The cursor of the first edge of this page; null on an empty page.") String startCursor,
        @Description("The cursor of the last edge of this page; null on an empty page.") String endCursor) {

    /** The paging state of {@code page}, whose edges carry {@code cursors} in order. */
    public static PageInfo of(Page<?> page, List<String> cursors) {
        return new PageInfo(page.hasNextPage(), page.hasPreviousPage(), cursors.isEmpty() ? null : cursors.get(0),
                cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
    }
}
