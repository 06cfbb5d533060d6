-- presence (seeds 000/001): last activity per user, and each user's working context.

CREATE TABLE presence (
    user_id          BIGINT      NOT NULL,
    last_activity_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_presence PRIMARY KEY (user_id),
    CONSTRAINT fk_presence_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
-- "Who is active" reads a range of this index: cost follows the active users, not all users.
CREATE INDEX ix_presence_last_activity ON presence (last_activity_at);

CREATE TABLE user_config (
    user_id             BIGINT      NOT NULL,
    active_customer_id  BIGINT      NULL,
    active_project_id   BIGINT      NULL,
    version             BIGINT      NOT NULL DEFAULT 1,
    created_at          DATETIME(6) NOT NULL,
    last_modified_at    DATETIME(6) NOT NULL,
    last_modified_by_id BIGINT      NULL,
    last_modified_by    VARCHAR(64) NULL,
    CONSTRAINT pk_user_config PRIMARY KEY (user_id),
    CONSTRAINT fk_user_config_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_config_customer FOREIGN KEY (active_customer_id) REFERENCES customer (id) ON DELETE SET NULL,
    CONSTRAINT fk_user_config_project FOREIGN KEY (active_project_id) REFERENCES project (id) ON DELETE SET NULL
);
