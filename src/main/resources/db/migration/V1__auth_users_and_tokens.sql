-- auth: users, their roles, refresh-token families and the server's signing secret.
-- Portable across MySQL 8, MariaDB and H2 (MODE=MySQL): times are DATETIME(6) holding UTC.

CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    first_name    VARCHAR(100) NOT NULL DEFAULT '',
    last_name     VARCHAR(100) NOT NULL DEFAULT '',
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT pk_app_user PRIMARY KEY (id),
    CONSTRAINT uq_app_user_username UNIQUE (username)
);

CREATE TABLE user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(16) NOT NULL,
    CONSTRAINT pk_user_role PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT ck_user_role_role CHECK (role IN ('ADMIN', 'MANAGER', 'USER'))
);

-- One family per sign-in; every refresh token rotated out of it stays in it, so a replayed token revokes all.
CREATE TABLE token_family (
    id             VARCHAR(36) NOT NULL,
    user_id        BIGINT      NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    expires_at     DATETIME(6) NOT NULL,
    revoked_at     DATETIME(6) NULL,
    revoked_reason VARCHAR(32) NULL,
    CONSTRAINT pk_token_family PRIMARY KEY (id),
    CONSTRAINT fk_token_family_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_token_family_user ON token_family (user_id);

-- Only the SHA-256 of a refresh token is stored.
CREATE TABLE refresh_token (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    family_id  VARCHAR(36) NOT NULL,
    token_hash CHAR(64)    NOT NULL,
    issued_at  DATETIME(6) NOT NULL,
    rotated_at DATETIME(6) NULL,
    CONSTRAINT pk_refresh_token PRIMARY KEY (id),
    CONSTRAINT uq_refresh_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_refresh_token_family FOREIGN KEY (family_id) REFERENCES token_family (id) ON DELETE CASCADE
);
CREATE INDEX ix_refresh_token_family ON refresh_token (family_id);

-- Generated once when no secret is configured, so restarts do not sign everyone out.
CREATE TABLE server_secret (
    name       VARCHAR(32)  NOT NULL,
    secret     VARCHAR(128) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_server_secret PRIMARY KEY (name)
);
