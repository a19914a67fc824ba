package dev.funnel.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.funnel.common.AfterCommit;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The outbox's relay, one thread per instance (docs/events.md, "How delivery works"). On each
 * cycle it:
 * <ol>
 * <li><b>numbers</b> committed events: under a transaction-scoped advisory lock, so one relay of
 * all instances at a time, it gives each unnumbered event the next global position and the next
 * sequence number of its team, in the order it finds them. A reader that has seen position P can
 * therefore never later find a new event below P, which is what makes cursors gapless. The
 * {@link RelayTask}s see the numbered events in the same transaction (webhook fan-out). A bulk
 * write (a contact import's batch, {@link Events#emitAll}) instead reserves its numbers under the
 * same lock and inserts its events numbered; the relay finds the lock taken and numbers at its next
 * cycle;</li>
 * <li>lets each task run (webhook attempts);</li>
 * <li>tells the live subscriptions of this instance ({@link EventFeed}) how far numbering has gone,
 * whoever numbered;</li>
 * <li>about once an hour, deletes the events older than the retention.</li>
 * </ol>
 * A change committed on this instance wakes it: the relay starts a cycle at once when its last one
 * began a batch window ago or more, else when that window ends, so that under load changes alone
 * make one cycle per window whatever their number (webhook attempts that end, and a backlog of
 * full batches, make more). Changes of other instances are found within the poll interval. Its
 * connections see every team (the setting funnel.all_teams, see V3__row_level_security.sql), since
 * its work spans them; what it reads never leaves the server except to the team's own endpoints and
 * subscribers.
 */
@ApplicationScoped
public class EventRelay {

    /** The advisory lock key of numbering ("funnel" in ASCII, as an integer). */
    static final long NUMBERING_LOCK = 0x66756e6e656cL;
    private static final int BATCH = 1000;
    /**
     * The longest a cycle asked for by a task waits, so that other tasks' requests join it; it starts
     * sooner when the batch window ends first.
     */
    static final Duration TASK_PAUSE = Duration.ofMillis(50);

    private final AgroalDataSource db;
    private final EventsConfig config;
    private final Instance<RelayTask> tasks;
    private final EventFeed feed;
    private final TransactionSynchronizationRegistry transactions;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final AtomicLong unnumberedAgeMillis = new AtomicLong();
    private boolean signalled;
    private boolean taskSignalled;
    private long taskSignalledAt;
    private volatile boolean running;
    private Thread thread;
    private long lastRetention;
    /** When the last cycle woken by a signal began (System.nanoTime), for the batch window. */
    private long cycleStarted;
    private long lastMeasure;

    public EventRelay(AgroalDataSource db, EventsConfig config, Instance<RelayTask> tasks, EventFeed feed,
            MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.db = db;
        this.config = config;
        this.tasks = tasks;
        this.feed = feed;
        this.transactions = transactions;
        Gauge.builder("funnel.events.outbox.lag", unnumberedAgeMillis, a -> a.get() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest committed event not yet numbered by the relay (0 when none waits)")
                .register(registry);
    }

    void start(@Observes StartupEvent start) {
        Duration window = config.webhooks().retryDelays().stream().reduce(Duration.ZERO, Duration::plus);
        if (config.retention().compareTo(window) <= 0) {
            // deleting an event deletes its deliveries: retries would stop before their schedule ends
            throw new IllegalStateException("funnel.events.retention (" + config.retention() + ") must be longer than"
                    + " the webhook retry schedule (" + window + ", funnel.events.webhooks.retry-delays)");
        }
        if (!config.relay()) {
            Log.info("The event relay is off on this instance (funnel.events.relay=false)");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "funnel-event-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** A change committed here: number its events within the batch window rather than at the next poll. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent event) {
        signal(false);
    }

    /** Asks for a cycle soon, within {@link #TASK_PAUSE} (a finished webhook attempt, a redelivery). */
    public void wake() {
        signal(true);
    }

    private void signal(boolean task) {
        lock.lock();
        try {
            if (task && !taskSignalled) {
                taskSignalled = true;
                taskSignalledAt = System.nanoTime();
            }
            signalled = true;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        long failures = 0;
        boolean woken = false;
        cycleStarted = System.nanoTime() - config.batchWindow().toNanos();
        while (running) {
            try {
                if (woken) {
                    // the batch window paces the cycles that commits start, not the polls
                    cycleStarted = System.nanoTime();
                }
                boolean more = number();
                for (RelayTask task : tasks) {
                    more |= task.run();
                }
                housekeeping();
                failures = 0;
                woken = more || await(config.pollInterval());
            } catch (Exception e) {
                failures++;
                // the database restarting, a failover: keep trying, a little less often each time
                Log.warnf("Event relay cycle failed (%d in a row), retrying: %s", failures, e.toString());
                woken = false;
                pause(Duration.ofMillis(Math.min(5000, 100L << Math.min(failures, 6))));
            }
        }
    }

    /** Waits the whole of {@code time} (a failed cycle's backoff), whatever signals come meanwhile; they wait for the next cycle. */
    private void pause(Duration time) {
        lock.lock();
        try {
            long left = time.toNanos();
            while (left > 0 && running) {
                left = work.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a commit (true) or the timeout (false); after a commit, until the batch window allows a cycle. */
    private boolean await(Duration timeout) {
        lock.lock();
        try {
            if (!signalled && running) {
                work.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            boolean woken = signalled;
            while (signalled && running) {
                // Woken by a commit: at most one such cycle per batch window. After a quiet spell the
                // change is numbered at once; under load the commits of the rest of the window join
                // it, so that the relay numbers in batches rather than once per change. Woken by a
                // task (a webhook attempt finished, its slot free again): within TASK_PAUSE, so that
                // deliveries do not wait for the window.
                long until = cycleStarted + config.batchWindow().toNanos();
                if (taskSignalled && taskSignalledAt + TASK_PAUSE.toNanos() - until < 0) {
                    until = taskSignalledAt + TASK_PAUSE.toNanos();
                }
                long left = until - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                work.awaitNanos(left);
            }
            signalled = false;
            taskSignalled = false;
            return woken;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Numbers one batch of committed events; true when the batch was full. */
    boolean number() throws SQLException {
        try (Connection c = connection()) {
            try (PreparedStatement locked = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                locked.setLong(1, NUMBERING_LOCK);
                try (ResultSet rs = locked.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        c.rollback();
                        return false;
                    }
                }
            }
            List<Long> ids = new ArrayList<>();
            long last = 0;
            try (PreparedStatement numbering = c.prepareStatement(NUMBERING)) {
                numbering.setInt(1, BATCH);
                try (ResultSet rs = numbering.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        last = Math.max(last, rs.getLong(2));
                    }
                }
            }
            if (!ids.isEmpty()) {
                for (RelayTask task : tasks) {
                    task.numbered(c, ids);
                }
            }
            c.commit();
            if (!ids.isEmpty()) {
                feed.reached(last);
            }
            return ids.size() == BATCH;
        }
    }

    /**
     * Events a transaction wrote already numbered ({@link Events#emitAll}), holding the numbering
     * lock until it ends: the tasks see them in that transaction, as they see the events this relay
     * numbers, and the live subscriptions learn of them once it commits.
     */
    void numberedHere(Connection c, List<Long> ids, long lastPosition) throws SQLException {
        for (RelayTask task : tasks) {
            task.numbered(c, ids);
        }
        AfterCommit.run(transactions, () -> feed.reached(lastPosition));
    }

    /**
     * Gives each of the oldest unnumbered events (in id order) the next position and its team's
     * next sequence number. The team's last number is kept in team_counter (kind EVENT), which only
     * the holder of the lock writes.
     */
    private static final String NUMBERING = """
            with batch as (
                select id, team_id from event where position is null order by id limit ?
            ), numbered as (
                select id, team_id, row_number() over (order by id) as n,
                       row_number() over (partition by team_id order by id) as tn
                from batch
            ), per_team as (
                select team_id, count(*) as c from batch group by team_id
            ), bumped as (
                insert into team_counter (team_id, kind, last_value)
                select team_id, 'EVENT', c from per_team
                on conflict (team_id, kind) do update set last_value = team_counter.last_value + excluded.last_value
                returning team_id, last_value
            ), base as (
                -- PostgreSQL runs a data-modifying WITH even when nothing reads it: with nothing to
                -- number, this updates no row, so an idle cycle writes nothing (no WAL, no commit record)
                update event_position set last_value = last_value + (select count(*) from batch)
                where exists (select 1 from batch)
                returning last_value - (select count(*) from batch) as p
            )
            update event e set position = base.p + numbered.n, seq = bumped.last_value - per_team.c + numbered.tn
            from numbered join per_team using (team_id) join bumped using (team_id), base
            where e.id = numbered.id
            returning e.id, e.position
            """;

    private void housekeeping() throws SQLException {
        long now = System.currentTimeMillis();
        if (now - lastMeasure >= config.pollInterval().toMillis()) {
            lastMeasure = now;
            try (Connection c = connection()) {
                try (PreparedStatement s = c.prepareStatement("select (select last_value from event_position),"
                        + " (select extract(epoch from now() - min(occurred_at)) * 1000 from event where position is null)");
                        ResultSet rs = s.executeQuery()) {
                    rs.next();
                    long reached = rs.getLong(1);
                    unnumberedAgeMillis.set(rs.getLong(2));
                    // numbered by another instance's relay: this instance's subscribers learn it here
                    feed.reached(reached);
                }
                for (RelayTask task : tasks) {
                    task.measure(c);
                }
                c.commit();
            }
        }
        if (now - lastRetention >= TimeUnit.HOURS.toMillis(1)) {
            lastRetention = now;
            retention();
        }
    }

    /** Deletes the events older than the retention (their deliveries go with them), a batch per transaction. */
    void retention() throws SQLException {
        int deleted;
        long total = 0;
        do {
            try (Connection c = connection();
                    PreparedStatement s = c.prepareStatement("delete from event where id in (select id from event"
                            // ids grow with time: the oldest are read first along the primary key
                            + " where occurred_at < now() - make_interval(secs => ?) order by id limit 5000)")) {
                s.setLong(1, config.retention().toSeconds());
                deleted = s.executeUpdate();
                c.commit();
                total += deleted;
            }
        } while (deleted == 5000 && running);
        if (total > 0) {
            Log.infof("Deleted %d events older than the retention of %s", total, config.retention());
        }
    }

    /** A connection in its own transaction that sees every team. */
    public Connection connection() throws SQLException {
        Connection c = db.getConnection();
        try {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("select set_config('funnel.all_teams', 'on', true)")) {
                s.execute();
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
