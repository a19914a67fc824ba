-- Makes a copy of a benchmark database (bench/run.sh: funnel_beforeall_<size>, a copy of
-- funnel_<size>) the schema the build before events (170d032, migrations V1 to V7) left. Applied
-- after bench/without-events.sql, which checks the version, drops the outbox and leaves Flyway's
-- history at V7: this drops what V9 to V13 added besides (tables, nullable or generated columns,
-- indexes), and puts back V1's stage_change_team_idx, which V10__write_path_indexes.sql dropped.
-- The data of V1 to V7 is untouched, so both builds are measured on the same rows, each with its
-- own indexes: the difference is everything since 170d032 (the outbox, and the owners' and
-- imports' columns and indexes).
DROP TABLE import_result, import_row, import_job;
ALTER TABLE contact DROP COLUMN external_id_key, DROP COLUMN email_key, DROP COLUMN external_id;
ALTER TABLE contact DROP COLUMN owner, DROP COLUMN lead_status, DROP COLUMN first_campaign_id, DROP COLUMN last_campaign_id;
ALTER TABLE interaction DROP COLUMN campaign_id;
ALTER TABLE stage_change DROP COLUMN owner, DROP COLUMN reason;
DROP INDEX IF EXISTS stage_change_team_at_idx;
DROP TABLE campaign_touch, campaign_cost, campaign, team_member;
CREATE INDEX stage_change_team_idx ON stage_change (team_id);
