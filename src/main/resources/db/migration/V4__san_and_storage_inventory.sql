-- SAN (zones, aliases) and the storage inventory (hosts, volumes); versioned from the start.

CREATE TABLE storage_host (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    storage_id          BIGINT        NOT NULL,
    external_id         VARCHAR(128)  NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    os                  VARCHAR(100)  NULL,
    wwpns               VARCHAR(2000) NULL,
    version             BIGINT       NOT NULL DEFAULT 1,
    created_at          DATETIME(6)  NOT NULL,
    last_modified_at    DATETIME(6)  NOT NULL,
    last_modified_by_id BIGINT       NULL,
    last_modified_by    VARCHAR(64)  NULL,
    CONSTRAINT pk_storage_host PRIMARY KEY (id),
    CONSTRAINT uq_storage_host_external UNIQUE (storage_id, external_id),
    CONSTRAINT fk_storage_host_storage FOREIGN KEY (storage_id) REFERENCES storage_system (id)
);

CREATE TABLE storage_volume (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    storage_id          BIGINT        NOT NULL,
    external_id         VARCHAR(128)  NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    capacity_gb         BIGINT        NULL,
    host_external_id    VARCHAR(128)  NULL,
    version             BIGINT       NOT NULL DEFAULT 1,
    created_at          DATETIME(6)  NOT NULL,
    last_modified_at    DATETIME(6)  NOT NULL,
    last_modified_by_id BIGINT       NULL,
    last_modified_by    VARCHAR(64)  NULL,
    CONSTRAINT pk_storage_volume PRIMARY KEY (id),
    CONSTRAINT uq_storage_volume_external UNIQUE (storage_id, external_id),
    CONSTRAINT fk_storage_volume_storage FOREIGN KEY (storage_id) REFERENCES storage_system (id)
);

CREATE TABLE san_alias (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    project_id          BIGINT        NOT NULL,
    name                VARCHAR(128)  NOT NULL,
    wwpn                VARCHAR(23)   NOT NULL,
    fabric              VARCHAR(64)   NOT NULL,
    host_id             BIGINT        NULL,
    version             BIGINT       NOT NULL DEFAULT 1,
    created_at          DATETIME(6)  NOT NULL,
    last_modified_at    DATETIME(6)  NOT NULL,
    last_modified_by_id BIGINT       NULL,
    last_modified_by    VARCHAR(64)  NULL,
    CONSTRAINT pk_san_alias PRIMARY KEY (id),
    -- "duplicate name in a fabric" is refused by the service; this makes it true under concurrency too.
    CONSTRAINT uq_san_alias_name UNIQUE (project_id, fabric, name),
    CONSTRAINT fk_san_alias_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT fk_san_alias_host FOREIGN KEY (host_id) REFERENCES storage_host (id)
);

CREATE TABLE san_zone (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    project_id          BIGINT        NOT NULL,
    name                VARCHAR(128)  NOT NULL,
    fabric              VARCHAR(64)   NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 1,
    created_at          DATETIME(6)  NOT NULL,
    last_modified_at    DATETIME(6)  NOT NULL,
    last_modified_by_id BIGINT       NULL,
    last_modified_by    VARCHAR(64)  NULL,
    CONSTRAINT pk_san_zone PRIMARY KEY (id),
    CONSTRAINT uq_san_zone_name UNIQUE (project_id, fabric, name),
    CONSTRAINT fk_san_zone_project FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE san_zone_member (
    zone_id  BIGINT NOT NULL,
    alias_id BIGINT NOT NULL,
    CONSTRAINT pk_san_zone_member PRIMARY KEY (zone_id, alias_id),
    CONSTRAINT fk_san_zone_member_zone FOREIGN KEY (zone_id) REFERENCES san_zone (id) ON DELETE CASCADE,
    CONSTRAINT fk_san_zone_member_alias FOREIGN KEY (alias_id) REFERENCES san_alias (id)
);
