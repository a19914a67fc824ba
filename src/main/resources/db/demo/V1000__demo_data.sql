-- Dev mode only (quarkus.flyway.locations in %dev): two teams with a pipeline worth looking at.
--
-- Each demo contact follows a scenario (demo_step below): a list of dated steps, each one request a
-- demo user made (create the contact, record an interaction, qualify, disqualify, reopen, set the
-- temperature, create / send / accept / decline / convert a quote). From those steps this script
-- writes the rows the services would have written for them: interactions (InteractionService),
-- stage changes with their trigger and actor (ContactService, Lifecycle), quotes with lines and
-- totals (QuoteService, Totals), invoices with numbers 1, 2, 3... per team and their idempotency
-- keys (InvoiceService), the team counters (TeamCounters), and each contact's derived columns
-- (stage, temperature, interest signals, last interaction, last answer, unanswered touches,
-- version, updated_at). Times are relative to now(), so follow-up windows always hold.
--
-- A scenario's moves are written out by hand and must be the ones Lifecycle decides for its steps:
-- red targets France with 10+ employees (plus interest: a web form, a quote request or 3 website
-- visits); blue has no criteria, so any interest qualifies there.
SET LOCAL funnel.all_teams = 'on';

INSERT INTO team (code, name, target_countries, min_employees, created_at, updated_at)
VALUES ('red', 'Red team (France, 10+ employees)', '{FR}', 10, now() - interval '150 days', now() - interval '150 days'),
       ('blue', 'Blue team (no criteria)', NULL, NULL, now() - interval '150 days', now() - interval '150 days');

-- Who acts in each team: the demo users of DevTokens.USERS.
CREATE TEMP TABLE demo_actor (team_code, sales, manager, billing) ON COMMIT DROP AS
VALUES ('red', 'alice', 'carol', 'billy'), ('blue', 'bob', 'carol', 'bella');

-- How each scenario's contacts came in, and their roles besides the funnel.
CREATE TEMP TABLE demo_scenario (scenario, source, roles) ON COMMIT DROP AS
VALUES ('suspect_new', 'DIRECTORY', '{}'::text[]), ('suspect_visits', 'WEBSITE', '{}'),
       ('suspect_touched', 'EVENT', '{}'), ('suspect_answered', 'OUTBOUND_CAMPAIGN', '{}'),
       ('suspect_offtarget', 'WEB_FORM', '{}'), ('disq_offtarget', 'WEBSITE', '{}'),
       ('disq_competitor', 'WEBSITE', '{}'), ('lead_webform', 'WEB_FORM', '{}'),
       ('lead_quote_request', 'QUOTE_REQUEST', '{}'), ('lead_visits', 'WEBSITE', '{}'),
       ('lead_cold', 'LIST', '{}'), ('lead_held_back', 'EVENT', '{}'), ('lead_unresponsive', 'LIST', '{}'),
       ('lead_override', 'OUTBOUND_CAMPAIGN', '{}'), ('lead_inbound_first', 'OTHER', '{}'),
       ('prospect_cold', 'LIST', '{}'), ('prospect_warm', 'REFERRAL', '{}'), ('prospect_hot', 'WEB_FORM', '{}'),
       ('prospect_declined', 'INBOUND_EMAIL', '{}'), ('prospect_held_back', 'DIRECTORY', '{}'),
       ('prospect_expired', 'INBOUND_CALL', '{}'), ('prospect_reopened', 'SOCIAL_NETWORK', '{}'),
       ('prospect_unresponsive', 'OUTBOUND_CAMPAIGN', '{}'), ('client_converted', 'EVENT', '{}'),
       ('client_po', 'INBOUND_EMAIL', '{}'), ('client_lead_po', 'QUOTE_REQUEST', '{}'),
       ('client_repeat', 'REFERRAL', '{}'), ('disq_lead_unresponsive', 'LIST', '{}'),
       ('disq_prospect_lost', 'EVENT', '{}'), ('outside_partner', 'OTHER', '{PARTNER}'),
       ('outside_supplier', 'OTHER', '{SUPPLIER}');

-- The steps of each scenario, oldest first: `ago` days before now. kind: create, touch (an
-- interaction: direction, channel), qualify, disqualify (arg 'REASON|note'), reopen, temperature
-- (arg: the temperature set by hand), quote / send / accept (arg: purchase order) / decline /
-- convert (q: which quote of the contact). moves: the stage changes that request records,
-- 'TO:TRIGGER,...', as Lifecycle decides them.
CREATE TEMP TABLE demo_step (scenario, seq, ago, kind, direction, channel, q, moves, arg, summary) ON COMMIT DROP AS
VALUES
  ('suspect_new', 0, 12, 'create', NULL, NULL, NULL::int, 'SUSPECT:CREATION', NULL, NULL),
  ('suspect_visits', 0, 9, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('suspect_visits', 1, 9, 'touch', 'INBOUND', 'WEBSITE_VISIT', NULL, NULL, NULL, 'Read the pricing page'),
  ('suspect_visits', 2, 4, 'touch', 'INBOUND', 'WEBSITE_VISIT', NULL, NULL, NULL, 'Read two case studies'),
  ('suspect_touched', 0, 20, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('suspect_touched', 1, 19, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Nice meeting you at the trade show: our brochure'),
  -- a suspect that answers stays a suspect (rule 2): an email shows no interest
  ('suspect_answered', 0, 25, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('suspect_answered', 1, 24, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Spring campaign email'),
  ('suspect_answered', 2, 22, 'touch', 'INBOUND', 'EMAIL', NULL, NULL, NULL, 'Asked to be called back in the autumn'),
  -- red only: a web form (interest) from a company under 10 employees
  ('suspect_offtarget', 0, 5, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('disq_offtarget', 0, 30, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('disq_offtarget', 1, 29, 'touch', 'INBOUND', 'EMAIL', NULL, NULL, NULL, 'Asked for our price list'),
  ('disq_offtarget', 2, 28, 'disqualify', NULL, NULL, NULL, 'DISQUALIFIED:MANUAL', 'NOT_OUR_TARGET|Based in Belgium: outside our territory', NULL),
  ('disq_competitor', 0, 30, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('disq_competitor', 1, 29, 'touch', 'INBOUND', 'EMAIL', NULL, NULL, NULL, 'Asked for a detailed feature list'),
  ('disq_competitor', 2, 28, 'disqualify', NULL, NULL, NULL, 'DISQUALIFIED:MANUAL', 'COMPETITOR|A competitor gathering our prices', NULL),
  ('lead_webform', 0, 2, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION,LEAD:CRITERIA', NULL, NULL),
  ('lead_webform', 1, 1, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'Called back after the web form: left a message'),
  ('lead_quote_request', 0, 3, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION,LEAD:CRITERIA', NULL, NULL),
  ('lead_quote_request', 1, 2, 'quote', NULL, NULL, 1, NULL, NULL, NULL),
  ('lead_visits', 0, 16, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('lead_visits', 1, 16, 'touch', 'INBOUND', 'WEBSITE_VISIT', NULL, NULL, NULL, 'Home page'),
  ('lead_visits', 2, 12, 'touch', 'INBOUND', 'WEBSITE_VISIT', NULL, NULL, NULL, 'Pricing page'),
  ('lead_visits', 3, 8, 'touch', 'INBOUND', 'WEBSITE_VISIT', NULL, 'LEAD:CRITERIA', NULL, 'Pricing page again'),
  ('lead_visits', 4, 6, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Offered a demo after their visits'),
  ('lead_cold', 0, 21, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('lead_cold', 1, 20, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('lead_cold', 2, 18, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'No answer: left a voicemail'),
  ('lead_cold', 3, 4, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Sent our brochure'),
  -- three unanswered touches within the 14-day window: held back from the follow-ups
  ('lead_held_back', 0, 26, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('lead_held_back', 1, 25, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('lead_held_back', 2, 9, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Follow-up after the trade show'),
  ('lead_held_back', 3, 6, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'No answer'),
  ('lead_held_back', 4, 2, 'touch', 'OUTBOUND', 'SOCIAL', NULL, NULL, NULL, 'Message on LinkedIn'),
  -- six unanswered touches, only two in the window: listed, with UNRESPONSIVE suggested
  ('lead_unresponsive', 0, 62, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('lead_unresponsive', 1, 60, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('lead_unresponsive', 2, 50, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Introduction'),
  ('lead_unresponsive', 3, 43, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'No answer'),
  ('lead_unresponsive', 4, 36, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Sent a case study'),
  ('lead_unresponsive', 5, 29, 'touch', 'OUTBOUND', 'POSTAL_MAIL', NULL, NULL, NULL, 'Catalogue by post'),
  ('lead_unresponsive', 6, 11, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'No answer'),
  ('lead_unresponsive', 7, 3, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Shall we close your file?'),
  ('lead_override', 0, 15, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('lead_override', 1, 14, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('lead_override', 2, 10, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'Spoke to the assistant: the director wants a proposal'),
  ('lead_override', 3, 10, 'temperature', NULL, NULL, NULL, NULL, 'HOT', NULL),
  ('lead_inbound_first', 0, 7, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('lead_inbound_first', 1, 7, 'touch', 'INBOUND', 'PHONE', NULL, NULL, NULL, 'Called us about a demo'),
  ('lead_inbound_first', 2, 6, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('prospect_cold', 0, 35, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('prospect_cold', 1, 34, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('prospect_cold', 2, 30, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Introduction'),
  ('prospect_cold', 3, 27, 'touch', 'INBOUND', 'EMAIL', NULL, 'PROSPECT:TWO_WAY_EXCHANGE', NULL, 'Interested: asked for a call'),
  ('prospect_cold', 4, 20, 'touch', 'OUTBOUND', 'MEETING', NULL, NULL, NULL, 'Video call: needs and budget'),
  ('prospect_cold', 5, 14, 'quote', NULL, NULL, 1, NULL, NULL, NULL),
  ('prospect_cold', 6, 13, 'send', NULL, NULL, 1, NULL, NULL, NULL),
  ('prospect_cold', 7, 13, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Sent the quote'),
  ('prospect_warm', 0, 40, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('prospect_warm', 1, 39, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('prospect_warm', 2, 38, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'First call: referred by a client'),
  ('prospect_warm', 3, 37, 'touch', 'INBOUND', 'EMAIL', NULL, 'PROSPECT:TWO_WAY_EXCHANGE', NULL, 'Sent their requirements'),
  ('prospect_warm', 4, 30, 'touch', 'OUTBOUND', 'MEETING', NULL, NULL, NULL, 'On-site demo'),
  ('prospect_warm', 5, 12, 'quote', NULL, NULL, 1, NULL, NULL, NULL),
  ('prospect_warm', 6, 11, 'send', NULL, NULL, 1, NULL, NULL, NULL),
  ('prospect_warm', 7, 5, 'touch', 'INBOUND', 'PHONE', NULL, NULL, NULL, 'Agreed to the quote'),
  ('prospect_warm', 8, 5, 'accept', NULL, NULL, 1, NULL, NULL, NULL),
  ('prospect_hot', 0, 18, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION,LEAD:CRITERIA', NULL, NULL),
  ('prospect_hot', 1, 17, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'Called back after their form'),
  ('prospect_hot', 2, 16, 'touch', 'INBOUND', 'EMAIL', NULL, 'PROSPECT:TWO_WAY_EXCHANGE', NULL, 'Confirmed the project'),
  ('prospect_hot', 3, 9, 'quote', NULL, NULL, 1, NULL, NULL, NULL),
  ('prospect_hot', 4, 9, 'send', NULL, NULL, 1, NULL, NULL, NULL),
  ('prospect_hot', 5, 9, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Sent the quote'),
  ('prospect_declined', 0, 45, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('prospect_declined', 1, 45, 'touch', 'INBOUND', 'EMAIL', NULL, NULL, NULL, 'Asked about our services'),
  ('prospect_declined', 2, 44, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('prospect_declined', 3, 43, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'Discovery call'),
  ('prospect_declined', 4, 42, 'touch', 'INBOUND', 'EMAIL', NULL, 'PROSPECT:TWO_WAY_EXCHANGE', NULL, 'Sent their specifications'),
  ('prospect_declined', 5, 35, 'quote', NULL, NULL, 1, NULL, NULL, NULL),
  ('prospect_declined', 6, 34, 'send', NULL, NULL, 1, NULL, NULL, NULL),
  ('prospect_declined', 7, 25, 'touch', 'INBOUND', 'EMAIL', NULL, NULL, NULL, 'Too expensive for this year'),
  ('prospect_declined', 8, 25, 'decline', NULL, NULL, 1, NULL, NULL, NULL),
  ('prospect_declined', 9, 8, 'quote', NULL, NULL, 2, NULL, NULL, NULL),
  -- answered long ago, then three reminders about its quote within the window: held back
  ('prospect_held_back', 0, 50, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('prospect_held_back', 1, 49, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('prospect_held_back', 2, 48, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Introduction'),
  ('prospect_held_back', 3, 40, 'touch', 'INBOUND', 'PHONE', NULL, 'PROSPECT:TWO_WAY_EXCHANGE', NULL, 'Called back: a project for next quarter'),
  ('prospect_held_back', 4, 20, 'quote', NULL, NULL, 1, NULL, NULL, NULL),
  ('prospect_held_back', 5, 20, 'send', NULL, NULL, 1, NULL, NULL, NULL),
  ('prospect_held_back', 6, 10, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Any news about the quote?'),
  ('prospect_held_back', 7, 6, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'No answer'),
  ('prospect_held_back', 8, 1, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'The quote expires soon'),
  -- its quote, valid 30 days, reads EXPIRED
  ('prospect_expired', 0, 70, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('prospect_expired', 1, 70, 'touch', 'INBOUND', 'PHONE', NULL, NULL, NULL, 'Called about our services'),
  ('prospect_expired', 2, 69, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('prospect_expired', 3, 65, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Sent our documentation'),
  ('prospect_expired', 4, 63, 'touch', 'INBOUND', 'EMAIL', NULL, 'PROSPECT:TWO_WAY_EXCHANGE', NULL, 'Wants a quote'),
  ('prospect_expired', 5, 60, 'quote', NULL, NULL, 1, NULL, NULL, NULL),
  ('prospect_expired', 6, 60, 'send', NULL, NULL, 1, NULL, NULL, NULL),
  ('prospect_expired', 7, 24, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'Should we renew the quote?'),
  ('prospect_expired', 8, 23, 'touch', 'INBOUND', 'PHONE', NULL, NULL, NULL, 'Will come back after the holidays'),
  ('prospect_reopened', 0, 80, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('prospect_reopened', 1, 79, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('prospect_reopened', 2, 78, 'touch', 'OUTBOUND', 'SOCIAL', NULL, NULL, NULL, 'Contacted on LinkedIn'),
  ('prospect_reopened', 3, 75, 'touch', 'INBOUND', 'SOCIAL', NULL, 'PROSPECT:TWO_WAY_EXCHANGE', NULL, 'Replied on LinkedIn'),
  ('prospect_reopened', 4, 60, 'touch', 'INBOUND', 'EMAIL', NULL, NULL, NULL, 'No budget this year'),
  ('prospect_reopened', 5, 60, 'disqualify', NULL, NULL, NULL, 'DISQUALIFIED:MANUAL', 'NO_BUDGET|No budget this year: try again next year', NULL),
  ('prospect_reopened', 6, 7, 'touch', 'INBOUND', 'EMAIL', NULL, NULL, NULL, 'Budget approved: wants to talk again'),
  ('prospect_reopened', 7, 7, 'reopen', NULL, NULL, NULL, 'PROSPECT:REOPEN', NULL, NULL),
  -- six unanswered touches since its answer, three in the window: held back and UNRESPONSIVE
  ('prospect_unresponsive', 0, 90, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('prospect_unresponsive', 1, 89, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('prospect_unresponsive', 2, 88, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Campaign email'),
  ('prospect_unresponsive', 3, 86, 'touch', 'INBOUND', 'EMAIL', NULL, 'PROSPECT:TWO_WAY_EXCHANGE', NULL, 'Send me more'),
  ('prospect_unresponsive', 4, 60, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'No answer'),
  ('prospect_unresponsive', 5, 45, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Sent a case study'),
  ('prospect_unresponsive', 6, 30, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'No answer'),
  ('prospect_unresponsive', 7, 12, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Our new offer'),
  ('prospect_unresponsive', 8, 7, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'No answer'),
  ('prospect_unresponsive', 9, 2, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Shall we close your file?'),
  ('client_converted', 0, 75, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('client_converted', 1, 74, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('client_converted', 2, 72, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'Follow-up call after the trade show'),
  ('client_converted', 3, 71, 'touch', 'INBOUND', 'EMAIL', NULL, 'PROSPECT:TWO_WAY_EXCHANGE', NULL, 'Interested'),
  ('client_converted', 4, 60, 'touch', 'OUTBOUND', 'MEETING', NULL, NULL, NULL, 'Demo'),
  ('client_converted', 5, 40, 'quote', NULL, NULL, 1, NULL, NULL, NULL),
  ('client_converted', 6, 39, 'send', NULL, NULL, 1, NULL, NULL, NULL),
  ('client_converted', 7, 33, 'touch', 'INBOUND', 'EMAIL', NULL, NULL, NULL, 'Order confirmed'),
  ('client_converted', 8, 33, 'accept', NULL, NULL, 1, NULL, NULL, NULL),
  ('client_converted', 9, 30, 'convert', NULL, NULL, 1, 'CLIENT:QUOTE_CONVERSION', NULL, NULL),
  ('client_converted', 10, 15, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'Onboarding call'),
  ('client_po', 0, 55, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('client_po', 1, 55, 'touch', 'INBOUND', 'EMAIL', NULL, NULL, NULL, 'Asked for a demo'),
  ('client_po', 2, 54, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('client_po', 3, 53, 'touch', 'OUTBOUND', 'MEETING', NULL, NULL, NULL, 'Demo'),
  ('client_po', 4, 52, 'touch', 'INBOUND', 'EMAIL', NULL, 'PROSPECT:TWO_WAY_EXCHANGE', NULL, 'Thanks for the demo'),
  ('client_po', 5, 20, 'quote', NULL, NULL, 1, NULL, NULL, NULL),
  ('client_po', 6, 19, 'send', NULL, NULL, 1, NULL, NULL, NULL),
  ('client_po', 7, 4, 'accept', NULL, NULL, 1, 'CLIENT:PURCHASE_ORDER', 'PO-2026-118', NULL),
  -- a lead that buys passes through prospect (rule 3)
  ('client_lead_po', 0, 28, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION,LEAD:CRITERIA', NULL, NULL),
  ('client_lead_po', 1, 27, 'quote', NULL, NULL, 1, NULL, NULL, NULL),
  ('client_lead_po', 2, 27, 'send', NULL, NULL, 1, NULL, NULL, NULL),
  ('client_lead_po', 3, 26, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Sent the requested quote'),
  ('client_lead_po', 4, 22, 'accept', NULL, NULL, 1, 'PROSPECT:TWO_WAY_EXCHANGE,CLIENT:PURCHASE_ORDER', 'BC-4471', NULL),
  ('client_lead_po', 5, 21, 'convert', NULL, NULL, 1, NULL, NULL, NULL),
  -- a client that buys again stays a client
  ('client_repeat', 0, 120, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('client_repeat', 1, 119, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('client_repeat', 2, 118, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'Introduction call'),
  ('client_repeat', 3, 117, 'touch', 'INBOUND', 'PHONE', NULL, 'PROSPECT:TWO_WAY_EXCHANGE', NULL, 'Called back: a tender is coming'),
  ('client_repeat', 4, 100, 'quote', NULL, NULL, 1, NULL, NULL, NULL),
  ('client_repeat', 5, 100, 'send', NULL, NULL, 1, NULL, NULL, NULL),
  ('client_repeat', 6, 95, 'convert', NULL, NULL, 1, 'CLIENT:QUOTE_CONVERSION', NULL, NULL),
  ('client_repeat', 7, 20, 'touch', 'INBOUND', 'EMAIL', NULL, NULL, NULL, 'Wants to extend the contract'),
  ('client_repeat', 8, 18, 'quote', NULL, NULL, 2, NULL, NULL, NULL),
  ('client_repeat', 9, 18, 'send', NULL, NULL, 2, NULL, NULL, NULL),
  ('client_repeat', 10, 10, 'accept', NULL, NULL, 2, NULL, NULL, NULL),
  ('client_repeat', 11, 9, 'convert', NULL, NULL, 2, NULL, NULL, NULL),
  ('client_repeat', 12, 1, 'quote', NULL, NULL, 3, NULL, NULL, NULL),
  ('disq_lead_unresponsive', 0, 100, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('disq_lead_unresponsive', 1, 99, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('disq_lead_unresponsive', 2, 95, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Introduction'),
  ('disq_lead_unresponsive', 3, 88, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'No answer'),
  ('disq_lead_unresponsive', 4, 80, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Sent a case study'),
  ('disq_lead_unresponsive', 5, 70, 'touch', 'OUTBOUND', 'PHONE', NULL, NULL, NULL, 'No answer'),
  ('disq_lead_unresponsive', 6, 60, 'touch', 'OUTBOUND', 'POSTAL_MAIL', NULL, NULL, NULL, 'Catalogue by post'),
  ('disq_lead_unresponsive', 7, 50, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Last try'),
  ('disq_lead_unresponsive', 8, 49, 'disqualify', NULL, NULL, NULL, 'DISQUALIFIED:MANUAL', 'UNRESPONSIVE|No answer after six touches', NULL),
  ('disq_prospect_lost', 0, 65, 'create', NULL, NULL, NULL, 'SUSPECT:CREATION', NULL, NULL),
  ('disq_prospect_lost', 1, 64, 'qualify', NULL, NULL, NULL, 'LEAD:MANUAL', NULL, NULL),
  ('disq_prospect_lost', 2, 63, 'touch', 'OUTBOUND', 'EMAIL', NULL, NULL, NULL, 'Follow-up after the fair'),
  ('disq_prospect_lost', 3, 60, 'touch', 'INBOUND', 'EMAIL', NULL, 'PROSPECT:TWO_WAY_EXCHANGE', NULL, 'Interested'),
  ('disq_prospect_lost', 4, 50, 'quote', NULL, NULL, 1, NULL, NULL, NULL),
  ('disq_prospect_lost', 5, 49, 'send', NULL, NULL, 1, NULL, NULL, NULL),
  ('disq_prospect_lost', 6, 40, 'touch', 'INBOUND', 'PHONE', NULL, NULL, NULL, 'Chose another supplier'),
  ('disq_prospect_lost', 7, 40, 'decline', NULL, NULL, 1, NULL, NULL, NULL),
  ('disq_prospect_lost', 8, 40, 'disqualify', NULL, NULL, NULL, 'DISQUALIFIED:MANUAL', 'LOST_TO_COMPETITOR|Chose a cheaper competitor', NULL),
  -- outside the funnel (inFunnel: false): no stage, no stage change
  ('outside_partner', 0, 60, 'create', NULL, NULL, NULL, NULL, NULL, NULL),
  ('outside_partner', 1, 10, 'touch', 'OUTBOUND', 'MEETING', NULL, NULL, NULL, 'Quarterly partner review'),
  ('outside_partner', 2, 9, 'touch', 'INBOUND', 'EMAIL', NULL, NULL, NULL, 'Minutes of the review'),
  ('outside_supplier', 0, 90, 'create', NULL, NULL, NULL, NULL, NULL, NULL),
  ('outside_supplier', 1, 14, 'touch', 'INBOUND', 'EMAIL', NULL, NULL, NULL, 'Invoice for office supplies');

-- The contacts: team, scenario, kind, name, country, region, sector, employees.
CREATE TEMP TABLE demo_person (team_code, scenario, kind, display_name, country, region, sector, employees) ON COMMIT DROP AS
VALUES
  ('red', 'suspect_new', 'ORGANIZATION', 'Imprimerie Lefèvre', 'FR', 'Hauts-de-France', 'Printing', 18),
  ('red', 'suspect_new', 'ORGANIZATION', 'Transports Garnier', 'FR', 'Grand Est', 'Logistics', 64),
  ('red', 'suspect_visits', 'ORGANIZATION', 'Cabinet Roussel Avocats', 'FR', 'Île-de-France', 'Legal services', 22),
  ('red', 'suspect_touched', 'PERSON', 'Camille Fontaine', 'FR', 'Occitanie', 'Architecture', 12),
  ('red', 'suspect_answered', 'ORGANIZATION', 'Menuiserie Chevalier', 'FR', 'Pays de la Loire', 'Construction', 31),
  ('red', 'suspect_offtarget', 'ORGANIZATION', 'Boulangerie Martin', 'FR', 'Bretagne', 'Food retail', 4),
  ('red', 'disq_offtarget', 'ORGANIZATION', 'Brasserie Van Damme', 'BE', 'Wallonia', 'Food and beverage', 45),
  ('red', 'lead_webform', 'ORGANIZATION', 'Atelier Durand', 'FR', 'Auvergne-Rhône-Alpes', 'Furniture', 25),
  ('red', 'lead_webform', 'PERSON', 'Julien Mercier', 'FR', 'Île-de-France', 'Consulting', 40),
  ('red', 'lead_quote_request', 'ORGANIZATION', 'Pharmacie Bonnet', 'FR', 'Provence-Alpes-Côte d''Azur', 'Healthcare', 16),
  ('red', 'lead_visits', 'ORGANIZATION', 'Hôtel Le Cormoran', 'FR', 'Normandie', 'Hospitality', 38),
  ('red', 'lead_cold', 'ORGANIZATION', 'Garage Lambert', 'FR', 'Centre-Val de Loire', 'Automotive', 19),
  ('red', 'lead_cold', 'ORGANIZATION', 'Clinique Saint-Roch', 'FR', 'Occitanie', 'Healthcare', 240),
  ('red', 'lead_held_back', 'ORGANIZATION', 'Vignobles Dubois', 'FR', 'Nouvelle-Aquitaine', 'Wine', 27),
  ('red', 'lead_unresponsive', 'ORGANIZATION', 'Fromagerie Girard', 'FR', 'Bourgogne-Franche-Comté', 'Food production', 13),
  ('red', 'lead_override', 'ORGANIZATION', 'Laboratoires Morel', 'FR', 'Auvergne-Rhône-Alpes', 'Pharmaceuticals', 310),
  ('red', 'lead_inbound_first', 'PERSON', 'Sophie Laurent', 'FR', 'Île-de-France', 'Marketing', 55),
  ('red', 'prospect_cold', 'ORGANIZATION', 'Mutuelle Picard', 'FR', 'Hauts-de-France', 'Insurance', 420),
  ('red', 'prospect_cold', 'ORGANIZATION', 'Cartonnages Roux', 'FR', 'Grand Est', 'Packaging', 88),
  ('red', 'prospect_warm', 'ORGANIZATION', 'Éditions Fournier', 'FR', 'Île-de-France', 'Publishing', 47),
  ('red', 'prospect_hot', 'ORGANIZATION', 'Agence Perrin Immobilier', 'FR', 'Provence-Alpes-Côte d''Azur', 'Real estate', 21),
  ('red', 'prospect_declined', 'ORGANIZATION', 'Cosmétiques Faure', 'FR', 'Centre-Val de Loire', 'Cosmetics', 66),
  ('red', 'prospect_held_back', 'ORGANIZATION', 'Chaudronnerie Blanc', 'FR', 'Auvergne-Rhône-Alpes', 'Metalwork', 34),
  ('red', 'prospect_expired', 'PERSON', 'Thomas Gauthier', 'FR', 'Bretagne', 'Engineering', 150),
  ('red', 'prospect_reopened', 'ORGANIZATION', 'École Arnaud', 'FR', 'Nouvelle-Aquitaine', 'Education', 95),
  ('red', 'prospect_unresponsive', 'ORGANIZATION', 'Scierie Robin', 'FR', 'Grand Est', 'Wood', 29),
  ('red', 'client_converted', 'ORGANIZATION', 'Groupe Moreau Distribution', 'FR', 'Île-de-France', 'Wholesale', 520),
  ('red', 'client_converted', 'ORGANIZATION', 'Biscuiterie Petit', 'FR', 'Bretagne', 'Food production', 73),
  ('red', 'client_converted', 'ORGANIZATION', 'Ingénierie Lemoine', 'FR', 'Occitanie', 'Engineering', 140),
  ('red', 'client_po', 'ORGANIZATION', 'Clinique Bertrand', 'FR', 'Normandie', 'Healthcare', 380),
  ('red', 'client_lead_po', 'ORGANIZATION', 'Librairie Dupuis', 'FR', 'Pays de la Loire', 'Retail', 11),
  ('red', 'client_repeat', 'ORGANIZATION', 'Mairie de Villeneuve', 'FR', 'Occitanie', 'Public sector', 130),
  ('red', 'disq_lead_unresponsive', 'ORGANIZATION', 'Peintures Guérin', 'FR', 'Hauts-de-France', 'Construction', 24),
  ('red', 'disq_prospect_lost', 'ORGANIZATION', 'Textiles Muller', 'FR', 'Grand Est', 'Textiles', 58),
  ('red', 'outside_partner', 'ORGANIZATION', 'Intégrateurs Associés', 'FR', 'Île-de-France', 'IT services', 36),
  ('red', 'outside_supplier', 'PERSON', 'Nicolas Henry', 'FR', 'Île-de-France', 'Office supplies', 3),
  ('blue', 'suspect_new', 'ORGANIZATION', 'Harbour Freight Ltd', 'GB', 'Scotland', 'Logistics', 85),
  ('blue', 'suspect_new', 'ORGANIZATION', 'Nordlicht Solar GmbH', 'DE', 'Bavaria', 'Energy', 42),
  ('blue', 'suspect_new', 'PERSON', 'Emma Johansson', 'SE', 'Stockholm', 'Design', 8),
  ('blue', 'suspect_visits', 'ORGANIZATION', 'Tulip Data B.V.', 'NL', 'North Holland', 'Software', 27),
  ('blue', 'suspect_touched', 'PERSON', 'Liam O''Connor', 'IE', 'Leinster', 'Consulting', 5),
  ('blue', 'suspect_answered', 'ORGANIZATION', 'Castle Brewing Co', 'GB', 'Yorkshire', 'Food and beverage', 33),
  ('blue', 'disq_competitor', 'ORGANIZATION', 'Pipeline Pro Software', 'US', 'California', 'Software', 60),
  ('blue', 'lead_webform', 'ORGANIZATION', 'Greenway Cycles', 'GB', 'London', 'Retail', 14),
  ('blue', 'lead_webform', 'PERSON', 'Jane Smith', 'GB', 'London', 'Consulting', 120),
  ('blue', 'lead_quote_request', 'ORGANIZATION', 'Alpenblick Hotels AG', 'AT', 'Tyrol', 'Hospitality', 210),
  ('blue', 'lead_visits', 'ORGANIZATION', 'Baltic Amber Trading', 'LT', 'Vilnius', 'Wholesale', 19),
  ('blue', 'lead_cold', 'ORGANIZATION', 'Rivera Logistics S.L.', 'ES', 'Catalonia', 'Logistics', 140),
  ('blue', 'lead_cold', 'ORGANIZATION', 'Maple Leaf Dental', 'CA', 'Ontario', 'Healthcare', 23),
  ('blue', 'lead_held_back', 'ORGANIZATION', 'Fjord Seafood AS', 'NO', 'Vestland', 'Food production', 76),
  ('blue', 'lead_unresponsive', 'ORGANIZATION', 'Olympus Marine', 'GR', 'Attica', 'Shipping', 48),
  ('blue', 'lead_override', 'ORGANIZATION', 'Keller Maschinenbau GmbH', 'DE', 'Baden-Württemberg', 'Machinery', 380),
  ('blue', 'lead_inbound_first', 'PERSON', 'Priya Patel', 'GB', 'West Midlands', 'Pharmaceuticals', 900),
  ('blue', 'prospect_cold', 'ORGANIZATION', 'Danube Insurance Group', 'AT', 'Vienna', 'Insurance', 650),
  ('blue', 'prospect_cold', 'ORGANIZATION', 'Copperfield Architects', 'GB', 'Bristol', 'Architecture', 31),
  ('blue', 'prospect_warm', 'ORGANIZATION', 'Sakura Components K.K.', 'JP', 'Osaka', 'Electronics', 270),
  ('blue', 'prospect_hot', 'ORGANIZATION', 'Lisbon Tiles Lda', 'PT', 'Lisbon', 'Manufacturing', 44),
  ('blue', 'prospect_declined', 'ORGANIZATION', 'Brightside Media', 'IE', 'Munster', 'Media', 52),
  ('blue', 'prospect_held_back', 'ORGANIZATION', 'Vasa Furniture AB', 'SE', 'Västra Götaland', 'Furniture', 67),
  ('blue', 'prospect_expired', 'PERSON', 'Marco Rossi', 'IT', 'Lombardy', 'Fashion', 35),
  ('blue', 'prospect_reopened', 'ORGANIZATION', 'Highland Estates', 'GB', 'Scotland', 'Real estate', 18),
  ('blue', 'prospect_unresponsive', 'ORGANIZATION', 'Polder Agritech B.V.', 'NL', 'Flevoland', 'Agriculture', 29),
  ('blue', 'client_converted', 'ORGANIZATION', 'Thames Valley Clinics', 'GB', 'Berkshire', 'Healthcare', 310),
  ('blue', 'client_converted', 'ORGANIZATION', 'Rheinland Logistik GmbH', 'DE', 'North Rhine-Westphalia', 'Logistics', 450),
  ('blue', 'client_converted', 'ORGANIZATION', 'Atlantic Books Ltd', 'GB', 'Wales', 'Publishing', 26),
  ('blue', 'client_po', 'ORGANIZATION', 'Utrecht Medical Supplies', 'NL', 'Utrecht', 'Healthcare', 115),
  ('blue', 'client_lead_po', 'ORGANIZATION', 'Barcelona Coffee Roasters', 'ES', 'Catalonia', 'Food and beverage', 12),
  ('blue', 'client_repeat', 'ORGANIZATION', 'Aarhus Municipality IT', 'DK', 'Central Denmark', 'Public sector', 800),
  ('blue', 'disq_lead_unresponsive', 'ORGANIZATION', 'Kraków Print House', 'PL', 'Lesser Poland', 'Printing', 40),
  ('blue', 'disq_prospect_lost', 'ORGANIZATION', 'Helsinki Games Oy', 'FI', 'Uusimaa', 'Games', 90),
  ('blue', 'outside_partner', 'ORGANIZATION', 'Cloudbridge Consulting', 'GB', 'London', 'IT services', 22),
  ('blue', 'outside_supplier', 'PERSON', 'Tom Baker', 'GB', 'London', 'Office supplies', 1);

-- What quotes are made of: unit prices in EUR (a JPY price is 160 times that, whole yen), tax
-- rates in percent, and the quantities a line takes.
CREATE TEMP TABLE demo_product (item, description, unit_price, tax_rate, quantities) ON COMMIT DROP AS
VALUES (0, 'Annual licence, per seat', 348.00, 20, '{5,10,12,25}'::numeric[]),
       (1, 'Onboarding workshop (day)', 1200.00, 20, '{1,2}'),
       (2, 'Support plan, per month', 89.90, 20, '{6,12}'),
       (3, 'Consulting (hour)', 135.00, 20, '{3.5,7.5,16}'),
       (4, 'Data migration', 2450.00, 20, '{1}'),
       (5, 'Training manual', 24.99, 5.5, '{3,10,15}'),
       (6, 'Hardware token', 39.95, 20, '{5,12,30}'),
       (7, 'Conference ticket', 79.00, 10, '{2,4}');

-- One row per contact: n numbers the contacts of a team, shift spreads the contacts of one
-- scenario a day and a half apart (the first one keeps the scenario's dates exactly).
CREATE TEMP TABLE demo_contact ON COMMIT DROP AS
SELECT p.*, s.source, s.roles, t.id AS team_id, a.sales, a.manager, a.billing,
       row_number() OVER (PARTITION BY p.team_code ORDER BY p.display_name) AS n,
       (row_number() OVER (PARTITION BY p.team_code, p.scenario ORDER BY p.display_name) - 1) * 1.5
           + CASE p.team_code WHEN 'blue' THEN 0.25 ELSE 0 END AS shift,
       CASE WHEN p.country = 'GB' THEN 'GBP' WHEN p.country = 'JP' THEN 'JPY' ELSE 'EUR' END AS currency,
       trim(BOTH '-' FROM regexp_replace(lower(translate(p.display_name, 'ÉéèêàâîïôöûüçóÖ''', 'eeeeaaiioouucoo')),
                                         '[^a-z0-9]+', '-', 'g')) AS slug
FROM demo_person p
JOIN demo_scenario s ON s.scenario = p.scenario
JOIN team t ON t.code = p.team_code
JOIN demo_actor a ON a.team_code = p.team_code;

INSERT INTO contact (team_id, kind, display_name, email, phone, roles, source, country, region, sector,
                     employee_count, annual_revenue, decision_maker, known_need, has_budget, welcomes_proposal,
                     created_at, updated_at)
SELECT c.team_id, c.kind, c.display_name,
       CASE c.kind WHEN 'PERSON' THEN replace(c.slug, '-', '.') || '@mail.example' ELSE 'contact@' || c.slug || '.example' END,
       CASE c.country WHEN 'FR' THEN '+33 1 ' WHEN 'GB' THEN '+44 20 ' END
           || lpad((c.n * 7919 % 10000)::text, 4, '0') || ' ' || lpad((c.n * 104729 % 10000)::text, 4, '0'),
       c.roles, c.source, c.country, c.region, c.sector, c.employees, c.employees * (60000 + c.n * 2500),
       c.n % 3 = 0, CASE WHEN c.scenario LIKE 'prospect%' OR c.scenario LIKE 'client%' THEN TRUE END,
       CASE WHEN c.scenario LIKE 'client%' THEN TRUE WHEN c.scenario = 'prospect_reopened' THEN FALSE END,
       CASE WHEN c.scenario LIKE 'prospect%' OR c.scenario LIKE 'client%' THEN TRUE END,
       now(), now()
FROM demo_contact c
ORDER BY (SELECT s.ago FROM demo_step s WHERE s.scenario = c.scenario AND s.seq = 0) + c.shift DESC, c.n;

-- Every step of every contact, dated: a contact's steps keep their order (seq), contacts differ
-- by a few hours. actor: who made the request, as Caller.actor() records it.
CREATE TEMP TABLE demo_event ON COMMIT DROP AS
SELECT c.team_id, ct.id AS contact_id, c.n, c.currency, s.*,
       now() - (s.ago + c.shift) * interval '1 day' - (c.n * 37 % 240) * interval '1 minute'
           + s.seq * interval '7 minutes' AS at,
       CASE WHEN s.kind = 'convert' THEN c.billing WHEN s.kind IN ('disqualify', 'reopen') THEN c.manager
            ELSE c.sales END AS actor
FROM demo_contact c
JOIN contact ct ON ct.team_id = c.team_id AND ct.display_name = c.display_name
JOIN demo_step s ON s.scenario = c.scenario;

INSERT INTO interaction (team_id, contact_id, channel, direction, occurred_at, summary, author, created_at)
SELECT team_id, contact_id, channel, direction, at, summary, actor, at
FROM demo_event WHERE kind = 'touch'
ORDER BY at;

INSERT INTO stage_change (team_id, contact_id, from_stage, to_stage, trigger, actor, at)
SELECT team_id, contact_id, lag(split_part(m.move, ':', 1)) OVER (PARTITION BY contact_id ORDER BY at, m.ord),
       split_part(m.move, ':', 1), split_part(m.move, ':', 2), actor, at
FROM demo_event e CROSS JOIN LATERAL unnest(string_to_array(e.moves, ',')) WITH ORDINALITY AS m (move, ord)
ORDER BY at, m.ord;

-- Quotes: numbered per team in creation order, valid 30 days, status from their last step.
CREATE TEMP TABLE demo_quote ON COMMIT DROP AS
SELECT e.team_id, e.contact_id, e.q, e.currency, e.at AS created_at, e.actor, e.n * 7 + e.q * 5 + e.team_id * 3 AS h,
       row_number() OVER (PARTITION BY e.team_id ORDER BY e.at) AS number,
       (e.at + interval '30 days')::date AS valid_until,
       (SELECT max(x.at) FROM demo_event x WHERE x.contact_id = e.contact_id AND x.q = e.q AND x.kind = 'send') AS sent_at,
       (SELECT max(x.at) FROM demo_event x WHERE x.contact_id = e.contact_id AND x.q = e.q AND x.kind = 'accept') AS accepted_at,
       (SELECT max(x.arg) FROM demo_event x WHERE x.contact_id = e.contact_id AND x.q = e.q AND x.kind = 'accept') AS purchase_order,
       (SELECT max(x.at) FROM demo_event x WHERE x.contact_id = e.contact_id AND x.q = e.q AND x.kind = 'decline') AS declined_at,
       (SELECT max(x.at) FROM demo_event x WHERE x.contact_id = e.contact_id AND x.q = e.q AND x.kind = 'convert') AS converted_at,
       (SELECT count(*) FROM demo_event x WHERE x.contact_id = e.contact_id AND x.q = e.q AND x.kind <> 'quote') AS version,
       e.scenario = 'prospect_warm' AND e.team_id = (SELECT id FROM team WHERE code = 'red') AS readme_example
FROM demo_event e WHERE e.kind = 'quote';

-- Lines: one to three products per quote. Totals as Totals.line says: net = quantity x unit price
-- rounded half-up to the currency's minor unit (round() rounds half away from zero, the same for
-- amounts >= 0), tax = net x rate / 100 rounded the same way, gross = net + tax.
CREATE TEMP TABLE demo_line ON COMMIT DROP AS
SELECT l.*, l.net + l.tax AS gross
FROM (SELECT q.contact_id, q.q, k AS position, p.description, qty AS quantity, price AS unit_price, p.tax_rate,
             round(qty * price, minor) AS net, round(round(qty * price, minor) * p.tax_rate / 100, minor) AS tax
      FROM demo_quote q
      CROSS JOIN LATERAL generate_series(1, 1 + q.h % 3) AS k
      JOIN demo_product p ON p.item = (q.h + k * 3) % 8
      CROSS JOIN LATERAL (SELECT p.quantities[1 + (q.h + k) % cardinality(p.quantities)] AS qty,
                                 CASE q.currency WHEN 'JPY' THEN round(p.unit_price * 160) ELSE p.unit_price END AS price,
                                 CASE q.currency WHEN 'JPY' THEN 0 ELSE 2 END AS minor) v) l;

-- The README's convertQuote example converts quote id UXVvdGU6NDI, that is Quote:42: Éditions
-- Fournier's accepted quote takes that id so that the example runs as written. The other quotes
-- take 1, 2, 3... (fewer than 42 of them), and the sequence continues after the highest.
INSERT INTO quote (id, team_id, contact_id, number, currency, valid_until, status, net_total, tax_total, gross_total,
                   purchase_order, sent_at, accepted_at, declined_at, converted_at, version, created_at, updated_at)
OVERRIDING SYSTEM VALUE
SELECT CASE WHEN q.readme_example THEN 42 ELSE row_number() OVER (ORDER BY q.readme_example, q.team_id, q.number) END,
       q.team_id, q.contact_id, q.number, q.currency, q.valid_until,
       CASE WHEN q.converted_at IS NOT NULL THEN 'CONVERTED' WHEN q.declined_at IS NOT NULL THEN 'DECLINED'
            WHEN q.accepted_at IS NOT NULL THEN 'ACCEPTED' WHEN q.sent_at IS NOT NULL THEN 'SENT' ELSE 'DRAFT' END,
       t.net, t.tax, t.net + t.tax, q.purchase_order, q.sent_at, q.accepted_at, q.declined_at, q.converted_at, q.version,
       q.created_at, greatest(q.created_at, q.sent_at, q.accepted_at, q.declined_at, q.converted_at)
FROM demo_quote q
JOIN (SELECT contact_id, q, sum(net) AS net, sum(tax) AS tax FROM demo_line GROUP BY contact_id, q) t
  ON t.contact_id = q.contact_id AND t.q = q.q;
SELECT setval(pg_get_serial_sequence('quote', 'id'), (SELECT max(id) FROM quote));

INSERT INTO quote_line (team_id, quote_id, position, description, quantity, unit_price, tax_rate, net, tax, gross)
SELECT qt.team_id, qt.id, l.position, l.description, l.quantity, l.unit_price, l.tax_rate, l.net, l.tax, l.gross
FROM demo_line l
JOIN demo_quote q ON q.contact_id = l.contact_id AND q.q = l.q
JOIN quote qt ON qt.team_id = q.team_id AND qt.number = q.number;

-- Invoices for the converted quotes, numbered 1, 2, 3... per team in issue order, with the
-- idempotency key the billing system used, and the lines and totals of their quote.
INSERT INTO invoice (team_id, contact_id, quote_id, number, currency, net_total, tax_total, gross_total, issued_at, issued_by)
SELECT qt.team_id, qt.contact_id, qt.id, row_number() OVER (PARTITION BY qt.team_id ORDER BY qt.converted_at),
       qt.currency, qt.net_total, qt.tax_total, qt.gross_total, qt.converted_at, e.actor
FROM quote qt
JOIN demo_quote q ON q.team_id = qt.team_id AND q.number = qt.number
JOIN demo_event e ON e.contact_id = q.contact_id AND e.q = q.q AND e.kind = 'convert'
ORDER BY qt.converted_at;

INSERT INTO invoice_line (team_id, invoice_id, position, description, quantity, unit_price, tax_rate, net, tax, gross)
SELECT i.team_id, i.id, l.position, l.description, l.quantity, l.unit_price, l.tax_rate, l.net, l.tax, l.gross
FROM invoice i JOIN quote_line l ON l.quote_id = i.quote_id;

INSERT INTO idempotency_key (caller, key, team_id, quote_id, invoice_id, created_at)
SELECT i.issued_by, 'erp-demo-' || t.code || '-order-' || (4400 + i.number), i.team_id, i.quote_id, i.id, i.issued_at
FROM invoice i JOIN team t ON t.id = i.team_id;

INSERT INTO team_counter (team_id, kind, last_value)
SELECT team_id, 'QUOTE', max(number) FROM quote GROUP BY team_id
UNION ALL
SELECT team_id, 'INVOICE', max(number) FROM invoice GROUP BY team_id;

-- Each contact's columns as the services leave them after its steps:
-- - stage: the last stage change; stage_before_disqualification and the reason while disqualified;
-- - interest signals (InteractionService.noteOnContact; ContactService.create for the source);
-- - who spoke first, the last answer, the outbound touches since (InteractionService.recount:
--   conversational interactions only, in the order they happened);
-- - version: 1 for a contact created in the funnel (0 outside it), then +2 per conversational
--   interaction and +1 per website visit (recording flushes the contact twice, or once), +1 per
--   qualify / disqualify / reopen / temperature change, and per purchase that moved the stage.
WITH last_move AS (
    SELECT DISTINCT ON (contact_id) contact_id, from_stage, to_stage
    FROM stage_change ORDER BY contact_id, at DESC, id DESC
), touches AS (
    SELECT c.id AS contact_id,
           (SELECT i.direction FROM interaction i WHERE i.contact_id = c.id AND i.channel <> 'WEBSITE_VISIT'
             ORDER BY i.occurred_at, i.id LIMIT 1) AS first_touch,
           (SELECT max(i.occurred_at) FROM interaction i WHERE i.contact_id = c.id AND i.channel <> 'WEBSITE_VISIT'
               AND i.direction = 'INBOUND') AS last_inbound,
           (SELECT max(i.occurred_at) FROM interaction i WHERE i.contact_id = c.id) AS last_interaction,
           (SELECT count(*) FROM interaction i WHERE i.contact_id = c.id AND i.channel = 'WEBSITE_VISIT') AS visits,
           EXISTS (SELECT FROM interaction i WHERE i.contact_id = c.id AND i.channel = 'WEB_FORM') AS web_form,
           EXISTS (SELECT FROM interaction i WHERE i.contact_id = c.id AND i.channel = 'QUOTE_REQUEST') AS quote_request
    FROM contact c
), steps AS (
    SELECT contact_id,
           sum(CASE WHEN kind = 'create' THEN CASE WHEN moves IS NULL THEN 0 ELSE 1 END
                    WHEN kind = 'touch' THEN CASE WHEN channel = 'WEBSITE_VISIT' THEN 1 ELSE 2 END
                    WHEN kind IN ('qualify', 'disqualify', 'reopen', 'temperature') THEN 1
                    WHEN kind IN ('accept', 'convert') AND moves IS NOT NULL THEN 1 ELSE 0 END) AS version,
           min(at) AS created_at,
           max(at) FILTER (WHERE kind IN ('create', 'touch', 'qualify', 'disqualify', 'reopen', 'temperature')
                              OR moves IS NOT NULL) AS updated_at,
           max(arg) FILTER (WHERE kind = 'temperature') AS temperature_override,
           (array_agg(arg ORDER BY at DESC) FILTER (WHERE kind = 'disqualify'))[1] AS disqualification
    FROM demo_event GROUP BY contact_id
)
UPDATE contact c
SET stage = m.to_stage,
    stage_before_disqualification = CASE WHEN m.to_stage = 'DISQUALIFIED' THEN m.from_stage END,
    disqualification_reason = CASE WHEN m.to_stage = 'DISQUALIFIED' THEN split_part(s.disqualification, '|', 1) END,
    disqualification_note = CASE WHEN m.to_stage = 'DISQUALIFIED' THEN split_part(s.disqualification, '|', 2) END,
    temperature_override = s.temperature_override,
    web_form_received = c.source = 'WEB_FORM' OR t.web_form,
    quote_requested = c.source = 'QUOTE_REQUEST' OR t.quote_request,
    website_visits = t.visits,
    first_touch_direction = t.first_touch,
    last_interaction_at = t.last_interaction,
    last_inbound_at = t.last_inbound,
    unanswered_touches = (SELECT count(*) FROM interaction i WHERE i.contact_id = c.id AND i.channel <> 'WEBSITE_VISIT'
                            AND i.direction = 'OUTBOUND'
                            AND i.occurred_at > coalesce(t.last_inbound, '-infinity'::timestamptz)),
    version = s.version,
    created_at = s.created_at,
    updated_at = s.updated_at
FROM steps s
JOIN touches t ON t.contact_id = s.contact_id
LEFT JOIN last_move m ON m.contact_id = s.contact_id
WHERE c.id = s.contact_id;

-- Temperature (Lifecycle.effectiveTemperature, derivedTemperature; Source.inbound): leads and
-- prospects only; set by hand, else hot for a web form or quote request, warm for interest shown
-- before any outreach, else cold.
UPDATE contact
SET temperature = CASE WHEN stage IN ('LEAD', 'PROSPECT') THEN coalesce(temperature_override,
        CASE WHEN web_form_received OR quote_requested THEN 'HOT'
             WHEN source IN ('WEB_FORM', 'QUOTE_REQUEST', 'WEBSITE', 'INBOUND_CALL', 'INBOUND_EMAIL', 'REFERRAL')
                  OR first_touch_direction = 'INBOUND' THEN 'WARM'
             ELSE 'COLD' END) END;
