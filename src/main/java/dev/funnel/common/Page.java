package dev.funnel.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One page of a keyset-paged list, in the list's order, before it is shaped into a GraphQL
 * connection. The total of the whole list is a supplier: a contact's nested lists count theirs
 * only if a client asks for it.
 *
 * <p>Only the side a page was read towards is looked up (the one extra row fetched); the other
 * side follows the allowance of Relay's connection specification: paging forward, a previous page
 * exists when {@code after} was given; paging backward, a next page exists when {@code before}
 * was given. So a page costs one statement whichever way it is read.
 */
public record Page<T>(List<T> items, boolean hasNextPage, boolean hasPreviousPage, LongSupplier totalCount) {

    /** A page from the rows fetched in reading order (one more than asked, when more exist). */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, long totalCount) {
        return of(fetched, request, () -> totalCount);
    }

    public static <T> Page<T> of(List<T> fetched, PageRequest request, LongSupplier totalCount) {
        boolean more = fetched.size() > request.size();
        List<T> rows = more ? fetched.subList(0, request.size()) : fetched;
        if (request.backward()) {
            List<T> reversed = new ArrayList<>(rows);
            Collections.reverse(reversed);
            return new Page<>(reversed, request.before() != null, more, totalCount);
        }
        return new Page<>(rows, more, request.after() != null, totalCount);
    }

    /**
     * A page of no rows (first: 0 or last: 0) of a list of that many: more rows lie on the side read
     * towards when the list has any and no cursor bounds that side.
     */
    public static <T> Page<T> empty(PageRequest request, long totalCount) {
        boolean more = totalCount > 0 && request.from() == null;
        return request.backward()
                ? new Page<>(List.of(), request.before() != null, more, () -> totalCount)
                : new Page<>(List.of(), more, request.after() != null, () -> totalCount);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), hasNextPage, hasPreviousPage, totalCount);
    }
}
