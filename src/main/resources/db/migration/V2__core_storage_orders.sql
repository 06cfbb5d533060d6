-- core, storage and orders: the business tables as they were before optimistic locking (V3 adds it).

CREATE TABLE customer (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    name          VARCHAR(200)  NOT NULL,
    contact_email VARCHAR(200)  NULL,
    notes         VARCHAR(2000) NULL,
    CONSTRAINT pk_customer PRIMARY KEY (id)
);

CREATE TABLE project (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    customer_id BIGINT        NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(2000) NULL,
    CONSTRAINT pk_project PRIMARY KEY (id),
    CONSTRAINT fk_project_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_project_customer ON project (customer_id);

CREATE TABLE storage_system (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    name          VARCHAR(200)  NOT NULL,
    vendor        VARCHAR(100)  NULL,
    model         VARCHAR(100)  NULL,
    serial_number VARCHAR(100)  NULL,
    location      VARCHAR(200)  NULL,
    notes         VARCHAR(2000) NULL,
    CONSTRAINT pk_storage_system PRIMARY KEY (id)
);

CREATE TABLE customer_order (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    order_number   VARCHAR(32)   NOT NULL,
    client_name    VARCHAR(200)  NOT NULL,
    client_contact VARCHAR(200)  NULL,
    product        VARCHAR(200)  NOT NULL,
    quantity       INT           NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    notes          VARCHAR(2000) NULL,
    CONSTRAINT pk_customer_order PRIMARY KEY (id),
    -- Seed 003's known issue: numbers were only "retry and hope" unique. The constraint is the last word.
    CONSTRAINT uq_customer_order_number UNIQUE (order_number),
    CONSTRAINT ck_customer_order_quantity CHECK (quantity > 0)
);

-- Named counters (platform/counter/Counters): one row each, incremented under its row lock.
CREATE TABLE counter (
    name       VARCHAR(64) NOT NULL,
    next_value BIGINT      NOT NULL,
    CONSTRAINT pk_counter PRIMARY KEY (name)
);
INSERT INTO counter (name, next_value) VALUES ('order_number', 1);
