-- users become versioned like every other editable entity (seed 004 lists User and UserRole; a user's roles
-- are part of the user's versioned state). Existing users start at version 1.
ALTER TABLE app_user ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE app_user ADD COLUMN last_modified_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
ALTER TABLE app_user ADD COLUMN last_modified_by_id BIGINT NULL;
ALTER TABLE app_user ADD COLUMN last_modified_by VARCHAR(64) NULL;
