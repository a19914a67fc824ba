package dev.funnel.common;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paged list, before it is shaped into a GraphQL connection. */
public record Page<T>(List<T> items, boolean hasNextPage, long totalCount) {

    /** Trims the one extra row fetched to learn whether a next page exists. */
    public static <T> Page<T> of(List<T> fetched, int size, long totalCount) {
        boolean more = fetched.size() > size;
        return new Page<>(more ? fetched.subList(0, size) : fetched, more, totalCount);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), hasNextPage, totalCount);
    }
}
