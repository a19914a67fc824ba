package dev.funnel.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Work that {@link EventRelay} runs on its thread, beside numbering: webhook delivery. A task
 * sees each event once, when the relay numbers it, in the numbering transaction itself (so a
 * crash cannot lose the step between the two), and gets a turn on every cycle of the relay.
 */
public interface RelayTask {

    /** Called in the numbering transaction, on a connection that sees every team, with the events just numbered. */
    void numbered(Connection connection, List<Long> eventIds) throws SQLException;

    /** One cycle's work; true when there is more to do at once. */
    boolean run() throws SQLException;

    /** Refreshes the task's gauges; called once per poll interval. */
    void measure(Connection connection) throws SQLException;
}
