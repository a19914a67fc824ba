-- Contact import and export (docs/imports.md).

-- The id a contact has in another system (the CRM a team comes from, a billing system): an upsert
-- key of imports. Unique within the team, case- and space-insensitively, as imports match it.
ALTER TABLE contact ADD COLUMN external_id VARCHAR(200);
-- The keys imports match on, as stored columns: lower() and btrim() are not leakproof, so under
-- row-level security PostgreSQL cannot use an index on lower(btrim(email)) for a condition on it
-- (the policy must filter first) and reads every contact of the table instead. A condition on a
-- stored column with = (leakproof) uses the index.
ALTER TABLE contact ADD COLUMN external_id_key TEXT GENERATED ALWAYS AS (lower(btrim(external_id))) STORED;
ALTER TABLE contact ADD COLUMN email_key TEXT GENERATED ALWAYS AS (lower(btrim(email))) STORED;
CREATE UNIQUE INDEX contact_team_external_id_key ON contact (team_id, external_id_key) WHERE external_id_key IS NOT NULL;
-- imports matching on e-mail (e-mails are not unique: two matches fail the row)
CREATE INDEX contact_team_email_idx ON contact (team_id, email_key) WHERE email_key IS NOT NULL;

-- An uploaded file and the runs over it. A run (dry or real) goes through the rows in line order,
-- a batch per transaction; each batch commits its rows' results, its contacts and next_line
-- together, so a run that stops anywhere resumes at next_line without doing a row twice.
CREATE TABLE import_job (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id       BIGINT        NOT NULL REFERENCES team (id),
    kind          VARCHAR(20)   NOT NULL,
    file_name     VARCHAR(255),
    encoding      VARCHAR(20)   NOT NULL,
    delimiter     VARCHAR(1)    NOT NULL,
    -- the header row, as read
    columns       TEXT[]        NOT NULL,
    bytes         BIGINT        NOT NULL,
    rows_total    INT           NOT NULL,
    -- UPLOADED, RUNNING, COMPLETED, FAILED
    status        VARCHAR(16)   NOT NULL,
    -- the current (or last) run: its options, where it is, what it did
    run           INT           NOT NULL DEFAULT 0,
    dry_run       BOOLEAN,
    upsert_key    VARCHAR(16),
    -- the field of each column (null: ignored), in column order
    mapping       TEXT[],
    next_line     INT           NOT NULL DEFAULT 0,
    rows_done     INT           NOT NULL DEFAULT 0,
    created       INT           NOT NULL DEFAULT 0,
    updated       INT           NOT NULL DEFAULT 0,
    unchanged     INT           NOT NULL DEFAULT 0,
    skipped       INT           NOT NULL DEFAULT 0,
    failed        INT           NOT NULL DEFAULT 0,
    error_code    VARCHAR(40),
    error_message VARCHAR(2000),
    created_by    VARCHAR(200)  NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    started_by    VARCHAR(200),
    started_at    TIMESTAMPTZ,
    -- the running instance's last sign of life: a RUNNING job without one for a while was stopped
    heartbeat_at  TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ
);
CREATE INDEX import_job_team_idx ON import_job (team_id, id);

-- The file's rows, stored at upload (the file itself is never kept in memory), and each row's
-- result in the current run.
CREATE TABLE import_row (
    job_id        BIGINT        NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    team_id       BIGINT        NOT NULL,
    -- where the record starts in the file (a quoted line break makes a record span lines)
    line          INT           NOT NULL,
    fields        TEXT[]        NOT NULL,
    -- the first line with the same upsert key, set when a run starts: this row is skipped
    duplicate_of  INT,
    -- CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED; null until the run reaches the row
    result        VARCHAR(16),
    code          VARCHAR(40),
    field         VARCHAR(100),
    message       VARCHAR(2000),
    contact_id    BIGINT,
    PRIMARY KEY (job_id, line)
);

GRANT SELECT, INSERT, UPDATE ON import_job, import_row TO funnel_app;
GRANT USAGE ON SEQUENCE import_job_id_seq TO funnel_app;

ALTER TABLE import_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_job FORCE ROW LEVEL SECURITY;
CREATE POLICY import_job_team ON import_job USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));

ALTER TABLE import_row ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_row FORCE ROW LEVEL SECURITY;
CREATE POLICY import_row_team ON import_row USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));
