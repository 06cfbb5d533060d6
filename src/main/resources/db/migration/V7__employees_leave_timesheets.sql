-- employees with leave balances, leave requests, timesheets and payroll (seed 003, 1.2 and 1.3).

CREATE TABLE employee (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    user_id           BIGINT       NOT NULL,
    name              VARCHAR(200) NOT NULL,
    hourly_rate_cents BIGINT       NULL,
    CONSTRAINT pk_employee PRIMARY KEY (id),
    CONSTRAINT uq_employee_user UNIQUE (user_id),
    CONSTRAINT fk_employee_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

CREATE TABLE leave_balance (
    employee_id BIGINT      NOT NULL,
    leave_type  VARCHAR(16) NOT NULL,
    hours       BIGINT      NOT NULL,
    CONSTRAINT pk_leave_balance PRIMARY KEY (employee_id, leave_type),
    -- Never over-deducted, whatever the code does.
    CONSTRAINT ck_leave_balance_not_negative CHECK (hours >= 0),
    CONSTRAINT fk_leave_balance_employee FOREIGN KEY (employee_id) REFERENCES employee (id)
);

CREATE TABLE leave_request (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    employee_id   BIGINT      NOT NULL,
    leave_type    VARCHAR(16) NOT NULL,
    hours         BIGINT      NOT NULL,
    start_date    DATE        NOT NULL,
    end_date      DATE        NOT NULL,
    status        VARCHAR(16) NOT NULL,
    decided_by    VARCHAR(64) NULL,
    decided_by_id BIGINT      NULL,
    decided_at    DATETIME(6) NULL,
    created_at    DATETIME(6) NOT NULL,
    CONSTRAINT pk_leave_request PRIMARY KEY (id),
    CONSTRAINT ck_leave_request_hours CHECK (hours > 0),
    CONSTRAINT fk_leave_request_employee FOREIGN KEY (employee_id) REFERENCES employee (id)
);
CREATE INDEX ix_leave_request_status ON leave_request (status, employee_id);

CREATE TABLE timesheet (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    employee_id BIGINT      NOT NULL,
    week_start  DATE        NOT NULL,
    status      VARCHAR(16) NOT NULL,
    decided_by  VARCHAR(64) NULL,
    decided_at  DATETIME(6) NULL,
    created_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_timesheet PRIMARY KEY (id),
    CONSTRAINT fk_timesheet_employee FOREIGN KEY (employee_id) REFERENCES employee (id)
);
CREATE INDEX ix_timesheet_status ON timesheet (status, employee_id);

CREATE TABLE timesheet_entry (
    timesheet_id BIGINT NOT NULL,
    work_date    DATE   NOT NULL,
    hours        INT    NOT NULL,
    CONSTRAINT pk_timesheet_entry PRIMARY KEY (timesheet_id, work_date),
    CONSTRAINT ck_timesheet_entry_hours CHECK (hours BETWEEN 0 AND 24),
    CONSTRAINT fk_timesheet_entry_timesheet FOREIGN KEY (timesheet_id) REFERENCES timesheet (id) ON DELETE CASCADE
);

CREATE TABLE payroll_calculation (
    id                BIGINT      NOT NULL AUTO_INCREMENT,
    timesheet_id      BIGINT      NOT NULL,
    employee_id       BIGINT      NOT NULL,
    total_hours       INT         NOT NULL,
    hourly_rate_cents BIGINT      NOT NULL,
    gross_cents       BIGINT      NOT NULL,
    calculated_at     DATETIME(6) NOT NULL,
    CONSTRAINT pk_payroll_calculation PRIMARY KEY (id),
    -- Exactly one payroll calculation per timesheet.
    CONSTRAINT uq_payroll_calculation_timesheet UNIQUE (timesheet_id),
    CONSTRAINT fk_payroll_calculation_timesheet FOREIGN KEY (timesheet_id) REFERENCES timesheet (id)
);
