-- Import results in a narrow table of their own (docs/imports.md, "Runs"), and runs whose
-- batches commit in any order.
--
-- A row's result was written into its import_row, which rewrote the whole row (its cells
-- included) for each result: for a file of a million rows, as much again as the upload wrote.
-- A result is now a short row of import_result, inserted, or updated in place when a new attempt
-- reaches the row again.
--
-- A run may work on several batches at once, each committing when it is done, so there is no
-- "next line" below which everything is done. Instead, each start that is not a resume begins a
-- new attempt (import_job.attempt), and a row is done when its result is of the job's attempt:
-- a run that stops anywhere resumes with the rows that have none, without doing a row twice.
ALTER TABLE import_job ADD COLUMN attempt INT NOT NULL DEFAULT 0;

CREATE TABLE import_result (
    job_id      BIGINT        NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    team_id     BIGINT        NOT NULL,
    line        INT           NOT NULL,
    -- the job's attempt that gave this result; a result of an older attempt is not the row's
    attempt     INT           NOT NULL,
    -- CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED
    result      VARCHAR(16)   NOT NULL,
    code        VARCHAR(40),
    field       VARCHAR(100),
    message     VARCHAR(2000),
    contact_id  BIGINT,
    PRIMARY KEY (job_id, line)
);
GRANT SELECT, INSERT, UPDATE ON import_result TO funnel_app;
ALTER TABLE import_result ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_result FORCE ROW LEVEL SECURITY;
CREATE POLICY import_result_team ON import_result USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));

-- the results of existing jobs, as their attempt 0 (the tables are under forced row-level
-- security: this migration sees every team for its own transaction)
SELECT set_config('funnel.all_teams', 'on', true);
INSERT INTO import_result (job_id, team_id, line, attempt, result, code, field, message, contact_id)
SELECT r.job_id, r.team_id, r.line, 0, r.result, r.code, r.field, r.message, r.contact_id
FROM import_row r JOIN import_job j ON j.id = r.job_id
WHERE r.result IS NOT NULL AND r.line < j.next_line;
SELECT set_config('funnel.all_teams', '', true);

ALTER TABLE import_job DROP COLUMN next_line;
ALTER TABLE import_row DROP COLUMN result, DROP COLUMN code, DROP COLUMN field, DROP COLUMN message, DROP COLUMN contact_id;
