-- Makes a copy of a benchmark database (bench/run.sh: funnel_beforeall_<size>, a copy of
-- funnel_<size>) the schema the build before events (170d032, migrations V1 to V7) left: V8 to V13
-- only add objects (tables, nullable or generated columns, indexes, a function), which are dropped
-- here with their lines of Flyway's history; V10__write_path_indexes.sql also dropped V1's
-- stage_change_team_idx, which is put back. The data of V1 to V7 is untouched, so both builds are
-- measured on the same rows, each with its own indexes: the difference is everything since 170d032
-- (the outbox, and the owners' and imports' columns and indexes). bench/without-events.sql takes
-- out the outbox alone.
DO $$
BEGIN
    IF (SELECT max(version::int) FROM flyway_schema_history WHERE version IS NOT NULL) <> 13 THEN
        RAISE EXCEPTION 'bench/before-events.sql knows V8 to V13 only; this database is at version %',
            (SELECT max(version::int) FROM flyway_schema_history WHERE version IS NOT NULL);
    END IF;
END $$;
DROP TABLE import_result, import_row, import_job;
DROP FUNCTION funnel_reserve_event_numbers(BIGINT, INT);
ALTER TABLE contact DROP COLUMN external_id_key, DROP COLUMN email_key, DROP COLUMN external_id;
ALTER TABLE contact DROP COLUMN IF EXISTS owner, DROP COLUMN IF EXISTS lead_status,
    DROP COLUMN IF EXISTS first_campaign_id, DROP COLUMN IF EXISTS last_campaign_id;
ALTER TABLE interaction DROP COLUMN IF EXISTS campaign_id;
ALTER TABLE stage_change DROP COLUMN IF EXISTS owner, DROP COLUMN IF EXISTS reason;
DROP INDEX IF EXISTS stage_change_team_at_idx;
DROP TABLE IF EXISTS campaign_touch, campaign_cost, campaign, team_member;
DROP TABLE webhook_delivery, webhook_endpoint, event, event_position;
DROP SEQUENCE event_id_seq;
DELETE FROM team_counter WHERE kind = 'EVENT';
CREATE INDEX IF NOT EXISTS stage_change_team_idx ON stage_change (team_id);
DELETE FROM flyway_schema_history WHERE version::int >= 8;
