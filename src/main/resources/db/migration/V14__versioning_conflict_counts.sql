-- versioning: how many version conflicts each entity type has met, counted in the database so every node's admin
-- screen shows the same numbers (the tandem_version_conflicts metric counts per node, in memory, from its start).
-- platform/versioning/ConflictCounts adds to a row in a transaction of its own, after the conflicting request's.
CREATE TABLE version_conflict_count (
    entity_type      VARCHAR(64) NOT NULL,
    conflicts        BIGINT      NOT NULL,
    last_conflict_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_version_conflict_count PRIMARY KEY (entity_type)
);
