-- The hourly purges find what they may forget by time, without scanning whole tables: ended sign-ins
-- (token_family; their refresh tokens go with them by ON DELETE CASCADE) and sync replay records.
CREATE INDEX ix_token_family_expires_at ON token_family (expires_at);
CREATE INDEX ix_token_family_revoked_at ON token_family (revoked_at);
CREATE INDEX ix_sync_record_synced_at ON sync_record (synced_at);
