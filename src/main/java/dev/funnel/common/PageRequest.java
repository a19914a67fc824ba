package dev.funnel.common;

/**
 * The paging arguments of a connection, checked: {@code first}/{@code after} page forward,
 * {@code last}/{@code before} backward (Relay's connection specification). Either size is 0..200;
 * with neither, the first 50. {@code after} and {@code before} may both narrow the list.
 */
public record PageRequest(int size, boolean backward, Cursor after, Cursor before) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer first, String after, Integer last, String before) {
        if (first != null && last != null) {
            throw new ValidationException("last", "first and last cannot be used together: page forward with first"
                    + " and after, or backward with last and before");
        }
        Cursor from = Cursor.decode("after", after);
        Cursor to = Cursor.decode("before", before);
        if (last != null) {
            return new PageRequest(checked("last", last), true, from, to);
        }
        return new PageRequest(first == null ? DEFAULT_SIZE : checked("first", first), false, from, to);
    }

    private static int checked(String field, int size) {
        if (size < 0 || size > MAX_SIZE) {
            throw new ValidationException(field, field + " must be between 0 and " + MAX_SIZE + ", was " + size);
        }
        return size;
    }

    /** The cursor the page starts from, in the direction it is read: after forward, before backward. */
    public Cursor from() {
        return backward ? before : after;
    }

    /** How many rows to fetch: one more than the page holds, to learn whether more follow. */
    public int limit() {
        return size + 1;
    }
}
