-- Makes a copy of a benchmark database (bench/run.sh: funnel_before_<size>, a copy of funnel_<size>)
-- this build's schema without the outbox, for the build before events (170d032, migrations V1 to
-- V7): the objects of events and webhooks (V8__events_webhooks.sql, V10__write_path_indexes.sql's
-- event indexes, V12__bulk_event_numbers.sql) are dropped; what the later issues added to the contact, interaction and
-- stage_change tables (V9's owners and campaigns, V11's import keys and
-- their indexes, V10's dropped stage_change_team_idx) stays, as do the tables only they use. Flyway's
-- history keeps V1 to V7, so the older build starts on it; the extra columns are nullable or
-- generated, and it never names them. Both builds then write the same rows into the same tables
-- with the same indexes, except the outbox's: the difference is the outbox's cost alone (E in
-- docs/benchmarks.md). bench/before-events.sql, applied after this, gives the older build its own schema.
DO $$
BEGIN
    IF (SELECT max(version::int) FROM flyway_schema_history WHERE version IS NOT NULL) <> 13 THEN
        RAISE EXCEPTION 'bench/without-events.sql knows V8 to V13 only; this database is at version %',
            (SELECT max(version::int) FROM flyway_schema_history WHERE version IS NOT NULL);
    END IF;
END $$;
DROP FUNCTION funnel_reserve_event_numbers(BIGINT, INT);
DROP TABLE webhook_delivery, webhook_endpoint, event, event_position;
DROP SEQUENCE event_id_seq;
DELETE FROM team_counter WHERE kind = 'EVENT';
DELETE FROM flyway_schema_history WHERE version::int >= 8;
