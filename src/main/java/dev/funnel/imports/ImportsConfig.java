package dev.funnel.imports;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Contact import and export (docs/imports.md). */
@ConfigMapping(prefix = "funnel.imports")
public interface ImportsConfig {

    /** The largest file {@code POST /imports/contacts} takes; a larger one is LIMIT_EXCEEDED (413). */
    @WithDefault("512M")
    MemorySize maxFileSize();

    /** The most columns a row may have. */
    @WithDefault("500")
    int maxColumns();

    /** The longest field, in characters. */
    @WithDefault("65536")
    int maxFieldSize();

    /** Rows per transaction of a run: a run that stops resumes with the rows of the batches it did not commit. */
    @WithDefault("1000")
    int batchSize();

    /**
     * Batches a run works on at once, each in its own transaction: while one waits for the
     * database (its writes, its commit), another prepares its rows.
     */
    @WithDefault("2")
    int parallelBatches();

    /** How many imports one instance runs at once; the others wait their turn. */
    @WithDefault("1")
    int workers();

    /**
     * A running import whose instance gave no sign of life for this long was stopped (the instance
     * was killed or lost the database): it shows as INTERRUPTED and may be started again.
     */
    @WithDefault("60s")
    Duration stalledAfter();
}
