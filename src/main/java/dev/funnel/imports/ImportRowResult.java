package dev.funnel.imports;

/** What a run did with a row (the report's result column, docs/imports.md). */
enum ImportRowResult {
    CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED
}
