package dev.funnel.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.funnel.common.ValidationException;
import dev.funnel.imports.ImportColumnView.ImportColumnStatus;

/**
 * Which field each column of a file fills (docs/imports.md, "Columns"): by name, unless the
 * import's mapping says otherwise. A field is filled by one column at most.
 */
final class ColumnMapping {

    private final List<String> header;
    private final List<ImportField> fields;
    private final List<ImportColumnStatus> statuses;
    private final Map<ImportField, Integer> columnOf = new EnumMap<>(ImportField.class);

    private ColumnMapping(List<String> header, List<ImportField> fields, List<ImportColumnStatus> statuses) {
        this.header = header;
        this.fields = fields;
        this.statuses = statuses;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) != null) {
                columnOf.put(fields.get(i), i);
            }
        }
    }

    /** The mapping by column names, with the overrides of {@code input.mapping}. */
    static ColumnMapping of(List<String> header, List<ImportColumnMappingInput> overrides) {
        Map<String, ImportColumnMappingInput> byColumn = new HashMap<>();
        if (overrides != null) {
            for (int i = 0; i < overrides.size(); i++) {
                ImportColumnMappingInput o = overrides.get(i);
                if (!header.contains(o.column().strip())) {
                    throw new ValidationException("input.mapping[" + i + "].column", "input.mapping[" + i + "].column '"
                            + o.column() + "' is not a column of the file; its columns are " + header);
                }
                if (byColumn.put(o.column().strip(), o) != null) {
                    throw new ValidationException("input.mapping[" + i + "].column", "input.mapping names column '"
                            + o.column() + "' twice");
                }
            }
        }
        List<ImportField> fields = new ArrayList<>();
        List<ImportColumnStatus> statuses = new ArrayList<>();
        Map<ImportField, String> taken = new EnumMap<>(ImportField.class);
        for (String name : header) {
            ImportColumnMappingInput o = byColumn.get(name);
            ImportField field;
            ImportColumnStatus status;
            if (o != null) {
                field = o.field();
                status = field == null ? ImportColumnStatus.IGNORED : ImportColumnStatus.MAPPED;
                if (field != null && taken.containsKey(field)) {
                    throw new ValidationException("input.mapping", "Columns '" + taken.get(field) + "' and '" + name
                            + "' would both fill " + field + ": map one of them to another field, or to null");
                }
            } else {
                ImportField byName = ImportField.byColumnName(name).orElse(null);
                field = byName;
                if (byName != null && (taken.containsKey(byName) || byColumn.values().stream().anyMatch(m -> m.field() == byName))) {
                    field = null;
                    status = ImportColumnStatus.IGNORED;
                } else {
                    status = field != null ? ImportColumnStatus.MAPPED
                            : ImportField.isReadOnly(name) ? ImportColumnStatus.READ_ONLY : ImportColumnStatus.UNKNOWN;
                }
            }
            if (field != null) {
                taken.put(field, name);
            }
            fields.add(field);
            statuses.add(status);
        }
        return new ColumnMapping(header, fields, statuses);
    }

    /** A mapping as stored with a run: the field of each column, or null. */
    static ColumnMapping stored(List<String> header, List<String> mapping) {
        List<ImportField> fields = new ArrayList<>();
        List<ImportColumnStatus> statuses = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String f = i < mapping.size() ? mapping.get(i) : null;
            ImportField field = f == null ? null : ImportField.valueOf(f);
            fields.add(field);
            statuses.add(field != null ? ImportColumnStatus.MAPPED
                    : ImportField.isReadOnly(header.get(i)) ? ImportColumnStatus.READ_ONLY
                            : ImportField.byColumnName(header.get(i)).isPresent() ? ImportColumnStatus.IGNORED
                                    : ImportColumnStatus.UNKNOWN);
        }
        return new ColumnMapping(header, fields, statuses);
    }

    List<String> toStored() {
        return fields.stream().map(f -> f == null ? null : f.name()).toList();
    }

    boolean has(ImportField field) {
        return columnOf.containsKey(field);
    }

    /** The column that fills {@code field}, or -1. */
    int columnOf(ImportField field) {
        return columnOf.getOrDefault(field, -1);
    }

    String columnName(ImportField field) {
        return has(field) ? header.get(columnOf(field)) : field.column;
    }

    /** The row's value for {@code field}: stripped, null when the column is absent or the cell blank. */
    String value(List<String> row, ImportField field) {
        int i = columnOf(field);
        if (i < 0 || i >= row.size()) {
            return null;
        }
        String v = row.get(i);
        return v == null || v.isBlank() ? null : ContactCsv.unguard(v.strip());
    }

    int width() {
        return header.size();
    }

    List<ImportColumnView> views() {
        List<ImportColumnView> views = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            views.add(new ImportColumnView(i, header.get(i), fields.get(i), statuses.get(i)));
        }
        return views;
    }
}
