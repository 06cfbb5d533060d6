-- rack audits (seed 002): floors, racks and their expected items, audit sessions holding rack leases,
-- the items found, and the outcome of every synced record (for idempotent replays).

CREATE TABLE floor (
    id   BIGINT      NOT NULL AUTO_INCREMENT,
    name VARCHAR(64) NOT NULL,
    CONSTRAINT pk_floor PRIMARY KEY (id),
    CONSTRAINT uq_floor_name UNIQUE (name)
);

CREATE TABLE rack (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    rack_code   VARCHAR(64) NOT NULL,
    floor       VARCHAR(64) NOT NULL,
    claims_made BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT pk_rack PRIMARY KEY (id),
    CONSTRAINT uq_rack_code UNIQUE (rack_code),
    CONSTRAINT fk_rack_floor FOREIGN KEY (floor) REFERENCES floor (name)
);

CREATE TABLE rack_item (
    rack_code    VARCHAR(64)  NOT NULL,
    item_code    VARCHAR(128) NOT NULL,
    expected_qty INT          NOT NULL,
    CONSTRAINT pk_rack_item PRIMARY KEY (rack_code, item_code),
    CONSTRAINT ck_rack_item_qty CHECK (expected_qty >= 0),
    CONSTRAINT fk_rack_item_rack FOREIGN KEY (rack_code) REFERENCES rack (rack_code)
);

CREATE TABLE audit_session (
    id                VARCHAR(64) NOT NULL,
    rack_code         VARCHAR(64) NOT NULL,
    -- Set while the session holds the rack's lease, NULL after: the UNIQUE makes "one holder per rack" a fact
    -- of the database, on any number of nodes.
    live_rack_code    VARCHAR(64) NULL,
    floor             VARCHAR(64) NOT NULL,
    user_id           BIGINT      NOT NULL,
    username          VARCHAR(64) NOT NULL,
    fencing_token     BIGINT      NOT NULL,
    status            VARCHAR(16) NOT NULL,
    lease_expires_at  DATETIME(6) NOT NULL,
    started_at        DATETIME(6) NOT NULL,
    last_heartbeat_at DATETIME(6) NOT NULL,
    ended_at          DATETIME(6) NULL,
    CONSTRAINT pk_audit_session PRIMARY KEY (id),
    CONSTRAINT uq_audit_session_live_rack UNIQUE (live_rack_code),
    CONSTRAINT fk_audit_session_rack FOREIGN KEY (rack_code) REFERENCES rack (rack_code)
);
CREATE INDEX ix_audit_session_user ON audit_session (user_id, status);
CREATE INDEX ix_audit_session_lease ON audit_session (status, lease_expires_at);

CREATE TABLE audit_item (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    session_id        VARCHAR(64)  NOT NULL,
    item_code         VARCHAR(128) NOT NULL,
    verified_qty      INT          NOT NULL,
    damage_qty        INT          NOT NULL,
    serial_numbers    LONGTEXT     NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    client_record_id  VARCHAR(128) NOT NULL,
    client_updated_at DATETIME(6)  NOT NULL,
    synced_at         DATETIME(6)  NOT NULL,
    CONSTRAINT pk_audit_item PRIMARY KEY (id),
    CONSTRAINT uq_audit_item UNIQUE (session_id, item_code),
    CONSTRAINT fk_audit_item_session FOREIGN KEY (session_id) REFERENCES audit_session (id)
);

CREATE TABLE sync_record (
    client_record_id VARCHAR(128) NOT NULL,
    session_id       VARCHAR(64)  NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    result           LONGTEXT     NOT NULL,
    synced_at        DATETIME(6)  NOT NULL,
    -- Nothing is written twice: a replayed client_record_id finds its first outcome here.
    CONSTRAINT pk_sync_record PRIMARY KEY (client_record_id)
);
