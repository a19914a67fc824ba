package dev.funnel.imports;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An uploaded file and its runs (V11__contact_imports.sql, docs/imports.md). Its rows are in import_row. */
@Entity
public class ImportJob extends PanacheEntityBase {

    /** The stored states; INTERRUPTED is RUNNING without a recent heartbeat (see {@link ImportJobView}). */
    enum Status {
        UPLOADED, RUNNING, COMPLETED, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long teamId;

    /** What the file holds: CONTACTS. */
    public String kind;

    public String fileName;

    public String encoding;

    public String delimiter;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> columns;

    public long bytes;

    public int rowsTotal;

    public String status;

    public int run;

    public Boolean dryRun;

    public String upsertKey;

    /** The field of each column, in column order; null where the column is ignored. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> mapping;

    /** The current attempt: a row is done when its import_result is of this attempt (V13__import_results.sql). */
    public int attempt;

    public int rowsDone;

    public int created;

    public int updated;

    public int unchanged;

    public int skipped;

    public int failed;

    public String errorCode;

    public String errorMessage;

    public String createdBy;

    public OffsetDateTime createdAt;

    public String startedBy;

    public OffsetDateTime startedAt;

    public OffsetDateTime heartbeatAt;

    public OffsetDateTime finishedAt;
}
