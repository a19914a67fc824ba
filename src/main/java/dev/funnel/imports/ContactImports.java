package dev.funnel.imports;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.funnel.common.Ids;
import dev.funnel.common.InputValidator;
import dev.funnel.common.NotFoundException;
import dev.funnel.common.Times;
import dev.funnel.common.ValidationException;
import dev.funnel.security.Caller;
import dev.funnel.security.TeamScopedQuery;
import dev.funnel.team.Team;
import dev.funnel.team.TeamService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;

/** Contact imports of the caller's teams: upload, start, read (docs/imports.md). */
@ApplicationScoped
public class ContactImports {

    /** Rows inserted per statement at upload. */
    private static final int UPLOAD_BATCH = 1000;
    /** A transaction as long as the largest upload may take. */
    private static final int UPLOAD_TIMEOUT_SECONDS = 3600;

    private final Caller caller;
    private final TeamService teams;
    private final InputValidator validator;
    private final ImportsConfig config;
    private final AgroalDataSource dataSource;
    private final ImportRunner runner;
    private final CurrentIdentityAssociation identities;

    public ContactImports(Caller caller, TeamService teams, InputValidator validator, ImportsConfig config,
            AgroalDataSource dataSource, ImportRunner runner, CurrentIdentityAssociation identities) {
        this.caller = caller;
        this.teams = teams;
        this.validator = validator;
        this.config = config;
        this.dataSource = dataSource;
        this.runner = runner;
        this.identities = identities;
    }

    public Optional<ImportJob> find(String id) {
        return TeamScopedQuery.of(ImportJob.class, caller).byId("ImportJob", id);
    }

    public Map<String, ImportJob> findAll(List<String> ids) {
        return TeamScopedQuery.of(ImportJob.class, caller).byIds("ImportJob", ids);
    }

    /**
     * Stores an uploaded file's rows as they are read, in one transaction: a file refused at any
     * row leaves nothing behind. The job is UPLOADED; {@link #start} runs it.
     */
    public ImportJob upload(String teamCode, String fileName, InputStream body) {
        if (fileName != null && fileName.length() > 255) {
            throw new ValidationException("fileName", "fileName must be at most 255 characters");
        }
        Team team = teams.forNewRecord(teamCode, "team");
        CsvFile file = CsvFile.open(body, config.maxFileSize().asLongValue(), config.maxColumns(), config.maxFieldSize());
        return QuarkusTransaction.requiringNew().timeout(UPLOAD_TIMEOUT_SECONDS).call(() -> {
            ImportJob job = new ImportJob();
            job.teamId = team.id;
            job.kind = "CONTACTS";
            job.fileName = fileName == null || fileName.isBlank() ? null : fileName.strip();
            job.encoding = file.format().encodingName();
            job.delimiter = String.valueOf(file.format().delimiter());
            job.columns = List.of();
            job.status = ImportJob.Status.UPLOADED.name();
            job.createdBy = caller.actor();
            job.createdAt = Times.now();
            job.persist();
            int[] count = { 0 };
            try (Connection c = dataSource.getConnection();
                    PreparedStatement insert = c.prepareStatement(
                            "insert into import_row (job_id, team_id, line, fields) values (?, ?, ?, ?)")) {
                List<String> header = file.read(row -> {
                    try {
                        insert.setLong(1, job.id);
                        insert.setLong(2, team.id);
                        insert.setInt(3, row.line());
                        insert.setArray(4, c.createArrayOf("text", row.fields().toArray()));
                        insert.addBatch();
                        if (++count[0] % UPLOAD_BATCH == 0) {
                            insert.executeBatch();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException("Could not store an imported row", e);
                    }
                });
                insert.executeBatch();
                if (count[0] == 0) {
                    throw new FileRejectedException(FileRejectedException.Reason.NO_ROWS,
                            "The file has a header row and no row under it: nothing to import");
                }
                job.columns = header;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not store an imported file", e);
            }
            job.rowsTotal = count[0];
            job.bytes = file.bytes();
            return job;
        });
    }

    /**
     * Starts a run of an uploaded file, or resumes one that stopped (FAILED or INTERRUPTED) when
     * given the same options; the run goes on in the background, as the caller.
     */
    public ImportJob start(StartContactImportInput input) {
        validator.check("input", input);
        if (input.mapping() != null) {
            InputValidator.noNulls("input.mapping", input.mapping());
        }
        boolean dry = Boolean.TRUE.equals(input.dryRun());
        ImportJob started = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = find(input.job()).orElseThrow(() -> new NotFoundException("import job", input.job()));
            ImportJob.getEntityManager().refresh(job, LockModeType.PESSIMISTIC_WRITE);
            ColumnMapping mapping = ColumnMapping.of(job.columns, input.mapping());
            if (!mapping.has(input.upsertKey().field)) {
                throw new ValidationException("input.upsertKey", "No column of the file gives " + input.upsertKey().field.column
                        + " (the upsert key " + input.upsertKey() + "): its columns are " + job.columns
                        + "; name one so, or map one to " + input.upsertKey().field + " in input.mapping");
            }
            ImportJobStatus status = status(job);
            if (status == ImportJobStatus.RUNNING) {
                throw new ValidationException("input.job", "The import is running (" + job.rowsDone + " of " + job.rowsTotal
                        + " rows done): wait until it is COMPLETED");
            }
            boolean resume = (status == ImportJobStatus.FAILED || status == ImportJobStatus.INTERRUPTED)
                    && Boolean.valueOf(dry).equals(job.dryRun) && input.upsertKey().name().equals(job.upsertKey)
                    && mapping.toStored().equals(job.mapping);
            OffsetDateTime now = Times.now();
            job.run++;
            job.status = ImportJob.Status.RUNNING.name();
            job.heartbeatAt = now;
            job.finishedAt = null;
            job.errorCode = null;
            job.errorMessage = null;
            job.startedBy = caller.actor();
            if (!resume) {
                job.startedAt = now;
                job.dryRun = dry;
                job.upsertKey = input.upsertKey().name();
                job.mapping = mapping.toStored();
                job.attempt++;
                job.rowsDone = 0;
                job.created = job.updated = job.unchanged = job.skipped = job.failed = 0;
                markDuplicates(job, mapping, input.upsertKey());
            }
            return job;
        });
        // the caller's identity itself, not the request-scoped proxy: the run outlives the request
        runner.submit(started.id, started.run, identities.getIdentity());
        return started;
    }

    /** Rows whose upsert key an earlier row of the file has, for this run: one statement over the file's rows. */
    private static void markDuplicates(ImportJob job, ColumnMapping mapping, ImportUpsertKey key) {
        int column = mapping.columnOf(key.field) + 1;
        String value = key == ImportUpsertKey.ID ? "btrim(fields[" + column + "])" : "lower(btrim(fields[" + column + "]))";
        var em = ImportJob.getEntityManager();
        em.createNativeQuery("update import_row set duplicate_of = null where job_id = ?1 and duplicate_of is not null")
                .setParameter(1, job.id).executeUpdate();
        em.createNativeQuery("update import_row r set duplicate_of = d.first from (select line, first_value(line) over"
                + " (partition by " + value + " order by line) as first from import_row where job_id = ?1"
                + " and " + value + " <> '') d where r.job_id = ?1 and r.line = d.line and d.first <> d.line")
                .setParameter(1, job.id).executeUpdate();
    }

    /** The status as callers see it: a RUNNING job without a recent heartbeat is INTERRUPTED. */
    ImportJobStatus status(ImportJob job) {
        ImportJob.Status stored = ImportJob.Status.valueOf(job.status);
        return switch (stored) {
            case UPLOADED -> ImportJobStatus.UPLOADED;
            case COMPLETED -> ImportJobStatus.COMPLETED;
            case FAILED -> ImportJobStatus.FAILED;
            case RUNNING -> job.heartbeatAt != null && job.heartbeatAt.isBefore(Times.now().minus(config.stalledAfter()))
                    ? ImportJobStatus.INTERRUPTED : ImportJobStatus.RUNNING;
        };
    }

    public ImportJobView view(ImportJob job) {
        ColumnMapping mapping = job.mapping == null ? ColumnMapping.of(job.columns, null) : ColumnMapping.stored(job.columns, job.mapping);
        List<ImportColumnView> columns = mapping.views();
        String id = Ids.encode("ImportJob", job.id);
        return new ImportJobView(job.teamId, id, teams.byId(job.teamId).code, job.fileName, job.encoding,
                "\t".equals(job.delimiter) ? "TAB" : job.delimiter, Math.toIntExact(job.bytes), job.rowsTotal, columns,
                columns.stream().filter(c -> c.status() == ImportColumnView.ImportColumnStatus.UNKNOWN).map(ImportColumnView::name).toList(),
                status(job), job.dryRun, job.upsertKey == null ? null : ImportUpsertKey.valueOf(job.upsertKey), job.rowsDone,
                job.created, job.updated, job.unchanged, job.skipped, job.failed, job.errorCode, job.errorMessage, job.createdBy,
                job.createdAt, job.startedBy, job.startedAt, job.finishedAt, "/imports/" + id + "/report.csv");
    }
}
