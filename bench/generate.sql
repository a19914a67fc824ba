-- Loads a realistic data set server-side (INSERT ... SELECT generate_series: no row crosses the
-- network). Run by bench/generate-data.sh on a database Funnel has migrated; psql variables:
--   contacts (1,000,000), interactions_per_contact (10), quotes (200,000), invoices (50,000).
-- Run as a superuser (row-level security is bypassed, as for a restore); under the owner the
-- setting below would make the rows visible, but every inserted row would pay the policy check.
SET funnel.all_teams = 'on';
\timing on

INSERT INTO team (code, name, target_countries, min_employees, created_at, updated_at)
SELECT 'bench-' || t, 'Bench team ' || t, '{FR,BE,DE}', 5, now(), now() FROM generate_series(1, 4) t
ON CONFLICT (code) DO NOTHING;
CREATE TEMP TABLE bench_team AS
SELECT row_number() OVER (ORDER BY id) - 1 AS slot, id FROM team WHERE code LIKE 'bench-%';

-- contacts across every stage and temperature; ~1/4 per team. Rows are written in the order a
-- real database receives them, oldest first (ORDER BY below), so that the rows of a period sit
-- together as they do in a table that grew over time; written in generate_series order, a
-- period's contacts were spread over every page of the table (until 2026-11-29: sections A to E
-- of docs/benchmarks.md were measured so).
INSERT INTO contact (team_id, kind, display_name, email, stage, stage_before_disqualification, disqualification_reason,
                     temperature, source, country, sector, employee_count, annual_revenue, decision_maker,
                     website_visits, web_form_received, quote_requested, first_touch_direction, last_interaction_at,
                     last_inbound_at, unanswered_touches, version, created_at, updated_at)
SELECT bt.id,
       CASE WHEN i % 3 = 0 THEN 'ORGANIZATION' ELSE 'PERSON' END,
       'Contact ' || i,
       'contact' || i || '@example.com',
       s.stage,
       CASE WHEN s.stage = 'DISQUALIFIED' THEN 'LEAD' END,
       CASE WHEN s.stage = 'DISQUALIFIED' THEN 'NO_BUDGET' END,
       CASE WHEN s.stage IN ('LEAD', 'PROSPECT') THEN (ARRAY['COLD', 'WARM', 'HOT'])[1 + i % 3] END,
       (ARRAY['WEB_FORM', 'QUOTE_REQUEST', 'WEBSITE', 'REFERRAL', 'LIST', 'OUTBOUND_CAMPAIGN', 'EVENT', 'DIRECTORY'])[1 + i % 8],
       (ARRAY['FR', 'BE', 'DE', 'ES', 'IT'])[1 + i % 5],
       (ARRAY['bakery', 'retail', 'software', 'industry'])[1 + i % 4],
       1 + i % 500, (i % 1000) * 1000.00, i % 4 = 0, i % 7, i % 8 = 0, i % 8 = 1,
       CASE WHEN i % 2 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END,
       now() - (i % 700) * interval '1 day' - (i % 86400) * interval '1 second',
       now() - (i % 700 + 3) * interval '1 day',
       i % 4, 0,
       now() - interval '2 years' + (i % 700) * interval '1 day',
       now() - (i % 700) * interval '1 day'
FROM generate_series(1, :contacts) i
JOIN bench_team bt ON bt.slot = i % 4
CROSS JOIN LATERAL (SELECT CASE WHEN i % 20 < 8 THEN 'SUSPECT' WHEN i % 20 < 13 THEN 'LEAD' WHEN i % 20 < 17 THEN 'PROSPECT'
                                WHEN i % 20 < 19 THEN 'CLIENT' ELSE 'DISQUALIFIED' END AS stage) s
ORDER BY i % 700, i;

CREATE TEMP TABLE bench_contact AS
SELECT id, team_id, stage, row_number() OVER (ORDER BY id) AS n FROM contact
WHERE team_id IN (SELECT id FROM bench_team);

-- owners: ten sales users a team, members of it (docs/funnel.md, "Owners"); one contact in ten has none
INSERT INTO team_member (team_id, subject, display_name, first_seen_at, last_seen_at)
SELECT bt.id, 'rep-' || r, 'Sales rep ' || r, now() - interval '2 years', now()
FROM bench_team bt CROSS JOIN generate_series(1, 10) r
ON CONFLICT DO NOTHING;
UPDATE contact c SET owner = CASE WHEN bc.n % 10 = 0 THEN NULL ELSE 'rep-' || (1 + bc.n % 7 + bc.n % 3) END,
                     lead_status = CASE WHEN bc.stage = 'LEAD' THEN (CASE WHEN bc.n % 3 = 0 THEN 'SQL' ELSE 'MQL' END) END
FROM bench_contact bc WHERE c.id = bc.id;

-- each contact's stage history (written in time order, as the contacts), consistent with its stage: entered the funnel when created, then
-- each step a few days after the previous one (at most 28 days in all: the youngest contact is 30
-- days old); one lead in three accepted by sales a day after it became one
CREATE TEMP TABLE bench_history AS
SELECT c.id, c.team_id, c.stage, bc.n, c.created_at AS s_at,
       c.created_at + (1 + bc.n % 5) * interval '1 day' AS l_at,
       c.created_at + (1 + bc.n % 5 + 1 + bc.n % 9) * interval '1 day' AS p_at,
       c.created_at + (1 + bc.n % 5 + 1 + bc.n % 9 + 1 + bc.n % 11) * interval '1 day' AS c_at
FROM contact c JOIN bench_contact bc ON bc.id = c.id;
INSERT INTO stage_change (team_id, contact_id, from_stage, to_stage, trigger, actor, at, owner)
SELECT h.team_id, h.id, m.from_stage, m.to_stage, m.trigger, 'generator', m.at, c.owner
FROM bench_history h JOIN contact c ON c.id = h.id
CROSS JOIN LATERAL (VALUES
    (1, NULL, 'SUSPECT', 'CREATION', h.s_at, true),
    (2, 'SUSPECT', 'LEAD', 'CRITERIA', h.l_at, h.stage IN ('LEAD', 'PROSPECT', 'CLIENT', 'DISQUALIFIED')),
    (3, 'LEAD', 'LEAD', 'SALES_ACCEPTED', h.l_at + interval '1 day', h.stage = 'LEAD' AND h.n % 3 = 0),
    (4, 'LEAD', 'PROSPECT', 'TWO_WAY_EXCHANGE', h.p_at, h.stage IN ('PROSPECT', 'CLIENT')),
    (5, 'PROSPECT', 'CLIENT', 'QUOTE_CONVERSION', h.c_at, h.stage = 'CLIENT'),
    (6, 'LEAD', 'DISQUALIFIED', 'MANUAL', h.p_at, h.stage = 'DISQUALIFIED')
) AS m(k, from_stage, to_stage, trigger, at, applies)
WHERE m.applies
ORDER BY m.at, h.id, m.k;

-- campaigns: twelve a team over the two years, every channel, with monthly costs in EUR; six
-- contacts in ten came by one (their creation), and one in three of those was reached by another
-- a week later (first and last touch differ)
INSERT INTO campaign (team_id, name, channel, starts_on, ends_on, currency, budget, description, created_by, created_at)
SELECT bt.id, 'Campaign ' || k,
       (ARRAY['PHONING', 'MAILING', 'EMAILING', 'WEB_ADS', 'SOCIAL', 'EVENT', 'REFERRAL', 'OTHER'])[1 + k % 8],
       (now() - interval '2 years')::date + (k - 1) * 60, (now() - interval '2 years')::date + (k - 1) * 60 + 120,
       'EUR', 10000 + k * 1000, 'Generated', 'generator', now() - interval '2 years'
FROM bench_team bt CROSS JOIN generate_series(1, 12) k
ON CONFLICT DO NOTHING;
CREATE TEMP TABLE bench_campaign AS
SELECT id, team_id, starts_on, row_number() OVER (PARTITION BY team_id ORDER BY id) - 1 AS slot FROM campaign
WHERE team_id IN (SELECT id FROM bench_team);
INSERT INTO campaign_cost (team_id, campaign_id, incurred_on, amount, description, created_by, created_at)
SELECT k.team_id, k.id, k.starts_on + m * 30, 500 + (k.slot * 37 + m * 11) % 400 + 0.25 * (m % 4), 'Month ' || (m + 1),
       'generator', now()
FROM bench_campaign k CROSS JOIN generate_series(0, 3) m;
INSERT INTO campaign_touch (team_id, contact_id, campaign_id, at)
SELECT h.team_id, h.id, k.id, h.s_at
FROM bench_history h JOIN bench_campaign k ON k.team_id = h.team_id AND k.slot = h.n % 12
WHERE h.n % 10 < 6
ORDER BY h.s_at, h.id;
INSERT INTO campaign_touch (team_id, contact_id, campaign_id, at)
SELECT h.team_id, h.id, k.id, h.s_at + interval '7 days'
FROM bench_history h JOIN bench_campaign k ON k.team_id = h.team_id AND k.slot = (h.n / 12) % 12
WHERE h.n % 10 < 6 AND h.n % 3 = 0
ORDER BY h.s_at, h.id;
UPDATE contact c SET first_campaign_id = f.campaign_id, last_campaign_id = l.campaign_id
FROM (SELECT DISTINCT ON (contact_id) contact_id, campaign_id FROM campaign_touch ORDER BY contact_id, at, id) f,
     (SELECT DISTINCT ON (contact_id) contact_id, campaign_id FROM campaign_touch ORDER BY contact_id, at DESC, id DESC) l
WHERE f.contact_id = c.id AND l.contact_id = c.id;

INSERT INTO interaction (team_id, contact_id, channel, direction, occurred_at, summary, author, created_at)
SELECT c.team_id, c.id,
       (ARRAY['EMAIL', 'PHONE', 'MEETING', 'SOCIAL', 'WEBSITE_VISIT'])[1 + (c.n + k) % 5],
       CASE WHEN k % 2 = 0 THEN 'OUTBOUND' ELSE 'INBOUND' END,
       now() - ((c.n % 700) + k) * interval '1 day',
       'Touch ' || k, 'generator', now()
FROM bench_contact c CROSS JOIN generate_series(1, :interactions_per_contact) k;

-- quotes for leads, prospects and clients; the first :invoices of them converted
CREATE TEMP TABLE bench_quote_contact AS
SELECT id, team_id, row_number() OVER (ORDER BY id) AS n FROM bench_contact WHERE stage IN ('LEAD', 'PROSPECT', 'CLIENT');

INSERT INTO quote (team_id, contact_id, number, currency, valid_until, status, net_total, tax_total, gross_total,
                   sent_at, converted_at, version, created_at, updated_at)
SELECT qc.team_id, qc.id, row_number() OVER (PARTITION BY qc.team_id ORDER BY q),
       'EUR', current_date + 30,
       CASE WHEN q <= :invoices THEN 'CONVERTED' WHEN q % 5 = 0 THEN 'DRAFT' WHEN q % 5 = 1 THEN 'DECLINED' ELSE 'SENT' END,
       119.94, 15.29, 135.23, now() - interval '10 days', CASE WHEN q <= :invoices THEN now() - interval '5 days' END,
       0, now() - interval '20 days', now() - interval '5 days'
FROM generate_series(1, :quotes) q
JOIN bench_quote_contact qc ON qc.n = 1 + (q - 1) % (SELECT count(*) FROM bench_quote_contact);

INSERT INTO quote_line (team_id, quote_id, position, description, quantity, unit_price, tax_rate, net, tax, gross)
SELECT q.team_id, q.id, p, CASE WHEN p = 1 THEN 'Books' ELSE 'Pens' END, 3, 19.99,
       CASE WHEN p = 1 THEN 5.5 ELSE 20 END, 59.97, CASE WHEN p = 1 THEN 3.30 ELSE 11.99 END,
       CASE WHEN p = 1 THEN 63.27 ELSE 71.96 END
FROM quote q CROSS JOIN generate_series(1, 2) p WHERE q.team_id IN (SELECT id FROM bench_team);

INSERT INTO invoice (team_id, contact_id, quote_id, number, currency, net_total, tax_total, gross_total, issued_at, issued_by)
SELECT team_id, contact_id, id, row_number() OVER (PARTITION BY team_id ORDER BY id), currency, net_total, tax_total,
       gross_total, converted_at, 'generator'
FROM quote WHERE status = 'CONVERTED' AND team_id IN (SELECT id FROM bench_team);

INSERT INTO invoice_line (team_id, invoice_id, position, description, quantity, unit_price, tax_rate, net, tax, gross)
SELECT i.team_id, i.id, l.position, l.description, l.quantity, l.unit_price, l.tax_rate, l.net, l.tax, l.gross
FROM invoice i JOIN quote_line l ON l.quote_id = i.quote_id WHERE i.team_id IN (SELECT id FROM bench_team);

-- the counters continue after the generated numbers
INSERT INTO team_counter (team_id, kind, last_value)
SELECT team_id, 'QUOTE', max(number) FROM quote WHERE team_id IN (SELECT id FROM bench_team) GROUP BY team_id
ON CONFLICT (team_id, kind) DO UPDATE SET last_value = excluded.last_value;
INSERT INTO team_counter (team_id, kind, last_value)
SELECT team_id, 'INVOICE', max(number) FROM invoice WHERE team_id IN (SELECT id FROM bench_team) GROUP BY team_id
ON CONFLICT (team_id, kind) DO UPDATE SET last_value = excluded.last_value;

-- as autovacuum would leave them: statistics and visibility maps (index-only scans)
VACUUM (ANALYZE) team, contact, stage_change, interaction, quote, quote_line, invoice, invoice_line, team_counter,
    team_member, campaign, campaign_cost, campaign_touch;
SELECT (SELECT count(*) FROM contact) AS contacts, (SELECT count(*) FROM interaction) AS interactions,
       (SELECT count(*) FROM quote) AS quotes, (SELECT count(*) FROM invoice) AS invoices,
       (SELECT count(*) FROM stage_change) AS stage_changes, (SELECT count(*) FROM campaign_touch) AS campaign_touches;
