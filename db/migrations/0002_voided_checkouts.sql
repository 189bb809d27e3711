-- A checkout whose camera never left its slot (the door did not open, or the officer did
-- not take it) is closed by a 'voided' entry instead of a return: nothing was handed over.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt with its rows,
-- ids, indexes and append-only triggers unchanged (the runner has foreign keys off and
-- checks them before this commits).

CREATE TABLE custody_entries_v2 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('checkout', 'return', 'unexpected_return', 'voided')),
    device_id INTEGER NOT NULL REFERENCES devices(id),
    officer_id INTEGER REFERENCES officers(id),
    partner_id INTEGER REFERENCES officers(id),
    slot INTEGER,
    at_ms INTEGER NOT NULL,
    closes_id INTEGER UNIQUE REFERENCES custody_entries_v2(id)
);
INSERT INTO custody_entries_v2(id, kind, device_id, officer_id, partner_id, slot, at_ms, closes_id)
    SELECT id, kind, device_id, officer_id, partner_id, slot, at_ms, closes_id FROM custody_entries ORDER BY id;
DROP TABLE custody_entries;
ALTER TABLE custody_entries_v2 RENAME TO custody_entries;

CREATE INDEX custody_by_device ON custody_entries(device_id, at_ms);
CREATE INDEX custody_by_officer ON custody_entries(officer_id, at_ms);
CREATE INDEX custody_by_time ON custody_entries(at_ms);
CREATE TRIGGER custody_entries_no_update BEFORE UPDATE ON custody_entries
BEGIN SELECT RAISE(ABORT, 'custody_entries is append-only'); END;
CREATE TRIGGER custody_entries_no_delete BEFORE DELETE ON custody_entries
BEGIN SELECT RAISE(ABORT, 'custody_entries is append-only'); END;
