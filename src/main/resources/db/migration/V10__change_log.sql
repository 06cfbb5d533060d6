-- the live change stream: a durable, ordered change log written in the changing transaction, and the
-- single-use tickets browsers open the stream with.

CREATE TABLE change_event (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    type         VARCHAR(32) NOT NULL,
    subject_type VARCHAR(64) NULL,
    subject_id   VARCHAR(64) NULL,
    version      BIGINT      NULL,
    user_id      BIGINT      NULL,
    username     VARCHAR(64) NULL,
    payload      LONGTEXT    NULL,
    created_at   DATETIME(6) NOT NULL,
    CONSTRAINT pk_change_event PRIMARY KEY (id)
);
CREATE INDEX ix_change_event_created ON change_event (created_at);

INSERT INTO counter (name, next_value) VALUES ('change_event_purged_through', 0);

CREATE TABLE stream_ticket (
    ticket_hash CHAR(64)    NOT NULL,
    user_id     BIGINT      NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    used_at     DATETIME(6) NULL,
    CONSTRAINT pk_stream_ticket PRIMARY KEY (ticket_hash)
);
