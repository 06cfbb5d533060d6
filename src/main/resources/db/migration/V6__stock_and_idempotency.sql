-- stock (seed 003): products, clients, stock rows changed under row locks, allocations; idempotency keys.

CREATE TABLE idempotency_record (
    user_id         BIGINT       NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    status          INT          NULL,
    response_body   LONGTEXT     NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX ix_idempotency_record_created ON idempotency_record (created_at);

CREATE TABLE product (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    sku                 VARCHAR(64)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 1,
    created_at          DATETIME(6)  NOT NULL,
    last_modified_at    DATETIME(6)  NOT NULL,
    last_modified_by_id BIGINT       NULL,
    last_modified_by    VARCHAR(64)  NULL,
    CONSTRAINT pk_product PRIMARY KEY (id),
    CONSTRAINT uq_product_sku UNIQUE (sku)
);

CREATE TABLE stock_client (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    name                VARCHAR(200) NOT NULL,
    contact             VARCHAR(200) NULL,
    version             BIGINT       NOT NULL DEFAULT 1,
    created_at          DATETIME(6)  NOT NULL,
    last_modified_at    DATETIME(6)  NOT NULL,
    last_modified_by_id BIGINT       NULL,
    last_modified_by    VARCHAR(64)  NULL,
    CONSTRAINT pk_stock_client PRIMARY KEY (id)
);

CREATE TABLE stock (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    product_id       BIGINT      NOT NULL,
    client_id        BIGINT      NOT NULL,
    quantity_on_hand BIGINT      NOT NULL,
    version          BIGINT      NOT NULL DEFAULT 1,
    last_modified_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_stock PRIMARY KEY (id),
    CONSTRAINT uq_stock_product_client UNIQUE (product_id, client_id),
    -- Second line of defence: stock can never go negative, whatever the code does.
    CONSTRAINT ck_stock_not_negative CHECK (quantity_on_hand >= 0),
    CONSTRAINT fk_stock_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT fk_stock_client FOREIGN KEY (client_id) REFERENCES stock_client (id)
);

CREATE TABLE stock_allocation (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    batch_id    VARCHAR(36) NOT NULL,
    stock_id    BIGINT      NOT NULL,
    product_id  BIGINT      NOT NULL,
    client_id   BIGINT      NOT NULL,
    quantity    BIGINT      NOT NULL,
    order_id    BIGINT      NULL,
    status      VARCHAR(16) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    created_by  VARCHAR(64) NULL,
    released_at DATETIME(6) NULL,
    released_by VARCHAR(64) NULL,
    CONSTRAINT pk_stock_allocation PRIMARY KEY (id),
    CONSTRAINT ck_stock_allocation_quantity CHECK (quantity > 0),
    CONSTRAINT fk_stock_allocation_stock FOREIGN KEY (stock_id) REFERENCES stock (id)
);
CREATE INDEX ix_stock_allocation_stock ON stock_allocation (stock_id);
CREATE INDEX ix_stock_allocation_order ON stock_allocation (order_id);
