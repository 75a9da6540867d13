-- Incidents, their history, the alerts sent per agency, the outbox, answers, missions and flights.
-- The embedded SQLite edition of db/migration/V1 (kept for H2 and PostgreSQL): SQLite has no
-- identity columns (INTEGER PRIMARY KEY is its row id) and no time zone type (timestamps are
-- stored as fixed-width UTC ISO-8601 text, which sorts in time order).

CREATE TABLE incidents (
    id                 VARCHAR(100)     NOT NULL PRIMARY KEY,
    kind               VARCHAR(40)      NOT NULL,
    severity           VARCHAR(20)      NOT NULL,
    confidence         DOUBLE PRECISION NOT NULL,
    lat_deg            DOUBLE PRECISION NOT NULL,
    lon_deg            DOUBLE PRECISION NOT NULL,
    area_json          VARCHAR(100000),
    radius_m           DOUBLE PRECISION NOT NULL,
    peak_temperature_c DOUBLE PRECISION,
    evidence_path      VARCHAR(1000),
    description        VARCHAR(4000)    NOT NULL,
    detected_at        VARCHAR(40) NOT NULL,
    state              VARCHAR(20)      NOT NULL,
    revision           INT              NOT NULL,
    created_at         VARCHAR(40) NOT NULL,
    updated_at         VARCHAR(40) NOT NULL
);
CREATE INDEX incidents_state ON incidents (state);

CREATE TABLE incident_events (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id VARCHAR(100) NOT NULL REFERENCES incidents (id),
    state       VARCHAR(20)  NOT NULL,
    agency      VARCHAR(60),
    actor       VARCHAR(120) NOT NULL,
    at          VARCHAR(40) NOT NULL,
    note        VARCHAR(4000)
);
CREATE INDEX incident_events_incident ON incident_events (incident_id);

CREATE TABLE alerts (
    id             VARCHAR(200) NOT NULL PRIMARY KEY,
    incident_id    VARCHAR(100) NOT NULL REFERENCES incidents (id),
    agency         VARCHAR(60)  NOT NULL,
    revision       INT          NOT NULL,
    msg_type       VARCHAR(10)  NOT NULL,
    references_ids VARCHAR(4000),
    state          VARCHAR(20)  NOT NULL,
    created_at     VARCHAR(40) NOT NULL,
    accepted_at    VARCHAR(40),
    CONSTRAINT alerts_once UNIQUE (incident_id, agency, revision)
);
CREATE INDEX alerts_incident ON alerts (incident_id);

CREATE TABLE outbox (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id  VARCHAR(200)  NOT NULL UNIQUE,
    alert_id    VARCHAR(200),
    topic       VARCHAR(500)  NOT NULL,
    payload     VARCHAR(1000000) NOT NULL,
    retained    BOOLEAN       NOT NULL,
    created_at  VARCHAR(40) NOT NULL,
    attempts    INT           NOT NULL,
    accepted_at VARCHAR(40)
);
CREATE INDEX outbox_pending ON outbox (accepted_at, seq);

CREATE TABLE acknowledgements (
    agency      VARCHAR(60)  NOT NULL,
    ack_id      VARCHAR(200) NOT NULL,
    alert_id    VARCHAR(200) NOT NULL REFERENCES alerts (id),
    action      VARCHAR(20)  NOT NULL,
    actor       VARCHAR(120) NOT NULL,
    at          VARCHAR(40) NOT NULL,
    note        VARCHAR(4000),
    received_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (agency, ack_id)
);

CREATE TABLE missions (
    id          VARCHAR(120) NOT NULL PRIMARY KEY,
    patrol      VARCHAR(120),
    dock_id     VARCHAR(120) NOT NULL,
    aircraft_id VARCHAR(120) NOT NULL,
    items_json  VARCHAR(10000000) NOT NULL,
    created_at  VARCHAR(40) NOT NULL
);

CREATE TABLE flights (
    id          VARCHAR(120) NOT NULL PRIMARY KEY,
    mission_id  VARCHAR(120) REFERENCES missions (id),
    vehicle_id  VARCHAR(120) NOT NULL,
    started_at  VARCHAR(40) NOT NULL,
    ended_at    VARCHAR(40),
    outcome     VARCHAR(40)
);
