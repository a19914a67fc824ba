-- Owners, sales acceptance of leads (MQL / SQL) and campaigns with their costs and attribution
-- (docs/funnel.md). Every new table is a team's, under row-level security like the others.

-- The users of a team, as Funnel has seen them: the token subject and the name it carries. An
-- owner is one of them (assignContact).
CREATE TABLE team_member (
    team_id        BIGINT       NOT NULL REFERENCES team (id),
    subject        VARCHAR(200) NOT NULL,
    display_name   VARCHAR(200) NOT NULL,
    first_seen_at  TIMESTAMPTZ  NOT NULL,
    last_seen_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (team_id, subject)
);

CREATE TABLE campaign (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id      BIGINT        NOT NULL REFERENCES team (id),
    name         VARCHAR(200)  NOT NULL,
    channel      VARCHAR(20)   NOT NULL,
    starts_on    DATE          NOT NULL,
    ends_on      DATE,
    currency     VARCHAR(3)    NOT NULL,
    budget       NUMERIC(19, 3) CHECK (budget >= 0),
    description  VARCHAR(2000),
    created_by   VARCHAR(200)  NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
-- a campaign's name is unique in its team, whatever the case; campaigns(filter) lists by name
CREATE UNIQUE INDEX campaign_team_name_idx ON campaign (team_id, lower(name));
CREATE INDEX campaign_team_idx ON campaign (team_id, id);

-- What a campaign cost, line by line, in the campaign's currency.
CREATE TABLE campaign_cost (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id      BIGINT         NOT NULL REFERENCES team (id),
    campaign_id  BIGINT         NOT NULL REFERENCES campaign (id),
    incurred_on  DATE           NOT NULL,
    amount       NUMERIC(19, 3) NOT NULL CHECK (amount > 0),
    description  VARCHAR(2000),
    created_by   VARCHAR(200)   NOT NULL,
    created_at   TIMESTAMPTZ    NOT NULL
);
CREATE INDEX campaign_cost_campaign_idx ON campaign_cost (campaign_id, incurred_on);

-- Each time a campaign reached a contact: at its creation, with an interaction, or later.
CREATE TABLE campaign_touch (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id         BIGINT      NOT NULL REFERENCES team (id),
    contact_id      BIGINT      NOT NULL REFERENCES contact (id),
    campaign_id     BIGINT      NOT NULL REFERENCES campaign (id),
    interaction_id  BIGINT      REFERENCES interaction (id),
    at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX campaign_touch_contact_idx ON campaign_touch (contact_id, at, id);
CREATE INDEX campaign_touch_campaign_idx ON campaign_touch (campaign_id, at);
-- the foreign key's other side: without it, deleting interactions scans every touch for each one
-- (measured: minutes for ten thousand interactions at 600,000 touches)
CREATE INDEX campaign_touch_interaction_idx ON campaign_touch (interaction_id) WHERE interaction_id IS NOT NULL;

-- New columns, all nullable: adding them rewrites nothing.
-- owner: the token subject of the team member who owns the contact. lead_status: MQL while a
-- lead awaits sales, SQL once accepted; REJECTED on a suspect sent back to nurture.
-- first/last_campaign_id: the first and the last campaign that touched the contact.
ALTER TABLE contact
    ADD COLUMN owner             VARCHAR(200),
    ADD COLUMN lead_status       VARCHAR(10),
    ADD COLUMN first_campaign_id BIGINT REFERENCES campaign (id),
    ADD COLUMN last_campaign_id  BIGINT REFERENCES campaign (id);
-- the leads already there are marketing-qualified: sales has not decided on them yet (and so are
-- the disqualified ones that were leads, for when they are reopened). Every team's rows: under a
-- migration owner that is not a superuser, row-level security applies (V3__row_level_security.sql).
SET LOCAL funnel.all_teams = 'on';
UPDATE contact SET lead_status = 'MQL'
    WHERE stage = 'LEAD' OR (stage = 'DISQUALIFIED' AND stage_before_disqualification = 'LEAD');
-- contacts(filter: {owner: ME}) in the default order; followUps(owner: ME)
CREATE INDEX contact_team_owner_idx ON contact (team_id, owner, updated_at, id) WHERE owner IS NOT NULL;

ALTER TABLE interaction ADD COLUMN campaign_id BIGINT REFERENCES campaign (id);

-- owner: the contact's owner when its stage changed. reason: why (a lead rejected to nurture).
ALTER TABLE stage_change
    ADD COLUMN owner  VARCHAR(200),
    ADD COLUMN reason VARCHAR(2000);
-- the funnel of the contacts active in a period: the team's stage changes of that period
CREATE INDEX stage_change_team_at_idx ON stage_change (team_id, at);

GRANT SELECT, INSERT, UPDATE ON team_member, campaign, campaign_cost, campaign_touch TO funnel_app;
GRANT USAGE ON SEQUENCE campaign_id_seq, campaign_cost_id_seq, campaign_touch_id_seq TO funnel_app;

ALTER TABLE team_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_member FORCE ROW LEVEL SECURITY;
CREATE POLICY team_member_team ON team_member USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));

ALTER TABLE campaign ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaign FORCE ROW LEVEL SECURITY;
CREATE POLICY campaign_team ON campaign USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));

ALTER TABLE campaign_cost ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaign_cost FORCE ROW LEVEL SECURITY;
CREATE POLICY campaign_cost_team ON campaign_cost USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));

ALTER TABLE campaign_touch ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaign_touch FORCE ROW LEVEL SECURITY;
CREATE POLICY campaign_touch_team ON campaign_touch USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));
