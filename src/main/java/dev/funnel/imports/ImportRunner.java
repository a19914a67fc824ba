package dev.funnel.imports;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.funnel.common.Times;
import dev.funnel.contact.ChangeOrigin;
import dev.funnel.imports.ContactRows.Outcome;
import dev.funnel.imports.ContactRows.Row;
import dev.funnel.imports.ContactRows.RowFailedException;
import dev.funnel.security.CallerContext;
import dev.funnel.team.Team;
import dev.funnel.team.TeamService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Runs imports in the background, each in a request context of its own with the identity of the
 * user who started it, so that every row goes through the same team scope, roles and rules as a
 * request of that user (docs/imports.md, "Runs").
 *
 * <p>A run takes the file's rows in line order, a batch at a time. A real run commits each batch's
 * contacts, its rows' results and the job's progress in one transaction; a dry run rolls the
 * contacts back and commits the results. A row that breaks a rule rolls its batch back, and the
 * batch is replayed a row per transaction, so that the other rows still commit. Every commit checks
 * that the job is still this run's (a run started again takes over), and beats the job's heartbeat.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final ImportsConfig config;
    private final ContactRows rows;
    private final AgroalDataSource dataSource;
    private final ExecutorService workers;

    public ImportRunner(ImportsConfig config, ContactRows rows, AgroalDataSource dataSource) {
        this.config = config;
        this.rows = rows;
        this.dataSource = dataSource;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "funnel-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@jakarta.enterprise.event.Observes ShutdownEvent event) throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Runs the job's current run, as {@code identity}, once a worker is free. */
    void submit(long jobId, int run, SecurityIdentity identity) {
        workers.execute(() -> execute(jobId, run, identity));
    }

    /** The run's state, read at each batch: null when the job is no longer this run's. */
    private record Batch(Team team, ColumnMapping mapping, ImportUpsertKey key, boolean dry, List<Row> rows) {
    }

    /** Another start took the job over; this run stops without writing. */
    private static final class Superseded extends RuntimeException {
        Superseded() {
            super("superseded", null, false, false);
        }
    }

    private void execute(long jobId, int run, SecurityIdentity identity) {
        CallerContext.run(identity, () -> execute(jobId, run));
    }

    private void execute(long jobId, int run) {
        try {
            Arc.container().instance(ChangeOrigin.class).get().markImport();
            TeamService teams = Arc.container().instance(TeamService.class).get();
            while (true) {
                Batch batch = QuarkusTransaction.requiringNew().call(() -> next(jobId, run, teams));
                if (batch == null) {
                    return;
                }
                if (batch.rows().isEmpty()) {
                    QuarkusTransaction.requiringNew().run(() -> finish(jobId, run));
                    return;
                }
                runBatch(jobId, run, batch);
            }
        } catch (RuntimeException e) {
            if (find(e, Superseded.class) != null) {
                LOG.debugf("import %d: run %d was taken over", jobId, run);
                return;
            }
            LOG.errorf(e, "import %d: run %d failed", jobId, run);
            fail(jobId, run, e);
        }
    }

    private Batch next(long jobId, int run, TeamService teams) {
        ImportJob job = ImportJob.findById(jobId);
        if (job == null || job.run != run || !ImportJob.Status.RUNNING.name().equals(job.status)) {
            return null;
        }
        List<Row> batch = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select line, fields, duplicate_of from import_row"
                        + " where job_id = ? and line >= ? order by line limit ?")) {
            s.setLong(1, jobId);
            s.setInt(2, job.nextLine);
            s.setInt(3, config.batchSize());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int line = r.getInt(1);
                    Array fields = r.getArray(2);
                    int duplicateOf = r.getInt(3);
                    Integer duplicate = r.wasNull() ? null : duplicateOf;
                    batch.add(new Row(line, Arrays.asList((String[]) fields.getArray()), duplicate));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read an import's rows", e);
        }
        return new Batch(teams.byId(job.teamId), ColumnMapping.stored(job.columns, job.mapping),
                ImportUpsertKey.valueOf(job.upsertKey), Boolean.TRUE.equals(job.dryRun), batch);
    }

    private void runBatch(long jobId, int run, Batch batch) {
        try {
            attempt(jobId, run, batch, batch.rows());
        } catch (RuntimeException e) {
            if (find(e, Superseded.class) != null) {
                throw e;
            }
            if (find(e, RowFailedException.class) == null) {
                LOG.debugf(e, "import %d: a batch failed; replaying it row by row", jobId);
            }
            for (Row row : batch.rows()) {
                try {
                    attempt(jobId, run, batch, List.of(row));
                } catch (RuntimeException f) {
                    if (find(f, Superseded.class) != null) {
                        throw f;
                    }
                    Outcome failed;
                    if (find(f, RowFailedException.class) instanceof RowFailedException r) {
                        failed = r.outcome;
                    } else {
                        LOG.errorf(f, "import %d: line %d could not be written", jobId, row.line());
                        failed = Outcome.failed(row.line(), "INTERNAL", null,
                                "The row could not be written: the server's log tells why (import " + jobId + ", line " + row.line() + ")");
                    }
                    QuarkusTransaction.requiringNew().run(() -> record(jobId, run, List.of(failed)));
                }
            }
        }
    }

    /**
     * The rows in one transaction, committed with their results; in a dry run, rolled back, and
     * their results recorded in a transaction of their own.
     */
    private void attempt(long jobId, int run, Batch batch, List<Row> some) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                List<Outcome> outcomes = rows.importBatch(batch.team(), batch.mapping(), batch.key(), some);
                if (batch.dry()) {
                    // leaves the transaction by an exception, so that it rolls back
                    throw new DryRun(outcomes);
                }
                record(jobId, run, outcomes);
            });
        } catch (RuntimeException e) {
            if (!(find(e, DryRun.class) instanceof DryRun dry)) {
                throw e;
            }
            QuarkusTransaction.requiringNew().run(() -> record(jobId, run, dry.outcomes));
        }
    }

    /** What a dry run's batch would have done; thrown to roll its writes back. */
    private static final class DryRun extends RuntimeException {

        final transient List<Outcome> outcomes;

        DryRun(List<Outcome> outcomes) {
            super("dry run", null, false, false);
            this.outcomes = outcomes;
        }
    }

    private static Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    /** Writes the rows' results and moves the job past them, if the job is still this run's. */
    private void record(long jobId, int run, List<Outcome> outcomes) {
        ImportJob job = lock(jobId, run);
        // one statement for the batch, its rows' results as arrays
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update import_row r set result = v.result, code = v.code, field = v.field,"
                        + " message = v.message, contact_id = v.contact_id from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[],"
                        + " ?::bigint[]) as v(line, result, code, field, message, contact_id) where r.job_id = ? and r.line = v.line")) {
            int n = outcomes.size();
            Object[] lines = new Object[n];
            Object[] results = new Object[n];
            Object[] codes = new Object[n];
            Object[] fields = new Object[n];
            Object[] messages = new Object[n];
            Object[] contacts = new Object[n];
            for (int i = 0; i < n; i++) {
                Outcome o = outcomes.get(i);
                lines[i] = o.line();
                results[i] = o.result().name();
                codes[i] = o.code();
                fields[i] = o.field() == null ? null : truncate(o.field(), 100);
                messages[i] = o.message() == null ? null : truncate(o.message(), 2000);
                contacts[i] = o.contactId();
            }
            s.setArray(1, c.createArrayOf("int4", lines));
            s.setArray(2, c.createArrayOf("text", results));
            s.setArray(3, c.createArrayOf("text", codes));
            s.setArray(4, c.createArrayOf("text", fields));
            s.setArray(5, c.createArrayOf("text", messages));
            s.setArray(6, c.createArrayOf("int8", contacts));
            s.setLong(7, jobId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record an import's results", e);
        }
        for (Outcome o : outcomes) {
            switch (o.result()) {
                case CREATED -> job.created++;
                case UPDATED -> job.updated++;
                case UNCHANGED -> job.unchanged++;
                case SKIPPED -> job.skipped++;
                case FAILED -> job.failed++;
            }
            job.nextLine = Math.max(job.nextLine, o.line() + 1);
        }
        job.rowsDone += outcomes.size();
        job.heartbeatAt = Times.now();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static ImportJob lock(long jobId, int run) {
        ImportJob job = ImportJob.findById(jobId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.run != run || !ImportJob.Status.RUNNING.name().equals(job.status)) {
            throw new Superseded();
        }
        return job;
    }

    private static void finish(long jobId, int run) {
        ImportJob job = lock(jobId, run);
        job.status = ImportJob.Status.COMPLETED.name();
        job.finishedAt = Times.now();
        job.heartbeatAt = job.finishedAt;
    }

    private static void fail(long jobId, int run, RuntimeException e) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = lock(jobId, run);
                job.status = ImportJob.Status.FAILED.name();
                job.errorCode = "INTERNAL";
                job.errorMessage = "The run stopped at line " + job.nextLine + " (" + e.getClass().getSimpleName()
                        + "); start it again with the same options to resume there";
                job.finishedAt = Times.now();
            });
        } catch (RuntimeException again) {
            // the database is gone too: the job stays RUNNING and reads INTERRUPTED once its heartbeat is old
            LOG.errorf(again, "import %d: could not record that run %d failed", jobId, run);
        }
    }
}
