-- Quotes, invoices, and what makes convertQuote safe to retry.

-- Per-team counters for quote and invoice numbers. An invoice number is taken by
-- UPDATE ... RETURNING inside the converting transaction: the row stays locked until that
-- transaction ends, so numbers are issued one at a time per team, in commit order, and a
-- rolled-back conversion gives its number back. That is what keeps invoice numbers gapless
-- (a PostgreSQL SEQUENCE never gives a number back and would leave gaps).
CREATE TABLE team_counter (
    team_id     BIGINT      NOT NULL REFERENCES team (id),
    kind        VARCHAR(20) NOT NULL,
    last_value  BIGINT      NOT NULL,
    PRIMARY KEY (team_id, kind)
);

CREATE TABLE quote (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id         BIGINT NOT NULL REFERENCES team (id),
    contact_id      BIGINT NOT NULL REFERENCES contact (id),
    number          BIGINT NOT NULL,
    currency        VARCHAR(3) NOT NULL,
    valid_until     DATE NOT NULL,
    status          VARCHAR(20) NOT NULL,
    net_total       NUMERIC(19, 2) NOT NULL,
    tax_total       NUMERIC(19, 2) NOT NULL,
    gross_total     NUMERIC(19, 2) NOT NULL,
    purchase_order  VARCHAR(100),
    sent_at         TIMESTAMPTZ,
    accepted_at     TIMESTAMPTZ,
    declined_at     TIMESTAMPTZ,
    converted_at    TIMESTAMPTZ,
    version         BIGINT NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (team_id, number)
);
-- quotes (newest first, keyset on id) within the caller's teams
CREATE INDEX quote_team_idx ON quote (team_id, id);
-- Contact.quotes and quotes(filter: {contactId})
CREATE INDEX quote_contact_idx ON quote (contact_id, id);

CREATE TABLE quote_line (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    quote_id     BIGINT NOT NULL REFERENCES quote (id),
    position     INTEGER NOT NULL,
    description  VARCHAR(500) NOT NULL,
    quantity     NUMERIC(15, 3) NOT NULL CHECK (quantity > 0),
    unit_price   NUMERIC(19, 4) NOT NULL CHECK (unit_price >= 0),
    tax_rate     NUMERIC(5, 2) NOT NULL CHECK (tax_rate >= 0 AND tax_rate <= 100),
    net          NUMERIC(19, 2) NOT NULL,
    tax          NUMERIC(19, 2) NOT NULL,
    gross        NUMERIC(19, 2) NOT NULL,
    UNIQUE (quote_id, position)
);

CREATE TABLE invoice (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id      BIGINT NOT NULL REFERENCES team (id),
    contact_id   BIGINT NOT NULL REFERENCES contact (id),
    -- one invoice per quote, whatever happens above: the last guard against invoicing twice
    quote_id     BIGINT NOT NULL UNIQUE REFERENCES quote (id),
    number       BIGINT NOT NULL,
    currency     VARCHAR(3) NOT NULL,
    net_total    NUMERIC(19, 2) NOT NULL,
    tax_total    NUMERIC(19, 2) NOT NULL,
    gross_total  NUMERIC(19, 2) NOT NULL,
    issued_at    TIMESTAMPTZ NOT NULL,
    issued_by    VARCHAR(200) NOT NULL,
    UNIQUE (team_id, number)
);
-- invoices (newest first, keyset on id) within the caller's teams
CREATE INDEX invoice_team_idx ON invoice (team_id, id);
CREATE INDEX invoice_contact_idx ON invoice (contact_id);

CREATE TABLE invoice_line (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id   BIGINT NOT NULL REFERENCES invoice (id),
    position     INTEGER NOT NULL,
    description  VARCHAR(500) NOT NULL,
    quantity     NUMERIC(15, 3) NOT NULL,
    unit_price   NUMERIC(19, 4) NOT NULL,
    tax_rate     NUMERIC(5, 2) NOT NULL,
    net          NUMERIC(19, 2) NOT NULL,
    tax          NUMERIC(19, 2) NOT NULL,
    gross        NUMERIC(19, 2) NOT NULL,
    UNIQUE (invoice_id, position)
);

-- One row per successful convertQuote call, written in its transaction: a retry with the same
-- key finds it and answers the same invoice. Keys are scoped to the caller (token subject).
-- Kept as long as the invoice: a retry days later still replays (at least the 24 hours billing
-- systems are used to).
CREATE TABLE idempotency_key (
    caller      VARCHAR(255) NOT NULL,
    key         VARCHAR(255) NOT NULL,
    quote_id    BIGINT NOT NULL REFERENCES quote (id),
    invoice_id  BIGINT NOT NULL REFERENCES invoice (id),
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller, key)
);
