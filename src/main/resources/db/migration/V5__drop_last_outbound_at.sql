-- contact.last_outbound_at was written but never read: unanswered touches and the follow-up window
-- are counted from the interactions themselves.
ALTER TABLE contact DROP COLUMN last_outbound_at;
