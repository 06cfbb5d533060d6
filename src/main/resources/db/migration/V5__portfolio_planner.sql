-- The portfolio planner's entities (seed 004), versioned from the start.

CREATE TABLE portfolio (
    id                       BIGINT         NOT NULL AUTO_INCREMENT,
    name                     VARCHAR(200)   NOT NULL,
    description              VARCHAR(2000)  NULL,
    owner                    VARCHAR(200)   NULL,
    version                  BIGINT         NOT NULL DEFAULT 1,
    created_at               DATETIME(6)    NOT NULL,
    last_modified_at         DATETIME(6)    NOT NULL,
    last_modified_by_id      BIGINT         NULL,
    last_modified_by         VARCHAR(64)    NULL,

    CONSTRAINT pk_portfolio PRIMARY KEY (id)
);

CREATE TABLE portfolio_program (
    id                       BIGINT         NOT NULL AUTO_INCREMENT,
    portfolio_id             BIGINT         NOT NULL,
    name                     VARCHAR(200)   NOT NULL,
    description              VARCHAR(2000)  NULL,
    version                  BIGINT         NOT NULL DEFAULT 1,
    created_at               DATETIME(6)    NOT NULL,
    last_modified_at         DATETIME(6)    NOT NULL,
    last_modified_by_id      BIGINT         NULL,
    last_modified_by         VARCHAR(64)    NULL,
    CONSTRAINT fk_portfolio_program_portfolio FOREIGN KEY (portfolio_id) REFERENCES portfolio (id),
    CONSTRAINT pk_portfolio_program PRIMARY KEY (id)
);

CREATE TABLE portfolio_project (
    id                       BIGINT         NOT NULL AUTO_INCREMENT,
    program_id               BIGINT         NOT NULL,
    name                     VARCHAR(200)   NOT NULL,
    status                   VARCHAR(32)    NULL,
    start_date               DATE           NOT NULL,
    end_date                 DATE           NULL,
    version                  BIGINT         NOT NULL DEFAULT 1,
    created_at               DATETIME(6)    NOT NULL,
    last_modified_at         DATETIME(6)    NOT NULL,
    last_modified_by_id      BIGINT         NULL,
    last_modified_by         VARCHAR(64)    NULL,
    CONSTRAINT fk_portfolio_project_program FOREIGN KEY (program_id) REFERENCES portfolio_program (id),
    CONSTRAINT pk_portfolio_project PRIMARY KEY (id)
);

CREATE TABLE portfolio_project_phase (
    id                       BIGINT         NOT NULL AUTO_INCREMENT,
    project_id               BIGINT         NOT NULL,
    name                     VARCHAR(200)   NOT NULL,
    start_date               DATE           NOT NULL,
    end_date                 DATE           NULL,
    version                  BIGINT         NOT NULL DEFAULT 1,
    created_at               DATETIME(6)    NOT NULL,
    last_modified_at         DATETIME(6)    NOT NULL,
    last_modified_by_id      BIGINT         NULL,
    last_modified_by         VARCHAR(64)    NULL,
    CONSTRAINT fk_portfolio_project_phase_project FOREIGN KEY (project_id) REFERENCES portfolio_project (id),
    CONSTRAINT pk_portfolio_project_phase PRIMARY KEY (id)
);

CREATE TABLE portfolio_resource (
    id                       BIGINT         NOT NULL AUTO_INCREMENT,
    name                     VARCHAR(200)   NOT NULL,
    kind                     VARCHAR(32)    NOT NULL,
    capacity_hours_per_week  INT            NOT NULL,
    version                  BIGINT         NOT NULL DEFAULT 1,
    created_at               DATETIME(6)    NOT NULL,
    last_modified_at         DATETIME(6)    NOT NULL,
    last_modified_by_id      BIGINT         NULL,
    last_modified_by         VARCHAR(64)    NULL,

    CONSTRAINT pk_portfolio_resource PRIMARY KEY (id)
);

CREATE TABLE portfolio_worker_type (
    id                       BIGINT         NOT NULL AUTO_INCREMENT,
    name                     VARCHAR(200)   NOT NULL,
    description              VARCHAR(2000)  NULL,
    version                  BIGINT         NOT NULL DEFAULT 1,
    created_at               DATETIME(6)    NOT NULL,
    last_modified_at         DATETIME(6)    NOT NULL,
    last_modified_by_id      BIGINT         NULL,
    last_modified_by         VARCHAR(64)    NULL,

    CONSTRAINT pk_portfolio_worker_type PRIMARY KEY (id)
);

CREATE TABLE portfolio_worker (
    id                       BIGINT         NOT NULL AUTO_INCREMENT,
    worker_type_id           BIGINT         NOT NULL,
    name                     VARCHAR(200)   NOT NULL,
    email                    VARCHAR(200)   NULL,
    version                  BIGINT         NOT NULL DEFAULT 1,
    created_at               DATETIME(6)    NOT NULL,
    last_modified_at         DATETIME(6)    NOT NULL,
    last_modified_by_id      BIGINT         NULL,
    last_modified_by         VARCHAR(64)    NULL,
    CONSTRAINT fk_portfolio_worker_worker_type FOREIGN KEY (worker_type_id) REFERENCES portfolio_worker_type (id),
    CONSTRAINT pk_portfolio_worker PRIMARY KEY (id)
);

CREATE TABLE portfolio_resource_assignment (
    id                       BIGINT         NOT NULL AUTO_INCREMENT,
    resource_id              BIGINT         NOT NULL,
    project_id               BIGINT         NOT NULL,
    start_date               DATE           NOT NULL,
    end_date                 DATE           NOT NULL,
    allocation_percent       INT            NOT NULL,
    version                  BIGINT         NOT NULL DEFAULT 1,
    created_at               DATETIME(6)    NOT NULL,
    last_modified_at         DATETIME(6)    NOT NULL,
    last_modified_by_id      BIGINT         NULL,
    last_modified_by         VARCHAR(64)    NULL,
    CONSTRAINT fk_portfolio_resource_assignment_resource FOREIGN KEY (resource_id) REFERENCES portfolio_resource (id),
    CONSTRAINT fk_portfolio_resource_assignment_project FOREIGN KEY (project_id) REFERENCES portfolio_project (id),
    CONSTRAINT pk_portfolio_resource_assignment PRIMARY KEY (id)
);

CREATE TABLE portfolio_rate (
    id                       BIGINT         NOT NULL AUTO_INCREMENT,
    worker_type_id           BIGINT         NOT NULL,
    amount_cents             INT            NOT NULL,
    currency                 VARCHAR(3)     NOT NULL,
    valid_from               DATE           NOT NULL,
    version                  BIGINT         NOT NULL DEFAULT 1,
    created_at               DATETIME(6)    NOT NULL,
    last_modified_at         DATETIME(6)    NOT NULL,
    last_modified_by_id      BIGINT         NULL,
    last_modified_by         VARCHAR(64)    NULL,
    CONSTRAINT fk_portfolio_rate_worker_type FOREIGN KEY (worker_type_id) REFERENCES portfolio_worker_type (id),
    CONSTRAINT pk_portfolio_rate PRIMARY KEY (id)
);

CREATE TABLE portfolio_actual (
    id                       BIGINT         NOT NULL AUTO_INCREMENT,
    project_id               BIGINT         NOT NULL,
    worker_id                BIGINT         NOT NULL,
    work_date                DATE           NOT NULL,
    hours                    INT            NOT NULL,
    version                  BIGINT         NOT NULL DEFAULT 1,
    created_at               DATETIME(6)    NOT NULL,
    last_modified_at         DATETIME(6)    NOT NULL,
    last_modified_by_id      BIGINT         NULL,
    last_modified_by         VARCHAR(64)    NULL,
    CONSTRAINT fk_portfolio_actual_project FOREIGN KEY (project_id) REFERENCES portfolio_project (id),
    CONSTRAINT fk_portfolio_actual_worker FOREIGN KEY (worker_id) REFERENCES portfolio_worker (id),
    CONSTRAINT pk_portfolio_actual PRIMARY KEY (id)
);

CREATE TABLE portfolio_scope_assignment (
    id                       BIGINT         NOT NULL AUTO_INCREMENT,
    user_id                  BIGINT         NOT NULL,
    scope_type               VARCHAR(16)    NOT NULL,
    scope_id                 BIGINT         NOT NULL,
    role                     VARCHAR(32)    NOT NULL,
    version                  BIGINT         NOT NULL DEFAULT 1,
    created_at               DATETIME(6)    NOT NULL,
    last_modified_at         DATETIME(6)    NOT NULL,
    last_modified_by_id      BIGINT         NULL,
    last_modified_by         VARCHAR(64)    NULL,

    CONSTRAINT pk_portfolio_scope_assignment PRIMARY KEY (id)
);
