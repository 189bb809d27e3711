-- Custodian mode: PINs and their lockout, inventory reconciliations (盘点), fault
-- reports at return (R9, R26), and the unit head's review of interruption records (R13).
-- Every record table is append-only; only a PIN row changes (its hash when the PIN is
-- replaced, its count of wrong PINs in a row), and it is never deleted.

-- A PIN is kept only as PBKDF2-HMAC-SHA256(pin, salt, iterations).
CREATE TABLE custodian_pins (
    officer_id INTEGER PRIMARY KEY REFERENCES officers(id),
    salt BLOB NOT NULL CHECK (length(salt) = 16),
    hash BLOB NOT NULL CHECK (length(hash) = 32),
    iterations INTEGER NOT NULL CHECK (iterations >= 100000),
    set_at_ms INTEGER NOT NULL,
    set_by TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until_ms INTEGER
);
CREATE TRIGGER custodian_pins_no_delete BEFORE DELETE ON custodian_pins
BEGIN SELECT RAISE(ABORT, 'custodian_pins rows are never deleted; a PIN is replaced'); END;

CREATE TABLE reconciliations (
    id INTEGER PRIMARY KEY,
    at_ms INTEGER NOT NULL,
    made_by TEXT NOT NULL,
    cabinet_read INTEGER NOT NULL CHECK (cabinet_read IN (0, 1)),
    expected INTEGER NOT NULL,
    in_slot INTEGER NOT NULL,
    out INTEGER NOT NULL,
    in_repair INTEGER NOT NULL,
    quarantined INTEGER NOT NULL,
    pending_offload INTEGER NOT NULL,
    lost INTEGER NOT NULL,
    discrepancies INTEGER NOT NULL
);
CREATE TRIGGER reconciliations_no_update BEFORE UPDATE ON reconciliations
BEGIN SELECT RAISE(ABORT, 'reconciliations is append-only'); END;
CREATE TRIGGER reconciliations_no_delete BEFORE DELETE ON reconciliations
BEGIN SELECT RAISE(ABORT, 'reconciliations is append-only'); END;

CREATE TABLE reconciliation_lines (
    id INTEGER PRIMARY KEY,
    reconciliation_id INTEGER NOT NULL REFERENCES reconciliations(id),
    device_id INTEGER REFERENCES devices(id),
    slot INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('in_slot', 'out', 'in_repair', 'quarantined', 'pending_offload', 'lost')),
    discrepancy TEXT NOT NULL CHECK (discrepancy IN ('none', 'missing_from_slot', 'unexpected_in_slot',
                                                     'out_but_docked', 'slot_not_read'))
);
CREATE INDEX reconciliation_lines_by_record ON reconciliation_lines(reconciliation_id);
CREATE TRIGGER reconciliation_lines_no_update BEFORE UPDATE ON reconciliation_lines
BEGIN SELECT RAISE(ABORT, 'reconciliation_lines is append-only'); END;
CREATE TRIGGER reconciliation_lines_no_delete BEFORE DELETE ON reconciliation_lines
BEGIN SELECT RAISE(ABORT, 'reconciliation_lines is append-only'); END;

CREATE TABLE fault_reports (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES devices(id),
    kind TEXT NOT NULL CHECK (kind IN ('casing_damaged', 'lens_damaged', 'will_not_record', 'battery_problem',
                                       'accessory_missing', 'other')),
    reported_by_id INTEGER REFERENCES officers(id),
    reported_by TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    reported_at_ms INTEGER NOT NULL,
    compensation_case INTEGER NOT NULL CHECK (compensation_case IN (0, 1))
);
CREATE INDEX fault_reports_by_device ON fault_reports(device_id);
CREATE TRIGGER fault_reports_no_update BEFORE UPDATE ON fault_reports
BEGIN SELECT RAISE(ABORT, 'fault_reports is append-only'); END;
CREATE TRIGGER fault_reports_no_delete BEFORE DELETE ON fault_reports
BEGIN SELECT RAISE(ABORT, 'fault_reports is append-only'); END;

-- A report is closed once, when its device is released from quarantine.
CREATE TABLE fault_report_closures (
    report_id INTEGER PRIMARY KEY REFERENCES fault_reports(id),
    closed_at_ms INTEGER NOT NULL,
    closed_by TEXT NOT NULL
);
CREATE TRIGGER fault_report_closures_no_update BEFORE UPDATE ON fault_report_closures
BEGIN SELECT RAISE(ABORT, 'fault_report_closures is append-only'); END;
CREATE TRIGGER fault_report_closures_no_delete BEFORE DELETE ON fault_report_closures
BEGIN SELECT RAISE(ABORT, 'fault_report_closures is append-only'); END;

-- R13: one review per record.
CREATE TABLE interruption_approvals (
    id INTEGER PRIMARY KEY,
    interruption_id INTEGER NOT NULL UNIQUE REFERENCES interruption_records(id),
    reviewer_id INTEGER NOT NULL REFERENCES officers(id),
    note TEXT NOT NULL DEFAULT '',
    reviewed_at_ms INTEGER NOT NULL
);
CREATE TRIGGER interruption_approvals_no_update BEFORE UPDATE ON interruption_approvals
BEGIN SELECT RAISE(ABORT, 'interruption_approvals is append-only'); END;
CREATE TRIGGER interruption_approvals_no_delete BEFORE DELETE ON interruption_approvals
BEGIN SELECT RAISE(ABORT, 'interruption_approvals is append-only'); END;
