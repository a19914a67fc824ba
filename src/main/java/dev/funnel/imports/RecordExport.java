package dev.funnel.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.funnel.common.Ids;

/**
 * The CSV exports of interactions, quotes and invoices (docs/imports.md, "Export"): a table's rows
 * of the caller's teams, oldest first, 1,000 per statement by keyset on the id, with the API's
 * opaque ids. Row-level security applies to the statement as to any request's.
 */
enum RecordExport {
    INTERACTIONS("Interaction", "interaction", "occurred_at",
            "t.id, t.contact_id, t.channel, t.direction, t.occurred_at, t.summary, t.author, t.created_at",
            List.of("id", "contactId", "channel", "direction", "occurredAt", "summary", "author", "createdAt"),
            List.of("Interaction", "Contact")),
    QUOTES("Quote", "quote", "created_at",
            "t.id, t.contact_id, t.number, t.status, t.currency, t.net_total, t.tax_total, t.gross_total, t.valid_until,"
                    + " t.purchase_order, t.sent_at, t.accepted_at, t.declined_at, t.converted_at, t.created_at, t.updated_at",
            List.of("id", "contactId", "number", "status", "currency", "net", "tax", "gross", "validUntil", "purchaseOrder",
                    "sentAt", "acceptedAt", "declinedAt", "convertedAt", "createdAt", "updatedAt"),
            List.of("Quote", "Contact")),
    INVOICES("Invoice", "invoice", "issued_at",
            "t.id, t.contact_id, t.quote_id, t.number, t.currency, t.net_total, t.tax_total, t.gross_total, t.issued_at, t.issued_by",
            List.of("id", "contactId", "quoteId", "number", "currency", "net", "tax", "gross", "issuedAt", "issuedBy"),
            List.of("Invoice", "Contact", "Quote"));

    static final int PAGE = 1000;

    /** The type of the opaque ids of the first columns, in order (the id, then the records it refers to). */
    private final List<String> idTypes;
    final String type;
    final List<String> header;
    private final String table;
    private final String timeColumn;
    private final String columns;

    RecordExport(String type, String table, String timeColumn, String columns, List<String> header, List<String> idTypes) {
        this.type = type;
        this.table = table;
        this.timeColumn = timeColumn;
        this.columns = columns;
        this.header = header;
        this.idTypes = idTypes;
    }

    /**
     * The page after the row {@code after} (0 for the first): rows of {@code teamIds} (of one team
     * when {@code team} is not null), with the time column in [from, to) when given.
     */
    List<String[]> page(Connection connection, List<Long> teamIds, Long team, OffsetDateTime from, OffsetDateTime to, long after,
            long[] last) throws SQLException {
        String sql = "select " + columns + " from " + table + " t where t.team_id = any(?) and (?::bigint is null or t.team_id = ?)"
                + " and (?::timestamptz is null or t." + timeColumn + " >= ?) and (?::timestamptz is null or t." + timeColumn + " < ?)"
                + " and t.id > ? order by t.id limit " + PAGE;
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setArray(1, connection.createArrayOf("int8", teamIds.toArray()));
            s.setObject(2, team, Types.BIGINT);
            s.setObject(3, team, Types.BIGINT);
            s.setObject(4, from);
            s.setObject(5, from);
            s.setObject(6, to);
            s.setObject(7, to);
            s.setLong(8, after);
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    String[] cells = new String[meta.getColumnCount()];
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = ContactCsv.safe(cell(r, i + 1, meta.getColumnType(i + 1), i < idTypes.size() ? idTypes.get(i) : null));
                    }
                    last[0] = r.getLong(1);
                    rows.add(cells);
                }
            }
        }
        return rows;
    }

    private static String cell(ResultSet r, int column, int sqlType, String idType) throws SQLException {
        if (idType != null) {
            long id = r.getLong(column);
            return r.wasNull() ? null : Ids.encode(idType, id);
        }
        if (sqlType == Types.TIMESTAMP || sqlType == Types.TIMESTAMP_WITH_TIMEZONE) {
            OffsetDateTime time = r.getObject(column, OffsetDateTime.class);
            return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).toString();
        }
        if (sqlType == Types.NUMERIC) {
            BigDecimal value = r.getBigDecimal(column);
            return value == null ? null : value.toPlainString();
        }
        return r.getString(column);
    }
}
