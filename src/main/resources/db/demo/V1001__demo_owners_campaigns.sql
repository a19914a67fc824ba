-- Dev mode only, after V1000__demo_data.sql: the demo users as members of their teams and owners
-- of the demo contacts, the leads' status, and two campaigns of team red with costs and the
-- contacts they reached (docs/funnel.md), so that the funnel and campaign performance have
-- something to show.
SET LOCAL funnel.all_teams = 'on';

-- V1000 counted two versions per conversational interaction (recording flushed the contact twice);
-- InteractionService now writes the contact once per interaction: one version each, as a replay
-- through the API gives (e2e/demo-data.test.mjs)
UPDATE contact c SET version = c.version - (SELECT count(*) FROM interaction i
                                             WHERE i.contact_id = c.id AND i.channel <> 'WEBSITE_VISIT');

INSERT INTO team_member (team_id, subject, display_name, first_seen_at, last_seen_at)
SELECT t.id, m.subject, m.name, now() - interval '150 days', now()
FROM team t JOIN (VALUES ('red', 'alice', 'Alice'), ('red', 'carol', 'Carol'), ('blue', 'bob', 'Bob'), ('blue', 'carol', 'Carol'))
    AS m(team_code, subject, name) ON m.team_code = t.code;

-- alice and bob own their team's contacts; carol the organizations of red
UPDATE contact c SET owner = CASE WHEN t.code = 'red' AND c.kind = 'ORGANIZATION' THEN 'carol'
                                  WHEN t.code = 'red' THEN 'alice' ELSE 'bob' END
FROM team t WHERE t.id = c.team_id;
UPDATE stage_change s SET owner = c.owner FROM contact c WHERE c.id = s.contact_id;
UPDATE contact SET lead_status = 'MQL'
    WHERE stage = 'LEAD' OR (stage = 'DISQUALIFIED' AND stage_before_disqualification = 'LEAD');

INSERT INTO campaign (team_id, name, channel, starts_on, ends_on, currency, budget, description, created_by, created_at)
SELECT t.id, k.name, k.channel, (now() - k.started)::date, NULL::date, 'EUR', k.budget,
       k.description, 'carol', now() - k.started
FROM team t, (VALUES ('Trade fair Lyon', 'EVENT', interval '140 days', 6000.00, 'Stand at the regional trade fair'),
                     ('Newsletter autumn', 'EMAILING', interval '90 days', 800.00, 'Three sends to the prospect list'))
    AS k(name, channel, started, budget, description)
WHERE t.code = 'red';
INSERT INTO campaign_cost (team_id, campaign_id, incurred_on, amount, description, created_by, created_at)
SELECT k.team_id, k.id, k.starts_on + c.offset_days, c.amount, c.description, 'carol', now()
FROM campaign k JOIN (VALUES ('Trade fair Lyon', 0, 4200.00, 'Stand'), ('Trade fair Lyon', 2, 850.50, 'Travel'),
                             ('Newsletter autumn', 1, 240.00, 'Sending platform'), ('Newsletter autumn', 30, 240.00, 'Sending platform'))
    AS c(name, offset_days, amount, description) ON c.name = k.name;

-- red's contacts by the order they were created: one in three came by the fair, one in three by the
-- newsletter; half of the fair's were reached by the newsletter afterwards
CREATE TEMP TABLE demo_reach ON COMMIT DROP AS
SELECT c.id, c.team_id, c.created_at, row_number() OVER (ORDER BY c.created_at, c.id) AS n
FROM contact c JOIN team t ON t.id = c.team_id WHERE t.code = 'red' AND c.stage IS NOT NULL;
INSERT INTO campaign_touch (team_id, contact_id, campaign_id, at)
SELECT r.team_id, r.id, k.id, r.created_at
FROM demo_reach r JOIN campaign k ON k.team_id = r.team_id
    AND k.name = CASE r.n % 3 WHEN 0 THEN 'Trade fair Lyon' ELSE 'Newsletter autumn' END
WHERE r.n % 3 <> 2;
INSERT INTO campaign_touch (team_id, contact_id, campaign_id, at)
SELECT r.team_id, r.id, k.id, least(r.created_at + interval '10 days', now())
FROM demo_reach r JOIN campaign k ON k.team_id = r.team_id AND k.name = 'Newsletter autumn'
WHERE r.n % 6 = 0;
UPDATE contact c SET first_campaign_id = f.campaign_id, last_campaign_id = l.campaign_id
FROM (SELECT DISTINCT ON (contact_id) contact_id, campaign_id FROM campaign_touch ORDER BY contact_id, at, id) f,
     (SELECT DISTINCT ON (contact_id) contact_id, campaign_id FROM campaign_touch ORDER BY contact_id, at DESC, id DESC) l
WHERE f.contact_id = c.id AND l.contact_id = c.id;
