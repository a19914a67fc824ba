-- The front end's main screen: contacts of one team at one stage, most recently touched first
-- (contacts(filter: {stages: [PROSPECT]}, orderBy: {field: LAST_INTERACTION_AT})). Without it
-- PostgreSQL sorts every contact of that stage for each page: 28 ms at 50,000 prospects, against
-- a direct index walk with it (bench/generate-data.sh, 1 M contacts: 12 -> 33 pages/s).
CREATE INDEX contact_team_stage_last_interaction_idx
    ON contact (team_id, stage, last_interaction_at DESC NULLS LAST, id DESC);
