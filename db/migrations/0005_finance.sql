-- The finance side (R2, R3, R9, R25, R26): fixed-asset cards and their history, closed
-- depreciation months, repair orders, compensation cases and the violations they open.
-- Money is integer fen. Records are append-only; a row that is filled in over time
-- (a repair order, an asset card's disposal date) takes each value once and keeps it.

-- The ledger gains the two movements of a repair (R9): the device leaves for the
-- supplier and comes back. The table is rebuilt as in 0002 (SQLite cannot change a CHECK).
CREATE TABLE custody_entries_v3 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('checkout', 'return', 'unexpected_return', 'voided',
                                       'sent_to_repair', 'back_from_repair')),
    device_id INTEGER NOT NULL REFERENCES devices(id),
    officer_id INTEGER REFERENCES officers(id),
    partner_id INTEGER REFERENCES officers(id),
    slot INTEGER,
    at_ms INTEGER NOT NULL,
    closes_id INTEGER UNIQUE REFERENCES custody_entries_v3(id)
);
INSERT INTO custody_entries_v3(id, kind, device_id, officer_id, partner_id, slot, at_ms, closes_id)
    SELECT id, kind, device_id, officer_id, partner_id, slot, at_ms, closes_id FROM custody_entries ORDER BY id;
DROP TABLE custody_entries;
ALTER TABLE custody_entries_v3 RENAME TO custody_entries;
CREATE INDEX custody_by_device ON custody_entries(device_id, at_ms);
CREATE INDEX custody_by_officer ON custody_entries(officer_id, at_ms);
CREATE INDEX custody_by_time ON custody_entries(at_ms);
CREATE TRIGGER custody_entries_no_update BEFORE UPDATE ON custody_entries
BEGIN SELECT RAISE(ABORT, 'custody_entries is append-only'); END;
CREATE TRIGGER custody_entries_no_delete BEFORE DELETE ON custody_entries
BEGIN SELECT RAISE(ABORT, 'custody_entries is append-only'); END;

-- Government fixed-asset categories with the agency's useful life (never below the
-- Ministry of Finance floor). Only the life changes, and only upward of the floor.
CREATE TABLE asset_categories (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    min_life_months INTEGER NOT NULL CHECK (min_life_months > 0),
    life_months INTEGER NOT NULL,
    CHECK (life_months >= min_life_months)
);
CREATE TRIGGER asset_categories_fixed BEFORE UPDATE ON asset_categories
WHEN NEW.code IS NOT OLD.code OR NEW.name IS NOT OLD.name OR NEW.min_life_months IS NOT OLD.min_life_months
BEGIN SELECT RAISE(ABORT, 'an asset category keeps its code, name and floor; only its life changes'); END;
CREATE TRIGGER asset_categories_no_delete BEFORE DELETE ON asset_categories
BEGIN SELECT RAISE(ABORT, 'asset categories are never deleted'); END;
-- 政府固定资产折旧年限表 (财会〔2017〕4号): the floors the default profile uses.
INSERT INTO asset_categories(code, name, min_life_months, life_months) VALUES
    ('police_equipment', '公安专用设备', 36, 36),
    ('broadcast_av', '广播、电视、电影设备', 60, 60),
    ('computer', '计算机设备', 72, 72);

CREATE TABLE asset_cards (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL UNIQUE REFERENCES devices(id),
    asset_number TEXT NOT NULL UNIQUE CHECK (asset_number <> ''),
    category_code TEXT NOT NULL REFERENCES asset_categories(code),
    purchase_date TEXT NOT NULL,
    in_service_date TEXT NOT NULL,
    original_fen INTEGER NOT NULL CHECK (original_fen > 0),
    funding_source TEXT NOT NULL,
    supplier TEXT NOT NULL,
    invoice_number TEXT NOT NULL,
    warranty_end TEXT,
    useful_life_months INTEGER NOT NULL CHECK (useful_life_months > 0),
    method TEXT NOT NULL CHECK (method IN ('straight_line', 'workload')),
    total_workload_hours INTEGER NOT NULL DEFAULT 0 CHECK (total_workload_hours >= 0),
    location TEXT NOT NULL DEFAULT '',
    registered_at_ms INTEGER NOT NULL,
    registered_by TEXT NOT NULL,
    disposed_on TEXT,
    CHECK (in_service_date >= purchase_date),
    CHECK (method <> 'workload' OR total_workload_hours > 0)
);
CREATE TRIGGER asset_cards_fixed BEFORE UPDATE ON asset_cards
WHEN NEW.device_id IS NOT OLD.device_id OR NEW.asset_number IS NOT OLD.asset_number
  OR NEW.category_code IS NOT OLD.category_code OR NEW.purchase_date IS NOT OLD.purchase_date
  OR NEW.in_service_date IS NOT OLD.in_service_date OR NEW.original_fen IS NOT OLD.original_fen
  OR NEW.funding_source IS NOT OLD.funding_source OR NEW.supplier IS NOT OLD.supplier
  OR NEW.invoice_number IS NOT OLD.invoice_number OR NEW.method IS NOT OLD.method
  OR NEW.total_workload_hours IS NOT OLD.total_workload_hours
  OR NEW.registered_at_ms IS NOT OLD.registered_at_ms OR NEW.registered_by IS NOT OLD.registered_by
  OR (OLD.disposed_on IS NOT NULL AND NEW.disposed_on IS NOT OLD.disposed_on)
BEGIN SELECT RAISE(ABORT, 'an asset card keeps its financial facts; only location, life and disposal are set'); END;
CREATE TRIGGER asset_cards_no_delete BEFORE DELETE ON asset_cards
BEGIN SELECT RAISE(ABORT, 'asset cards are never deleted; a disposal keeps the card'); END;

-- The card's status history: registered, moved, life changed, sent to repair, back,
-- disposed, lost.
CREATE TABLE asset_events (
    id INTEGER PRIMARY KEY,
    asset_id INTEGER NOT NULL REFERENCES asset_cards(id),
    at_ms INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('registered', 'location_changed', 'life_changed', 'sent_to_repair',
                                       'back_from_repair', 'disposed', 'lost')),
    by TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX asset_events_by_asset ON asset_events(asset_id, id);
CREATE TRIGGER asset_events_no_update BEFORE UPDATE ON asset_events
BEGIN SELECT RAISE(ABORT, 'asset_events is append-only'); END;
CREATE TRIGGER asset_events_no_delete BEFORE DELETE ON asset_events
BEGIN SELECT RAISE(ABORT, 'asset_events is append-only'); END;

-- 报废: one approved disposal per card.
CREATE TABLE asset_disposals (
    id INTEGER PRIMARY KEY,
    asset_id INTEGER NOT NULL UNIQUE REFERENCES asset_cards(id),
    disposed_on TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason <> ''),
    requested_by TEXT NOT NULL,
    approved_by_id INTEGER NOT NULL REFERENCES officers(id),
    net_book_value_fen INTEGER NOT NULL,
    at_ms INTEGER NOT NULL
);
CREATE TRIGGER asset_disposals_no_update BEFORE UPDATE ON asset_disposals
BEGIN SELECT RAISE(ABORT, 'asset_disposals is append-only'); END;
CREATE TRIGGER asset_disposals_no_delete BEFORE DELETE ON asset_disposals
BEGIN SELECT RAISE(ABORT, 'asset_disposals is append-only'); END;

-- A closed month stores each card's figures as they were, so a report printed later
-- shows the same numbers whatever changed since.
CREATE TABLE month_closes (
    month TEXT PRIMARY KEY CHECK (length(month) = 7),
    closed_at_ms INTEGER NOT NULL,
    closed_by TEXT NOT NULL,
    policy TEXT NOT NULL CHECK (policy IN ('government', 'enterprise')),
    residual_rate_bp INTEGER NOT NULL,
    assets INTEGER NOT NULL,
    total_charge_fen INTEGER NOT NULL
);
CREATE TRIGGER month_closes_no_update BEFORE UPDATE ON month_closes
BEGIN SELECT RAISE(ABORT, 'a closed month is final'); END;
CREATE TRIGGER month_closes_no_delete BEFORE DELETE ON month_closes
BEGIN SELECT RAISE(ABORT, 'a closed month is final'); END;

CREATE TABLE depreciation_lines (
    month TEXT NOT NULL REFERENCES month_closes(month),
    asset_id INTEGER NOT NULL REFERENCES asset_cards(id),
    original_fen INTEGER NOT NULL,
    residual_fen INTEGER NOT NULL,
    charge_fen INTEGER NOT NULL CHECK (charge_fen >= 0),
    accumulated_fen INTEGER NOT NULL,
    net_book_value_fen INTEGER NOT NULL,
    months_charged INTEGER NOT NULL,
    workload_hours INTEGER NOT NULL,
    workload_used_hours INTEGER NOT NULL,
    useful_life_months INTEGER NOT NULL,
    method TEXT NOT NULL,
    policy TEXT NOT NULL,
    residual_rate_bp INTEGER NOT NULL,
    value_date TEXT NOT NULL,
    PRIMARY KEY (month, asset_id),
    CHECK (accumulated_fen + net_book_value_fen = original_fen)
);
CREATE INDEX depreciation_by_asset ON depreciation_lines(asset_id, month);
CREATE TRIGGER depreciation_lines_no_update BEFORE UPDATE ON depreciation_lines
BEGIN SELECT RAISE(ABORT, 'depreciation_lines is append-only'); END;
CREATE TRIGGER depreciation_lines_no_delete BEFORE DELETE ON depreciation_lines
BEGIN SELECT RAISE(ABORT, 'depreciation_lines is append-only'); END;

-- R9: a repair order, filled in as the device goes to the supplier and comes back.
CREATE TABLE repair_orders (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES devices(id),
    fault_report_id INTEGER UNIQUE REFERENCES fault_reports(id),
    problem TEXT NOT NULL CHECK (problem <> ''),
    opened_at_ms INTEGER NOT NULL,
    opened_by TEXT NOT NULL,
    supplier TEXT,
    sent_on TEXT,
    sent_entry_id INTEGER UNIQUE REFERENCES custody_entries(id),
    returned_on TEXT,
    back_entry_id INTEGER UNIQUE REFERENCES custody_entries(id),
    cost_fen INTEGER CHECK (cost_fen >= 0),
    outcome TEXT CHECK (outcome IN ('repaired', 'replaced', 'written_off')),
    outcome_note TEXT,
    CHECK (returned_on IS NULL OR (sent_on IS NOT NULL AND returned_on >= sent_on))
);
CREATE INDEX repair_orders_by_device ON repair_orders(device_id);
CREATE UNIQUE INDEX one_open_repair_per_device ON repair_orders(device_id) WHERE outcome IS NULL;
CREATE TRIGGER repair_orders_fill_once BEFORE UPDATE ON repair_orders
WHEN NEW.device_id IS NOT OLD.device_id OR NEW.fault_report_id IS NOT OLD.fault_report_id
  OR NEW.problem IS NOT OLD.problem OR NEW.opened_at_ms IS NOT OLD.opened_at_ms OR NEW.opened_by IS NOT OLD.opened_by
  OR (OLD.supplier IS NOT NULL AND NEW.supplier IS NOT OLD.supplier)
  OR (OLD.sent_on IS NOT NULL AND NEW.sent_on IS NOT OLD.sent_on)
  OR (OLD.sent_entry_id IS NOT NULL AND NEW.sent_entry_id IS NOT OLD.sent_entry_id)
  OR (OLD.returned_on IS NOT NULL AND NEW.returned_on IS NOT OLD.returned_on)
  OR (OLD.back_entry_id IS NOT NULL AND NEW.back_entry_id IS NOT OLD.back_entry_id)
  OR (OLD.cost_fen IS NOT NULL AND NEW.cost_fen IS NOT OLD.cost_fen)
  OR (OLD.outcome IS NOT NULL AND NEW.outcome IS NOT OLD.outcome)
  OR (OLD.outcome_note IS NOT NULL AND NEW.outcome_note IS NOT OLD.outcome_note)
BEGIN SELECT RAISE(ABORT, 'a repair order takes each value once'); END;
CREATE TRIGGER repair_orders_no_delete BEFORE DELETE ON repair_orders
BEGIN SELECT RAISE(ABORT, 'repair orders are never deleted'); END;

-- R26: a loss or damage case. The liable person and the amount are fixed when it opens,
-- from the ledger and the asset card; the reviews, acknowledgement, payments and a
-- waiver are events after it.
CREATE TABLE compensation_cases (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES devices(id),
    asset_id INTEGER NOT NULL REFERENCES asset_cards(id),
    source TEXT NOT NULL CHECK (source IN ('fault_report', 'reconciliation', 'custodian')),
    fault_report_id INTEGER UNIQUE REFERENCES fault_reports(id),
    reconciliation_id INTEGER REFERENCES reconciliations(id),
    loss INTEGER NOT NULL CHECK (loss IN (0, 1)),
    incident_at_ms INTEGER NOT NULL,
    opened_at_ms INTEGER NOT NULL,
    opened_by TEXT NOT NULL,
    liable_officer_id INTEGER NOT NULL REFERENCES officers(id),
    liable_basis TEXT NOT NULL CHECK (liable_basis IN ('ledger_holder', 'keeper')),
    holding_entry_id INTEGER REFERENCES custody_entries(id),
    cause TEXT NOT NULL CHECK (cause IN ('poor_keeping', 'misuse', 'deliberate', 'force_majeure')),
    basis TEXT NOT NULL CHECK (basis IN ('net_book_value', 'original_value', 'none')),
    basis_fen INTEGER NOT NULL CHECK (basis_fen >= 0),
    rate_bp INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
    liability_fen INTEGER NOT NULL CHECK (liability_fen >= 0),
    value_date TEXT NOT NULL,
    depreciation_method TEXT NOT NULL,
    depreciation_policy TEXT NOT NULL,
    value_from_closed_month INTEGER NOT NULL CHECK (value_from_closed_month IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    CHECK (holding_entry_id IS NOT NULL OR liable_basis = 'keeper')
);
CREATE INDEX compensation_by_officer ON compensation_cases(liable_officer_id);
CREATE TRIGGER compensation_cases_no_update BEFORE UPDATE ON compensation_cases
BEGIN SELECT RAISE(ABORT, 'compensation_cases is append-only'); END;
CREATE TRIGGER compensation_cases_no_delete BEFORE DELETE ON compensation_cases
BEGIN SELECT RAISE(ABORT, 'compensation_cases is append-only'); END;

CREATE TABLE compensation_events (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES compensation_cases(id),
    at_ms INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('custodian_review', 'unit_head_review', 'finance_review', 'acknowledged',
                                       'payment', 'waived')),
    by_id INTEGER NOT NULL REFERENCES officers(id),
    approved INTEGER CHECK (approved IN (0, 1)),
    reason TEXT NOT NULL DEFAULT '',
    amount_fen INTEGER CHECK (amount_fen > 0),
    paid_on TEXT,
    receipt_number TEXT UNIQUE,
    CHECK (kind <> 'payment' OR (amount_fen IS NOT NULL AND paid_on IS NOT NULL AND receipt_number IS NOT NULL)),
    CHECK (kind NOT IN ('custodian_review', 'unit_head_review', 'finance_review', 'waived') OR reason <> '')
);
CREATE INDEX compensation_events_by_case ON compensation_events(case_id, id);
CREATE TRIGGER compensation_events_no_update BEFORE UPDATE ON compensation_events
BEGIN SELECT RAISE(ABORT, 'compensation_events is append-only'); END;
CREATE TRIGGER compensation_events_no_delete BEFORE DELETE ON compensation_events
BEGIN SELECT RAISE(ABORT, 'compensation_events is append-only'); END;

-- R25: a violation opened by a case of deliberate damage (the full register, with the
-- sanction decided, is its own record).
CREATE TABLE violations (
    id INTEGER PRIMARY KEY,
    officer_id INTEGER NOT NULL REFERENCES officers(id),
    kind TEXT NOT NULL CHECK (kind IN ('not_carried_or_used', 'deleted_or_altered', 'misuse_or_lending',
                                       'private_copy_or_leak', 'deliberate_damage', 'loss_poor_keeping')),
    opened_at_ms INTEGER NOT NULL,
    opened_by TEXT NOT NULL,
    compensation_case_id INTEGER REFERENCES compensation_cases(id),
    note TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER violations_no_update BEFORE UPDATE ON violations
BEGIN SELECT RAISE(ABORT, 'violations is append-only'); END;
CREATE TRIGGER violations_no_delete BEFORE DELETE ON violations
BEGIN SELECT RAISE(ABORT, 'violations is append-only'); END;
