package dev.funnel.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records a logger (and the loggers under it) writes at a level or above while open, for a test to assert on. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final List<String> records = new CopyOnWriteArrayList<>();
    private final Handler handler;

    private LogCapture(String name, Level level) {
        this.logger = Logger.getLogger(name);
        this.handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= level.intValue()) {
                    records.add(r.getLoggerName() + ": " + r.getMessage() + " " + Arrays.toString(r.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
    }

    /** Captures what {@code name} ("" for every logger) writes at {@code level} or above. */
    public static LogCapture of(String name, Level level) {
        return new LogCapture(name, level);
    }

    /** What was written so far: logger, message and parameters of each record. */
    public List<String> records() {
        return new ArrayList<>(records);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
