-- Two index entries fewer on the write path of every change: what a change writes is what every
-- request waits for (docs/benchmarks.md, E).

-- 1. The event indexes that only readers of numbered events use now hold numbered events only
-- (docs/events.md, "How events are recorded and numbered").
--
-- An event is inserted by its change's transaction, then rewritten by the relay when it numbers
-- it (V8__events_webhooks.sql); that rewrite cannot be HOT, since position is indexed, so the new
-- row version is indexed again anyway. Every reader of these two indexes reads numbered events
-- only (events(filter), the subscriptions, the webhook fan-out all go by position), so the entries
-- the insert made, with position still null, were written by every change and never read. Partial
-- indexes skip them: a change now writes two index entries per event (its id, and the relay's work
-- list event_unnumbered_idx) instead of four.
--
-- Retention keeps the event table to its last 30 days by default, so rebuilding these indexes
-- here is short.
DROP INDEX event_team_position_idx;
CREATE INDEX event_team_position_idx ON event (team_id, position) WHERE position IS NOT NULL;
DROP INDEX event_subject_idx;
CREATE INDEX event_subject_idx ON event (team_id, subject_id) WHERE position IS NOT NULL;

-- 2. Stage changes by team alone: stage_change_team_at_idx (team_id, at), added by V9 for the
-- funnel's periods, serves every lookup by team as well, so each stage change now writes three
-- index entries instead of four.
DROP INDEX stage_change_team_idx;
