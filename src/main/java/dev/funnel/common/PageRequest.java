package dev.funnel.common;

/** {@code first}/{@code after} of a connection, checked: first defaults to 50 and may not pass 200. */
public record PageRequest(int first, Cursor after) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 0 || size > MAX_SIZE) {
            throw new ValidationException("first", "first must be between 0 and " + MAX_SIZE + ", was " + size);
        }
        return new PageRequest(size, Cursor.decode("after", after));
    }
}
