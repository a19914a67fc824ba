package dev.funnel.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Many rows written in one statement, each column sent as a text array and cast back to its type
 * by the server: {@code insert into t (a, b) select u.c0::bigint, u.c1 from unnest(?::text[],
 * ?::text[]) as u(c0, c1)}. For the server this costs far less than binding the same values row by
 * row (a multi-row {@code VALUES}), which is what imports write thousands of rows at a time with
 * (docs/imports.md). Values are given as text, as PostgreSQL reads them (OffsetDateTime's
 * ISO-8601 form, a BigDecimal's plain form, an array literal); null stays null.
 */
public final class ColumnInsert {

    private ColumnInsert() {
    }

    /**
     * Inserts {@code rows} (one value per column, in column order) into {@code table}.
     *
     * @param types the type of each column that is not text, by name (e.g. {@code bigint}, {@code jsonb})
     * @param between what goes between the column list and the select ({@code overriding system value}), or ""
     * @param after what follows the select (an {@code on conflict} clause), or ""
     * @return the rows written
     */
    public static int insert(Connection connection, String table, List<String> columns, Map<String, String> types, String between,
            String after, List<String[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (").append(String.join(", ", columns)).append(") ")
                .append(between).append(between.isEmpty() ? "" : " ").append("select ");
        StringBuilder arrays = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            String type = types.get(columns.get(c));
            sql.append(c == 0 ? "" : ", ").append("u.c").append(c).append(type == null ? "" : "::" + type);
            arrays.append(c == 0 ? "" : ", ").append("?::text[]");
            names.append(c == 0 ? "" : ", ").append('c').append(c);
        }
        sql.append(" from unnest(").append(arrays).append(") as u(").append(names).append(')').append(after.isEmpty() ? "" : " " + after);
        try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
            bindColumns(connection, s, columns.size(), rows);
            return s.executeUpdate();
        }
    }

    /** Binds parameters 1 to {@code columns} of {@code statement} to the rows' columns, each as a text array. */
    public static void bindColumns(Connection connection, PreparedStatement statement, int columns, List<String[]> rows) throws SQLException {
        for (int c = 0; c < columns; c++) {
            Object[] column = new Object[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                column[r] = rows.get(r)[c];
            }
            statement.setArray(c + 1, connection.createArrayOf("text", column));
        }
    }

    /** A value as PostgreSQL reads it back; null stays null. */
    public static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
