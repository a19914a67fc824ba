package dev.funnel.common;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One page of a keyset-paged list, before it is shaped into a GraphQL connection. The total of the
 * whole list is a supplier: a contact's nested lists count theirs only if a client asks for it.
 */
public record Page<T>(List<T> items, boolean hasNextPage, LongSupplier totalCount) {

    /** Trims the one extra row fetched to learn whether a next page exists. */
    public static <T> Page<T> of(List<T> fetched, int size, long totalCount) {
        return of(fetched, size, () -> totalCount);
    }

    public static <T> Page<T> of(List<T> fetched, int size, LongSupplier totalCount) {
        boolean more = fetched.size() > size;
        return new Page<>(more ? fetched.subList(0, size) : fetched, more, totalCount);
    }

    /** A page of no rows (first: 0) of a list of that many. */
    public static <T> Page<T> empty(boolean hasNextPage, long totalCount) {
        return new Page<>(List.of(), hasNextPage, () -> totalCount);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), hasNextPage, totalCount);
    }
}
