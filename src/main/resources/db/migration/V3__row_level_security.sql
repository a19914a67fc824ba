-- Row-level security: the database's own guarantee that a request sees only its caller's teams,
-- behind the application's WHERE clauses.
--
-- The service runs its requests as the role funnel_app (SET ROLE on each pooled connection it
-- hands to a request: see TeamScope), which is neither superuser nor owner, so the policies
-- below always apply to it. The caller's teams travel in two settings of that connection:
-- funnel.team_codes (the token's team codes, comma-separated) and funnel.all_teams ('on' for an
-- admin). Data migrations run as the owner; with FORCE ROW LEVEL SECURITY they must
-- SET LOCAL funnel.all_teams = 'on' to see rows (superusers bypass policies anyway).

-- Lines and idempotency records carry their team too, so each table's policy is one comparison.
ALTER TABLE quote_line ADD COLUMN team_id BIGINT REFERENCES team (id);
UPDATE quote_line l SET team_id = q.team_id FROM quote q WHERE q.id = l.quote_id;
ALTER TABLE quote_line ALTER COLUMN team_id SET NOT NULL;

ALTER TABLE invoice_line ADD COLUMN team_id BIGINT REFERENCES team (id);
UPDATE invoice_line l SET team_id = i.team_id FROM invoice i WHERE i.id = l.invoice_id;
ALTER TABLE invoice_line ALTER COLUMN team_id SET NOT NULL;

ALTER TABLE idempotency_key ADD COLUMN team_id BIGINT REFERENCES team (id);
UPDATE idempotency_key k SET team_id = q.team_id FROM quote q WHERE q.id = k.quote_id;
ALTER TABLE idempotency_key ALTER COLUMN team_id SET NOT NULL;

-- The role the service runs its requests as. Creating it, and letting the service's login user
-- switch to it, needs CREATEROLE; where the migration user lacks it (a managed database), a DBA
-- runs the two statements named in the error once, before the first start.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'funnel_app') THEN
        BEGIN
            CREATE ROLE funnel_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE EXCEPTION 'Funnel needs the role funnel_app. As a database administrator, run once: CREATE ROLE funnel_app NOLOGIN; GRANT funnel_app TO %;', current_user;
        END;
    END IF;
    IF NOT pg_has_role(current_user, 'funnel_app', 'MEMBER') THEN
        BEGIN
            EXECUTE format('GRANT funnel_app TO %I', current_user);
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE EXCEPTION 'Funnel''s login user must be able to SET ROLE funnel_app. As a database administrator, run once: GRANT funnel_app TO %;', current_user;
        END;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO funnel_app;
GRANT SELECT, INSERT, UPDATE ON team, contact, interaction, stage_change, quote, quote_line, invoice,
    invoice_line, idempotency_key, team_counter TO funnel_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema} TO funnel_app;

-- The ids of the teams of the current request. SECURITY DEFINER: it reads the team table as its
-- owner, so that the policies below do not depend on the team table's own policy.
CREATE FUNCTION funnel_team_ids() RETURNS BIGINT[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
    SELECT coalesce(array_agg(t.id), '{}')
    FROM team t
    WHERE current_setting('funnel.all_teams', true) = 'on'
       OR t.code = ANY (string_to_array(nullif(current_setting('funnel.team_codes', true), ''), ','))
$$;
REVOKE ALL ON FUNCTION funnel_team_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION funnel_team_ids() TO funnel_app;

-- The team table's policies bind funnel_app but not the owner (no FORCE): funnel_team_ids() reads
-- team as the owner, and a forced policy calling it would recurse.
ALTER TABLE team ENABLE ROW LEVEL SECURITY;
-- an admin's new team must be readable by the INSERT ... RETURNING that creates it
CREATE POLICY team_read ON team FOR SELECT
    USING (id = ANY (funnel_team_ids()) OR current_setting('funnel.all_teams', true) = 'on');
CREATE POLICY team_update ON team FOR UPDATE USING (id = ANY (funnel_team_ids()));
CREATE POLICY team_create ON team FOR INSERT WITH CHECK (current_setting('funnel.all_teams', true) = 'on');

ALTER TABLE contact ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact FORCE ROW LEVEL SECURITY;
CREATE POLICY contact_team ON contact USING (team_id = ANY (funnel_team_ids()));

ALTER TABLE interaction ENABLE ROW LEVEL SECURITY;
ALTER TABLE interaction FORCE ROW LEVEL SECURITY;
CREATE POLICY interaction_team ON interaction USING (team_id = ANY (funnel_team_ids()));

ALTER TABLE stage_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE stage_change FORCE ROW LEVEL SECURITY;
CREATE POLICY stage_change_team ON stage_change USING (team_id = ANY (funnel_team_ids()));

ALTER TABLE quote ENABLE ROW LEVEL SECURITY;
ALTER TABLE quote FORCE ROW LEVEL SECURITY;
CREATE POLICY quote_team ON quote USING (team_id = ANY (funnel_team_ids()));

ALTER TABLE quote_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE quote_line FORCE ROW LEVEL SECURITY;
CREATE POLICY quote_line_team ON quote_line USING (team_id = ANY (funnel_team_ids()));

ALTER TABLE invoice ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice FORCE ROW LEVEL SECURITY;
CREATE POLICY invoice_team ON invoice USING (team_id = ANY (funnel_team_ids()));

ALTER TABLE invoice_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_line FORCE ROW LEVEL SECURITY;
CREATE POLICY invoice_line_team ON invoice_line USING (team_id = ANY (funnel_team_ids()));

ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_key FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_key_team ON idempotency_key USING (team_id = ANY (funnel_team_ids()));

ALTER TABLE team_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_counter FORCE ROW LEVEL SECURITY;
CREATE POLICY team_counter_team ON team_counter USING (team_id = ANY (funnel_team_ids()));
