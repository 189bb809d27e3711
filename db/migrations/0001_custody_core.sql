-- Custody core: registry, ledger, health readings, audit chain, agency profile.
-- Times are UTC milliseconds since the Unix epoch (*_ms columns).

CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    allocation_class TEXT NOT NULL CHECK (allocation_class IN ('A', 'B'))
);

CREATE TABLE officers (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    role TEXT NOT NULL CHECK (role IN ('officer', 'keeper', 'unit_head', 'supervisor', 'finance', 'admin')),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE badges (
    uid TEXT PRIMARY KEY,
    officer_id INTEGER NOT NULL REFERENCES officers(id),
    issued_at_ms INTEGER NOT NULL,
    revoked_at_ms INTEGER,
    revoke_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX badges_officer ON badges(officer_id);

CREATE TABLE dock_slots (
    number INTEGER PRIMARY KEY CHECK (number > 0),
    enabled INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE devices (
    id INTEGER PRIMARY KEY,
    serial TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('body_camera', 'camera', 'video_camera', 'audio_recorder',
                                      'handheld_terminal', 'collector')),
    brand TEXT NOT NULL,
    model TEXT NOT NULL,
    firmware TEXT NOT NULL DEFAULT '',
    unit_id INTEGER NOT NULL REFERENCES units(id),
    keeper_id INTEGER REFERENCES officers(id),
    status TEXT NOT NULL CHECK (status IN ('in_service', 'out', 'docked', 'quarantined', 'in_repair',
                                          'lost', 'disposed')),
    slot INTEGER UNIQUE REFERENCES dock_slots(number),
    -- Current-state projection of the ledger, so checkout never scans history.
    open_checkout_id INTEGER UNIQUE REFERENCES custody_entries(id),
    last_issued_at_ms INTEGER
);

-- The usage ledger (R5): append-only; a return row closes its checkout row.
CREATE TABLE custody_entries (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('checkout', 'return', 'unexpected_return')),
    device_id INTEGER NOT NULL REFERENCES devices(id),
    officer_id INTEGER REFERENCES officers(id),
    partner_id INTEGER REFERENCES officers(id),
    slot INTEGER,
    at_ms INTEGER NOT NULL,
    closes_id INTEGER UNIQUE REFERENCES custody_entries(id)
);
CREATE INDEX custody_by_device ON custody_entries(device_id, at_ms);
CREATE INDEX custody_by_officer ON custody_entries(officer_id, at_ms);
CREATE INDEX custody_by_time ON custody_entries(at_ms);

CREATE TABLE health_checks (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES devices(id),
    measured_at_ms INTEGER NOT NULL,
    battery_pct INTEGER NOT NULL,
    free_storage_mb INTEGER NOT NULL,
    clock_offset_s INTEGER NOT NULL,
    fault TEXT NOT NULL DEFAULT ''
);
CREATE INDEX health_by_device ON health_checks(device_id, id);

-- Tamper-evident audit log: hash = SHA-256(prev_hash || canonical entry),
-- mac = HMAC-SHA-256(kiosk key, hash). record_* link a ledger row to its entry.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at_ms INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL,
    record_table TEXT,
    record_id INTEGER,
    record_digest BLOB,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL,
    mac BLOB NOT NULL
);
CREATE INDEX audit_by_record ON audit_log(record_table, record_id);

CREATE TABLE agency_profile (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TRIGGER custody_entries_no_update BEFORE UPDATE ON custody_entries
BEGIN SELECT RAISE(ABORT, 'custody_entries is append-only'); END;
CREATE TRIGGER custody_entries_no_delete BEFORE DELETE ON custody_entries
BEGIN SELECT RAISE(ABORT, 'custody_entries is append-only'); END;
CREATE TRIGGER health_checks_no_update BEFORE UPDATE ON health_checks
BEGIN SELECT RAISE(ABORT, 'health_checks is append-only'); END;
CREATE TRIGGER health_checks_no_delete BEFORE DELETE ON health_checks
BEGIN SELECT RAISE(ABORT, 'health_checks is append-only'); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
