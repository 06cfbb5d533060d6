-- versioning: every editable table gets version (1 for existing rows), created/modified stamps and who;
-- every change is recorded in revision. One ALTER per column: the same script runs on MySQL 8, MariaDB and H2.

ALTER TABLE customer ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE customer ADD COLUMN created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
ALTER TABLE customer ADD COLUMN last_modified_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
ALTER TABLE customer ADD COLUMN last_modified_by_id BIGINT NULL;
ALTER TABLE customer ADD COLUMN last_modified_by VARCHAR(64) NULL;

ALTER TABLE project ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE project ADD COLUMN created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
ALTER TABLE project ADD COLUMN last_modified_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
ALTER TABLE project ADD COLUMN last_modified_by_id BIGINT NULL;
ALTER TABLE project ADD COLUMN last_modified_by VARCHAR(64) NULL;

ALTER TABLE storage_system ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE storage_system ADD COLUMN created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
ALTER TABLE storage_system ADD COLUMN last_modified_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
ALTER TABLE storage_system ADD COLUMN last_modified_by_id BIGINT NULL;
ALTER TABLE storage_system ADD COLUMN last_modified_by VARCHAR(64) NULL;

ALTER TABLE customer_order ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE customer_order ADD COLUMN created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
ALTER TABLE customer_order ADD COLUMN last_modified_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
ALTER TABLE customer_order ADD COLUMN last_modified_by_id BIGINT NULL;
ALTER TABLE customer_order ADD COLUMN last_modified_by VARCHAR(64) NULL;

CREATE TABLE revision (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    entity_type VARCHAR(64) NOT NULL,
    entity_id   BIGINT      NOT NULL,
    version     BIGINT      NOT NULL,
    action      VARCHAR(16) NOT NULL,
    changed_by_id BIGINT    NULL,
    changed_by  VARCHAR(64) NULL,
    changed_at  DATETIME(6) NOT NULL,
    changes     LONGTEXT    NOT NULL,
    CONSTRAINT pk_revision PRIMARY KEY (id)
);
CREATE INDEX ix_revision_entity ON revision (entity_type, entity_id, version);
