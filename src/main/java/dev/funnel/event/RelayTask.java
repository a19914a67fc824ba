package dev.funnel.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Work that {@link EventRelay} runs on its thread, beside numbering: webhook delivery. A task
 * sees each event once, when it is numbered, in the numbering transaction itself (so a crash
 * cannot lose the step between the two): the relay's, or a bulk write's that numbers its own
 * events ({@link Events#emitAll}, on the writer's thread); and it gets a turn on every cycle of the
 * relay.
 */
public interface RelayTask {

    /**
     * Called in the numbering transaction with the events just numbered: on the relay's connection,
     * which sees every team, or on a bulk write's, which sees the caller's teams (its events' team).
     */
    void numbered(Connection connection, List<Long> eventIds) throws SQLException;

    /** One cycle's work; true when there is more to do at once. */
    boolean run() throws SQLException;

    /** Refreshes the task's gauges; called once per poll interval. */
    void measure(Connection connection) throws SQLException;
}
