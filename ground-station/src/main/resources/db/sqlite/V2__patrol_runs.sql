-- Patrol and sortie progress, so a restarted station resumes its schedule (an immediate patrol is
-- not flown twice) and reports the sortie a crash interrupted.

CREATE TABLE patrol_runs (
    patrol_id   VARCHAR(120) NOT NULL,
    started_at  VARCHAR(40) NOT NULL,
    sorties     INT          NOT NULL,
    PRIMARY KEY (patrol_id, started_at)
);

CREATE TABLE sortie_progress (
    sortie_id      VARCHAR(240) NOT NULL PRIMARY KEY,
    patrol_id      VARCHAR(120) NOT NULL,
    vehicle        VARCHAR(120),
    state          VARCHAR(20)  NOT NULL,
    items_total    INT          NOT NULL,
    last_item      INT          NOT NULL,
    updated_at     VARCHAR(40) NOT NULL
);

-- Detector ids that joined an incident opened under another id: after a restart the detector
-- names a fire anew, and the station matches it to the open incident it already alerted on.
CREATE TABLE incident_sources (
    source_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    incident_id VARCHAR(100) NOT NULL REFERENCES incidents (id)
);
