package dev.funnel.imports;

import static dev.funnel.common.ColumnInsert.text;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.funnel.common.ColumnInsert;
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
 * <p>A run claims the file's rows a batch at a time, in line order, on
 * {@link ImportsConfig#parallelBatches()} threads at once. A real run commits each batch's
 * contacts, its rows' results and the job's progress in one transaction; a dry run rolls the
 * contacts back and commits the results. A row that breaks a rule rolls its batch back, and the
 * batch is replayed a row per transaction, so that the other rows still commit. Batches commit in
 * any order: a row is done when its result is of the job's attempt (V13__import_results.sql), and
 * a run started again resumes with the rows that have none. Every commit checks that the job is
 * still this run's (a run started again takes over), and beats the job's heartbeat.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final ImportsConfig config;
    private final ContactRows rows;
    private final AgroalDataSource dataSource;
    /** A thread per run, {@link ImportsConfig#workers()} runs at once. */
    private final ExecutorService workers;
    /** The other threads of the runs under way: parallelBatches - 1 each. */
    private final ExecutorService helpers;
    /** Refreshes the planner's statistics of contact as imports grow teams (outside any request: as the tables' owner). */
    private final ExecutorService statistics;
    private final AtomicBoolean analyzing = new AtomicBoolean();
    private volatile boolean mayAnalyze = true;

    public ImportRunner(ImportsConfig config, ContactRows rows, AgroalDataSource dataSource) {
        this.config = config;
        this.rows = rows;
        this.dataSource = dataSource;
        this.workers = pool("funnel-import-", config.workers());
        this.helpers = pool("funnel-import-batch-", config.workers() * Math.max(1, config.parallelBatches() - 1));
        this.statistics = pool("funnel-import-analyze-", 1);
    }

    private static ExecutorService pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@jakarta.enterprise.event.Observes ShutdownEvent event) throws InterruptedException {
        workers.shutdownNow();
        helpers.shutdownNow();
        statistics.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        helpers.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Runs the job's current run, as {@code identity}, once a worker is free. */
    void submit(long jobId, int run, SecurityIdentity identity) {
        workers.execute(() -> execute(new Run(jobId, run, identity)));
    }

    /** A run under way: where its threads claim their next batch, and whether they should stop. */
    private static final class Run {

        final long jobId;
        final int run;
        final SecurityIdentity identity;
        /** The first line not yet claimed, and the lines done before this run; guarded by this. */
        int cursor;
        BitSet done;
        /** Rows this run went through, and how many at which the contacts' statistics are refreshed next. */
        final AtomicInteger rows = new AtomicInteger();
        final AtomicInteger analyzeAt = new AtomicInteger();
        volatile RuntimeException failure;
        volatile boolean superseded;

        Run(long jobId, int run, SecurityIdentity identity) {
            this.jobId = jobId;
            this.run = run;
            this.identity = identity;
        }

        boolean stopping() {
            return failure != null || superseded;
        }
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

    private void execute(Run run) {
        List<Future<?>> others = new ArrayList<>();
        for (int i = 1; i < config.parallelBatches(); i++) {
            others.add(helpers.submit(() -> work(run)));
        }
        work(run);
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (InterruptedException e) {
                // the instance is stopping: the job reads INTERRUPTED once its heartbeat is old
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                run.failure = run.failure != null ? run.failure : new IllegalStateException(e.getCause());
            }
        }
        // the job is read and written as the user, like its rows: row-level security sees only their teams
        CallerContext.run(run.identity, () -> end(run));
    }

    /** Completes the run, or marks it FAILED, once its threads have stopped. */
    private void end(Run run) {
        if (run.superseded) {
            LOG.debugf("import %d: run %d was taken over", run.jobId, run.run);
        } else if (run.failure != null) {
            fail(run.jobId, run.run, run.failure);
        } else {
            try {
                QuarkusTransaction.requiringNew().run(() -> finish(run.jobId, run.run));
            } catch (RuntimeException e) {
                if (find(e, Superseded.class) == null) {
                    LOG.errorf(e, "import %d: run %d could not finish", run.jobId, run.run);
                    fail(run.jobId, run.run, e);
                }
            }
        }
    }

    /** One thread of a run: claims batches and imports them until none is left or the run stops. */
    private void work(Run run) {
        CallerContext.run(run.identity, () -> {
            try {
                Arc.container().instance(ChangeOrigin.class).get().markImport();
                TeamService teams = Arc.container().instance(TeamService.class).get();
                while (!run.stopping()) {
                    Batch batch = claim(run, teams);
                    if (batch == null || batch.rows().isEmpty()) {
                        return;
                    }
                    runBatch(run.jobId, run.run, batch);
                    if (!batch.dry()) {
                        analyze(run, batch.rows().size());
                    }
                }
            } catch (RuntimeException e) {
                if (find(e, Superseded.class) != null) {
                    run.superseded = true;
                } else {
                    LOG.errorf(e, "import %d: run %d failed", run.jobId, run.run);
                    synchronized (run) {
                        run.failure = run.failure != null ? run.failure : e;
                    }
                }
            }
        });
    }

    /**
     * Refreshes PostgreSQL's statistics of contact after the run's first batch, then each time the
     * rows it went through have doubled. An import can make a team a million contacts in two minutes,
     * and autovacuum looks at a table once a minute at most: a plan made when the statistics gave the
     * team a few contacts (the lookup of each batch's keys walking the team's whole index, say) would
     * be used against a million. ANALYZE reads a sample (30,000 rows), on a thread of its own. A
     * dry run writes no contacts, and refreshes nothing.
     */
    private void analyze(Run run, int rows) {
        int done = run.rows.addAndGet(rows);
        int at = run.analyzeAt.get();
        if (!mayAnalyze || done < at || !run.analyzeAt.compareAndSet(at, Math.max(done, config.batchSize()) * 2)
                || !analyzing.compareAndSet(false, true)) {
            return;
        }
        statistics.execute(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("analyze contact");
            } catch (SQLException e) {
                // not the tables' owner (an operator's choice of login): autovacuum's statistics will do
                mayAnalyze = false;
                LOG.infof("Imports cannot refresh the statistics of contact (%s): plans follow autovacuum's", e.getMessage());
            } finally {
                analyzing.set(false);
            }
        });
    }

    /** The next batch of the run's rows without a result of this attempt; empty when none is left, null when the run stops. */
    private Batch claim(Run run, TeamService teams) {
        synchronized (run) {
            if (run.stopping()) {
                return null;
            }
            Batch batch = QuarkusTransaction.requiringNew().call(() -> next(run, teams));
            if (batch == null) {
                run.superseded = true;
            }
            return batch;
        }
    }

    private Batch next(Run run, TeamService teams) {
        ImportJob job = ImportJob.findById(run.jobId);
        if (job == null || job.run != run.run || !ImportJob.Status.RUNNING.name().equals(job.status)) {
            return null;
        }
        if (run.done == null) {
            run.done = done(job);
        }
        List<Row> batch = new ArrayList<>();
        // along the primary key from the cursor; rows an earlier run of the attempt did are left out here
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select line, fields, duplicate_of from import_row"
                        + " where job_id = ? and line >= ? order by line limit ?")) {
            while (batch.isEmpty()) {
                s.setLong(1, run.jobId);
                s.setInt(2, run.cursor);
                s.setInt(3, config.batchSize());
                int read = 0;
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        read++;
                        int line = r.getInt(1);
                        run.cursor = line + 1;
                        if (run.done.get(line)) {
                            continue;
                        }
                        Array fields = r.getArray(2);
                        int duplicateOf = r.getInt(3);
                        Integer duplicate = r.wasNull() ? null : duplicateOf;
                        batch.add(new Row(line, Arrays.asList((String[]) fields.getArray()), duplicate));
                    }
                }
                if (read == 0) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read an import's rows", e);
        }
        return new Batch(teams.byId(job.teamId), ColumnMapping.stored(job.columns, job.mapping),
                ImportUpsertKey.valueOf(job.upsertKey), Boolean.TRUE.equals(job.dryRun), batch);
    }

    /** The lines that already have a result of the job's attempt: those an earlier run of it committed. */
    private BitSet done(ImportJob job) {
        BitSet done = new BitSet();
        if (job.rowsDone == 0) {
            return done;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select line from import_result where job_id = ? and attempt = ?")) {
            s.setLong(1, job.id);
            s.setInt(2, job.attempt);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    done.set(r.getInt(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read an import's results", e);
        }
        return done;
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

    private static final List<String> RESULT_COLUMNS = List.of("job_id", "team_id", "line", "attempt", "result", "code", "field",
            "message", "contact_id");
    private static final Map<String, String> RESULT_TYPES = Map.of("job_id", "bigint", "team_id", "bigint", "line", "int",
            "attempt", "int", "contact_id", "bigint");

    /** Writes the rows' results (one statement, {@link ColumnInsert}) and counts them in the job, if the job is still this run's. */
    private void record(long jobId, int run, List<Outcome> outcomes) {
        ImportJob job = lock(jobId, run);
        List<String[]> results = new ArrayList<>(outcomes.size());
        for (Outcome o : outcomes) {
            results.add(new String[] { text(jobId), text(job.teamId), text(o.line()), text(job.attempt), o.result().name(), o.code(),
                    o.field() == null ? null : truncate(o.field(), 100), o.message() == null ? null : truncate(o.message(), 2000),
                    text(o.contactId()) });
        }
        try (Connection c = dataSource.getConnection()) {
            ColumnInsert.insert(c, "import_result", RESULT_COLUMNS, RESULT_TYPES, "", "on conflict (job_id, line) do update set"
                    + " attempt = excluded.attempt, result = excluded.result, code = excluded.code, field = excluded.field,"
                    + " message = excluded.message, contact_id = excluded.contact_id", results);
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
                job.errorMessage = "The run stopped after " + job.rowsDone + " of " + job.rowsTotal + " rows ("
                        + e.getClass().getSimpleName() + "); start it again with the same options to resume with the others";
                job.finishedAt = Times.now();
            });
        } catch (RuntimeException again) {
            if (find(again, Superseded.class) != null) {
                return;
            }
            // the database is gone too: the job stays RUNNING and reads INTERRUPTED once its heartbeat is old
            LOG.errorf(again, "import %d: could not record that run %d failed", jobId, run);
        }
    }
}
