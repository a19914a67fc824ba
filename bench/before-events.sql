-- Makes a copy of a benchmark database (bench/run.sh: funnel_before_<size>, a copy of funnel_<size>)
-- what the build before events (170d032, migrations V1 to V7) expects: V8__events_webhooks.sql only
-- adds objects, which are dropped here with its line of Flyway's history. The data of V1 to V7 is
-- untouched, so both builds are measured on the same rows.
DO $$
BEGIN
    IF (SELECT max(version::int) FROM flyway_schema_history WHERE version IS NOT NULL) <> 8 THEN
        RAISE EXCEPTION 'bench/before-events.sql takes out V8 only; this database is at version %',
            (SELECT max(version::int) FROM flyway_schema_history WHERE version IS NOT NULL);
    END IF;
END $$;
DROP TABLE webhook_delivery, webhook_endpoint, event, event_position;
DROP SEQUENCE event_id_seq;
DELETE FROM team_counter WHERE kind = 'EVENT';
DELETE FROM flyway_schema_history WHERE version = '8';
