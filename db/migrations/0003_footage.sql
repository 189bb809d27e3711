-- Footage offload (R12–R15), retention (R18–R20) and interruption records (R13).
-- A recording's state only moves forward, its hash and archive path never change once
-- set, a camera's copy is marked wiped only when its whole job is committed (R15), and
-- only ordinary footage can be purged (R18, R19). Rows are never deleted.

CREATE TABLE offload_jobs (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES devices(id),
    slot INTEGER NOT NULL,
    return_entry_id INTEGER REFERENCES custody_entries(id),
    checkout_entry_id INTEGER REFERENCES custody_entries(id),
    started_at_ms INTEGER NOT NULL,
    clock_offset_ms INTEGER,
    state TEXT NOT NULL CHECK (state IN ('running', 'failed', 'complete')),
    archive_dir TEXT NOT NULL,
    failure_code TEXT NOT NULL DEFAULT '',
    failure_zh TEXT NOT NULL DEFAULT '',
    failure_en TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    finished_at_ms INTEGER,
    custody_ms INTEGER,
    recorded_ms INTEGER,
    longest_gap_ms INTEGER,
    interruption_needed INTEGER NOT NULL DEFAULT 0 CHECK (interruption_needed IN (0, 1))
);
CREATE UNIQUE INDEX offload_one_unfinished_per_device ON offload_jobs(device_id) WHERE state <> 'complete';
CREATE INDEX offload_by_start ON offload_jobs(started_at_ms);
CREATE TRIGGER offload_jobs_no_delete BEFORE DELETE ON offload_jobs
BEGIN SELECT RAISE(ABORT, 'offload_jobs rows are never deleted'); END;
CREATE TRIGGER offload_jobs_fixed BEFORE UPDATE ON offload_jobs
WHEN NEW.device_id IS NOT OLD.device_id OR NEW.started_at_ms IS NOT OLD.started_at_ms
  OR (OLD.archive_dir <> '' AND NEW.archive_dir IS NOT OLD.archive_dir) OR OLD.state = 'complete' OR NEW.attempts < OLD.attempts
BEGIN SELECT RAISE(ABORT, 'an offload job keeps its device, start and folder, and a complete job is final'); END;

CREATE TABLE recordings (
    id INTEGER PRIMARY KEY,
    job_id INTEGER NOT NULL REFERENCES offload_jobs(id),
    device_id INTEGER NOT NULL REFERENCES devices(id),
    source_path TEXT NOT NULL,
    bytes INTEGER NOT NULL CHECK (bytes >= 0),
    state TEXT NOT NULL CHECK (state IN ('pending', 'copying', 'verified', 'committed', 'wiped')),
    sha256 TEXT NOT NULL DEFAULT '',
    archive_path TEXT NOT NULL DEFAULT '',
    media_kind TEXT NOT NULL DEFAULT 'other' CHECK (media_kind IN ('video', 'audio', 'photo', 'other')),
    container TEXT NOT NULL DEFAULT '',
    codec TEXT NOT NULL DEFAULT '',
    duration_ms INTEGER,
    media_started_at_ms INTEGER,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    probe_error TEXT NOT NULL DEFAULT '',
    corrected_start_ms INTEGER,
    retention TEXT NOT NULL DEFAULT 'ordinary' CHECK (retention IN ('ordinary', 'evidence', 'long_term')),
    long_term_reason TEXT,
    case_number TEXT NOT NULL DEFAULT '',
    verified_at_ms INTEGER,
    committed_at_ms INTEGER,
    wiped_at_ms INTEGER,
    purged_at_ms INTEGER,
    purged_by TEXT NOT NULL DEFAULT '',
    purge_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (job_id, source_path),
    CHECK (state IN ('pending', 'copying') OR (length(sha256) = 64 AND archive_path <> '')),
    CHECK (retention <> 'evidence' OR case_number <> ''),
    CHECK (retention <> 'long_term' OR long_term_reason IS NOT NULL),
    CHECK (purged_at_ms IS NULL OR (purged_by <> '' AND purge_reason <> ''))
);
CREATE UNIQUE INDEX recordings_by_archive_path ON recordings(archive_path) WHERE archive_path <> '';
CREATE INDEX recordings_by_job ON recordings(job_id);
CREATE INDEX recordings_by_case ON recordings(case_number) WHERE case_number <> '';
CREATE TRIGGER recordings_no_delete BEFORE DELETE ON recordings
BEGIN SELECT RAISE(ABORT, 'recordings rows are never deleted; a purge keeps the row'); END;
CREATE TRIGGER recordings_forward_only BEFORE UPDATE ON recordings
WHEN (CASE NEW.state WHEN 'pending' THEN 0 WHEN 'copying' THEN 1 WHEN 'verified' THEN 2 WHEN 'committed' THEN 3 ELSE 4 END)
   < (CASE OLD.state WHEN 'pending' THEN 0 WHEN 'copying' THEN 1 WHEN 'verified' THEN 2 WHEN 'committed' THEN 3 ELSE 4 END)
BEGIN SELECT RAISE(ABORT, 'a recording state only moves forward'); END;
CREATE TRIGGER recordings_fixed BEFORE UPDATE ON recordings
WHEN NEW.job_id IS NOT OLD.job_id OR NEW.device_id IS NOT OLD.device_id OR NEW.source_path IS NOT OLD.source_path
  OR NEW.bytes IS NOT OLD.bytes
  OR (OLD.sha256 <> '' AND NEW.sha256 IS NOT OLD.sha256)
  OR (OLD.archive_path <> '' AND NEW.archive_path IS NOT OLD.archive_path)
  OR (OLD.verified_at_ms IS NOT NULL AND NEW.verified_at_ms IS NOT OLD.verified_at_ms)
  OR (OLD.committed_at_ms IS NOT NULL AND NEW.committed_at_ms IS NOT OLD.committed_at_ms)
  OR (OLD.purged_at_ms IS NOT NULL AND (NEW.purged_at_ms IS NOT OLD.purged_at_ms OR NEW.purged_by IS NOT OLD.purged_by
                                        OR NEW.purge_reason IS NOT OLD.purge_reason))
BEGIN SELECT RAISE(ABORT, 'a recording keeps its source, size, hash, archive path, times and purge record'); END;
-- R15: the camera's copy goes only when every recording of the job is in the archive.
CREATE TRIGGER recordings_wipe_after_commit BEFORE UPDATE OF state ON recordings
WHEN NEW.state = 'wiped' AND OLD.state <> 'wiped' AND EXISTS (
    SELECT 1 FROM recordings r WHERE r.job_id = NEW.job_id AND r.id <> NEW.id AND r.state IN ('pending', 'copying', 'verified'))
BEGIN SELECT RAISE(ABORT, 'a recording is wiped only after its whole job is committed'); END;
CREATE TRIGGER recordings_wipe_needs_commit BEFORE UPDATE OF state ON recordings
WHEN NEW.state = 'wiped' AND OLD.state NOT IN ('committed', 'wiped')
BEGIN SELECT RAISE(ABORT, 'a recording is wiped only after it is committed'); END;
-- R18, R19, R20: evidence and long-term footage is not purged, and nothing is purged
-- before it is in the archive.
CREATE TRIGGER recordings_purge_ordinary_only BEFORE UPDATE OF purged_at_ms ON recordings
WHEN NEW.purged_at_ms IS NOT NULL AND OLD.purged_at_ms IS NULL
  AND (NEW.retention <> 'ordinary' OR NEW.state NOT IN ('committed', 'wiped'))
BEGIN SELECT RAISE(ABORT, 'only committed ordinary footage can be purged'); END;
-- Footage is kept longer, never shorter: a class moves away from ordinary, not back.
CREATE TRIGGER recordings_retention_only_up BEFORE UPDATE OF retention ON recordings
WHEN OLD.retention <> 'ordinary' AND NEW.retention = 'ordinary'
BEGIN SELECT RAISE(ABORT, 'evidence and long-term footage cannot be made ordinary again'); END;

CREATE TABLE interruption_records (
    id INTEGER PRIMARY KEY,
    job_id INTEGER NOT NULL REFERENCES offload_jobs(id),
    officer_id INTEGER NOT NULL REFERENCES officers(id),
    reason TEXT NOT NULL CHECK (reason IN ('privacy_or_secret', 'weather', 'obstruction', 'device_fault',
                                           'battery_or_storage', 'force_majeure', 'other')),
    basis TEXT NOT NULL CHECK (basis <> ''),
    recorded_at_ms INTEGER NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX interruptions_by_job ON interruption_records(job_id);
CREATE TRIGGER interruption_records_no_update BEFORE UPDATE ON interruption_records
BEGIN SELECT RAISE(ABORT, 'interruption_records is append-only'); END;
CREATE TRIGGER interruption_records_no_delete BEFORE DELETE ON interruption_records
BEGIN SELECT RAISE(ABORT, 'interruption_records is append-only'); END;

CREATE TABLE evidence_exports (
    id INTEGER PRIMARY KEY,
    case_number TEXT NOT NULL CHECK (case_number <> ''),
    folder TEXT NOT NULL,
    iso_path TEXT NOT NULL,
    iso_sha256 TEXT NOT NULL,
    maker TEXT NOT NULL,
    extractor TEXT NOT NULL,
    made_at_ms INTEGER NOT NULL,
    recordings INTEGER NOT NULL
);
CREATE INDEX evidence_exports_by_case ON evidence_exports(case_number);
CREATE TRIGGER evidence_exports_no_update BEFORE UPDATE ON evidence_exports
BEGIN SELECT RAISE(ABORT, 'evidence_exports is append-only'); END;
CREATE TRIGGER evidence_exports_no_delete BEFORE DELETE ON evidence_exports
BEGIN SELECT RAISE(ABORT, 'evidence_exports is append-only'); END;

CREATE TABLE evidence_copies (
    id INTEGER PRIMARY KEY,
    export_id INTEGER NOT NULL REFERENCES evidence_exports(id),
    copy_number INTEGER NOT NULL CHECK (copy_number >= 1),
    label TEXT NOT NULL CHECK (label <> ''),
    recorded_at_ms INTEGER NOT NULL,
    recorded_by TEXT NOT NULL,
    UNIQUE (export_id, copy_number)
);
CREATE TRIGGER evidence_copies_no_update BEFORE UPDATE ON evidence_copies
BEGIN SELECT RAISE(ABORT, 'evidence_copies is append-only'); END;
CREATE TRIGGER evidence_copies_no_delete BEFORE DELETE ON evidence_copies
BEGIN SELECT RAISE(ABORT, 'evidence_copies is append-only'); END;
