-- Funnel schema: teams, contacts, interactions and the stage history.
-- Every owned row carries team_id; every list query filters on it first, so the
-- indexes below lead with team_id.

CREATE TABLE team (
    id                          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                        VARCHAR(64)  NOT NULL UNIQUE,
    name                        VARCHAR(200) NOT NULL,
    -- qualification criteria (DOMAIN.md rule 1); NULL or empty means "no constraint"
    target_countries            VARCHAR(2)[],
    target_regions              VARCHAR(100)[],
    target_sectors              VARCHAR(100)[],
    min_employees               INTEGER CHECK (min_employees >= 0),
    max_employees               INTEGER CHECK (max_employees >= 0),
    min_annual_revenue          NUMERIC(19, 2) CHECK (min_annual_revenue >= 0),
    interest_website_visits     INTEGER NOT NULL DEFAULT 3 CHECK (interest_website_visits >= 1),
    -- follow-up caps (DOMAIN.md rule 7)
    followup_max_touches        INTEGER NOT NULL DEFAULT 3 CHECK (followup_max_touches >= 1),
    followup_window_days        INTEGER NOT NULL DEFAULT 14 CHECK (followup_window_days >= 1),
    unresponsive_after_touches  INTEGER NOT NULL DEFAULT 6 CHECK (unresponsive_after_touches >= 1),
    version                     BIGINT NOT NULL DEFAULT 0,
    created_at                  TIMESTAMPTZ NOT NULL,
    updated_at                  TIMESTAMPTZ NOT NULL
);

CREATE TABLE contact (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id                 BIGINT NOT NULL REFERENCES team (id),
    kind                    VARCHAR(20)  NOT NULL,
    display_name            VARCHAR(200) NOT NULL,
    email                   VARCHAR(254),
    phone                   VARCHAR(40),
    organization_id         BIGINT REFERENCES contact (id),
    roles                   VARCHAR(20)[] NOT NULL DEFAULT '{}',
    stage                   VARCHAR(20),
    stage_before_disqualification VARCHAR(20),
    disqualification_reason VARCHAR(30),
    disqualification_note   VARCHAR(2000),
    temperature             VARCHAR(10),
    temperature_override    VARCHAR(10),
    source                  VARCHAR(30) NOT NULL,
    country                 VARCHAR(2),
    region                  VARCHAR(100),
    sector                  VARCHAR(100),
    employee_count          INTEGER CHECK (employee_count >= 0),
    annual_revenue          NUMERIC(19, 2) CHECK (annual_revenue >= 0),
    decision_maker          BOOLEAN NOT NULL DEFAULT FALSE,
    known_need              BOOLEAN,
    has_budget              BOOLEAN,
    offer_knowledge         VARCHAR(2000),
    website_visits          INTEGER NOT NULL DEFAULT 0 CHECK (website_visits >= 0),
    welcomes_proposal       BOOLEAN,
    quote_requested         BOOLEAN NOT NULL DEFAULT FALSE,
    web_form_received       BOOLEAN NOT NULL DEFAULT FALSE,
    -- first_touch_direction: who spoke first (temperature, rule 6)
    first_touch_direction   VARCHAR(10),
    last_interaction_at     TIMESTAMPTZ,
    last_inbound_at         TIMESTAMPTZ,
    last_outbound_at        TIMESTAMPTZ,
    -- outbound touches since the last conversational inbound one (rule 7)
    unanswered_touches      INTEGER NOT NULL DEFAULT 0,
    version                 BIGINT NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL
);
-- contacts(orderBy: UPDATED_AT) and the default order; keyset (updated_at, id)
CREATE INDEX contact_team_updated_idx ON contact (team_id, updated_at, id);
-- contacts(orderBy: CREATED_AT)
CREATE INDEX contact_team_created_idx ON contact (team_id, created_at, id);
-- contacts(orderBy: NAME)
CREATE INDEX contact_team_name_idx ON contact (team_id, display_name, id);
-- contacts(orderBy: LAST_INTERACTION_AT)
CREATE INDEX contact_team_last_interaction_idx ON contact (team_id, last_interaction_at, id);
-- contacts(filter: {stage}) and followUps (stage IN (LEAD, PROSPECT))
CREATE INDEX contact_team_stage_idx ON contact (team_id, stage);
-- organization members
CREATE INDEX contact_organization_idx ON contact (organization_id) WHERE organization_id IS NOT NULL;

CREATE TABLE interaction (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id      BIGINT NOT NULL REFERENCES team (id),
    contact_id   BIGINT NOT NULL REFERENCES contact (id),
    channel      VARCHAR(20) NOT NULL,
    direction    VARCHAR(10) NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    summary      VARCHAR(2000),
    author       VARCHAR(200) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
-- Contact.interactions (newest first, keyset) and the follow-up touch count
CREATE INDEX interaction_contact_idx ON interaction (contact_id, occurred_at DESC, id DESC);
CREATE INDEX interaction_team_idx ON interaction (team_id);

CREATE TABLE stage_change (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id     BIGINT NOT NULL REFERENCES team (id),
    contact_id  BIGINT NOT NULL REFERENCES contact (id),
    from_stage  VARCHAR(20),
    to_stage    VARCHAR(20) NOT NULL,
    trigger     VARCHAR(30) NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);
-- Contact.stageHistory (oldest first)
CREATE INDEX stage_change_contact_idx ON stage_change (contact_id, at, id);
CREATE INDEX stage_change_team_idx ON stage_change (team_id);
