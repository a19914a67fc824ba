-- Dev mode only (quarkus.flyway.locations in %dev): two teams and a few contacts to try the API with.
SET LOCAL funnel.all_teams = 'on';
INSERT INTO team (code, name, target_countries, min_employees, created_at, updated_at)
VALUES ('red', 'Red team (France, 10+ employees)', '{FR}', 10, now(), now()),
       ('blue', 'Blue team (no criteria)', NULL, NULL, now(), now());

INSERT INTO contact (team_id, kind, display_name, email, stage, source, country, employee_count, temperature,
                     web_form_received, created_at, updated_at)
SELECT t.id, 'ORGANIZATION', 'Boulangerie Martin', 'contact@boulangerie-martin.example', 'SUSPECT', 'DIRECTORY',
       'FR', 4, NULL, FALSE, now(), now() FROM team t WHERE t.code = 'red'
UNION ALL
SELECT t.id, 'ORGANIZATION', 'Atelier Durand', 'bonjour@atelier-durand.example', 'LEAD', 'WEB_FORM',
       'FR', 25, 'HOT', TRUE, now(), now() FROM team t WHERE t.code = 'red'
UNION ALL
SELECT t.id, 'PERSON', 'Jane Smith', 'jane@smith.example', 'LEAD', 'OUTBOUND_CAMPAIGN',
       'GB', 120, 'COLD', FALSE, now(), now() FROM team t WHERE t.code = 'blue';

INSERT INTO stage_change (team_id, contact_id, from_stage, to_stage, trigger, actor, at)
SELECT c.team_id, c.id, NULL, 'SUSPECT', 'CREATION', 'demo', now() FROM contact c;
INSERT INTO stage_change (team_id, contact_id, from_stage, to_stage, trigger, actor, at)
SELECT c.team_id, c.id, 'SUSPECT', 'LEAD', 'MANUAL', 'demo', now() FROM contact c WHERE c.stage = 'LEAD';
