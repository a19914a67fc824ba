package dev.funnel.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keyset paging of one list, both ways, in JPQL or SQL alike: the list is sorted on one value (a
 * column, or a row of expressions) then on id, and a cursor's (value, id) becomes a WHERE clause
 * instead of an OFFSET, so page 1,000 costs what page 1 costs. A nullable value sorts its rows
 * without one last, whichever the direction. A backward page is read in the reverse order, from
 * its cursor outwards, and {@link Page#of} turns it back into the list's order.
 */
public final class Keyset {

    /**
     * Turns a cursor's value into the expression that stands for it, binding what it needs under
     * parameter names that start with {@code argument} ({@code after} or {@code before}: the
     * argument the cursor came in, to name in a VALIDATION error when the value is not one of this
     * list's).
     */
    @FunctionalInterface
    public interface Binder {
        String bind(String argument, String value, Map<String, Object> params);
    }

    private final List<String> values;
    private final String value;
    private final String id;
    private final boolean ascending;
    private final boolean nullable;
    private final Binder binder;

    private Keyset(List<String> values, String id, boolean ascending, boolean nullable, Binder binder) {
        this.values = values;
        this.value = values.isEmpty() ? null : values.size() == 1 ? values.get(0) : "(" + String.join(", ", values) + ")";
        this.id = id;
        this.ascending = ascending;
        this.nullable = nullable;
        this.binder = binder;
    }

    /**
     * Sorted on {@code values} (never null; several compare as a row, the binder then writes a row
     * of parameters), then {@code id}.
     */
    public static Keyset on(List<String> values, String id, boolean ascending, Binder binder) {
        return new Keyset(List.copyOf(values), id, ascending, false, binder);
    }

    /** Sorted on {@code value}, rows without one last, then {@code id}. */
    public static Keyset onNullable(String value, String id, boolean ascending, Binder binder) {
        return new Keyset(List.of(value), id, ascending, true, binder);
    }

    /** Sorted on id alone (newest first when descending). */
    public static Keyset byId(String id, boolean ascending) {
        return new Keyset(List.of(), id, ascending, false, null);
    }

    /** The conditions the page's cursors put on the rows, each starting with " and "; empty without cursors. */
    public String where(PageRequest page, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (page.after() != null) {
            where.append(" and ").append(beyond(page.after(), ascending, "after", params));
        }
        if (page.before() != null) {
            where.append(" and ").append(beyond(page.before(), !ascending, "before", params));
        }
        return where.toString();
    }

    /** The ORDER BY list (without the keywords) that reads the page from its cursor outwards. */
    public String orderBy(PageRequest page) {
        boolean asc = ascending != page.backward();
        String dir = asc ? " asc" : " desc";
        List<String> keys = new ArrayList<>();
        for (String v : values) {
            keys.add(v + dir + (nullable ? (page.backward() ? " nulls first" : " nulls last") : ""));
        }
        keys.add(id + dir);
        return String.join(", ", keys);
    }

    /** Rows strictly past {@code cursor} going {@code up} (ascending) or down, in list order with nulls last. */
    private String beyond(Cursor cursor, boolean up, String name, Map<String, Object> params) {
        String op = up ? " > " : " < ";
        boolean towardsNulls = up == ascending;
        params.put(name + "Id", cursor.id());
        String afterId = id + op + ":" + name + "Id";
        if (value == null) {
            return "(" + afterId + ")";
        }
        if (cursor.value() == null) {
            if (!nullable) {
                throw new ValidationException(name, "Not a cursor of this list");
            }
            // among the rows without a value, sorted by id; the rows with one lie before them
            return towardsNulls ? "(" + value + " is null and " + afterId + ")" : "(" + value + " is not null or " + afterId + ")";
        }
        String bound = binder.bind(name, cursor.value(), params);
        String past = value + op + bound + " or (" + value + " = " + bound + " and " + afterId + ")";
        return nullable && towardsNulls ? "(" + past + " or " + value + " is null)" : "(" + past + ")";
    }
}
