-- Numbers for events written in bulk (docs/events.md, "How events are recorded and numbered"):
-- a contact import's batch writes thousands of events at once. Inserted unnumbered, each would be
-- written twice: once by the batch and again by the relay when it numbers it (an update that
-- cannot be HOT, since position is indexed). Instead, the batch reserves the numbers as the relay
-- would give them and inserts its events already numbered.
--
-- The reservation takes the relay's numbering lock (the advisory lock EventRelay.NUMBERING_LOCK,
-- "funnel" in ASCII) and keeps it until the batch's transaction ends, so that no relay numbers
-- anything in between: a reader that has seen position P still never later finds a new event
-- below P, since the batch's positions become visible at its commit, before any higher one.
-- The relay's own numbering tries the lock and waits for its next cycle when a batch holds it.
--
-- SECURITY DEFINER: a request's role has no grant on event_position. The function checks that the
-- team is one of the caller's, then bumps the counters as the relay does, seeing every team only
-- for those two statements.
CREATE FUNCTION funnel_reserve_event_numbers(p_team BIGINT, p_count INT, OUT first_position BIGINT, OUT first_seq BIGINT)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    previous TEXT := current_setting('funnel.all_teams', true);
BEGIN
    IF p_count < 1 THEN
        RAISE EXCEPTION 'funnel_reserve_event_numbers: count % is not positive', p_count;
    END IF;
    IF NOT p_team = ANY (funnel_team_ids()) THEN
        RAISE EXCEPTION 'funnel_reserve_event_numbers: team % is not one of the caller''s', p_team
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM pg_advisory_xact_lock(112654549935468);
    PERFORM set_config('funnel.all_teams', 'on', true);
    UPDATE event_position SET last_value = last_value + p_count RETURNING last_value - p_count + 1 INTO first_position;
    INSERT INTO team_counter (team_id, kind, last_value) VALUES (p_team, 'EVENT', p_count)
        ON CONFLICT (team_id, kind) DO UPDATE SET last_value = team_counter.last_value + excluded.last_value
        RETURNING last_value - p_count + 1 INTO first_seq;
    PERFORM set_config('funnel.all_teams', coalesce(previous, ''), true);
END
$$;
REVOKE ALL ON FUNCTION funnel_reserve_event_numbers(BIGINT, INT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION funnel_reserve_event_numbers(BIGINT, INT) TO funnel_app;
