-- grondslag.db schema. No column holds personal data in plain text: *_enc columns are sealed
-- with a data key from table `keys`, *_mac columns are keyed HMACs.
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS processings(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, purpose TEXT NOT NULL, legal_basis TEXT,
  categories TEXT NOT NULL, retention TEXT NOT NULL, location TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS keys(id INTEGER PRIMARY KEY AUTOINCREMENT, wrapped BLOB NOT NULL, generation INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS keys_generation ON keys(generation);
CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY AUTOINCREMENT, processing INTEGER NOT NULL REFERENCES processings(id),
  content_mac BLOB, doc_type TEXT NOT NULL, size INTEGER NOT NULL, mtime INTEGER,
  readable INTEGER NOT NULL, unreadable_reason TEXT, needs_ocr INTEGER NOT NULL,
  key_id INTEGER, original_blob TEXT, text_blob TEXT, archived_blob TEXT,
  status TEXT NOT NULL DEFAULT 'active', disposition TEXT, assessment INTEGER,
  parent INTEGER, version INTEGER NOT NULL DEFAULT 1, superseded_by INTEGER,
  findings INTEGER NOT NULL DEFAULT 0, special TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, destroyed_run INTEGER, destroyed_at TEXT);
CREATE INDEX IF NOT EXISTS documents_content ON documents(content_mac);
CREATE INDEX IF NOT EXISTS documents_parent ON documents(parent);
CREATE TABLE IF NOT EXISTS paths(
  id INTEGER PRIMARY KEY AUTOINCREMENT, doc INTEGER NOT NULL, parent INTEGER, path_mac BLOB NOT NULL,
  path_enc BLOB NOT NULL, size INTEGER, mtime INTEGER, current INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS paths_mac ON paths(path_mac);
CREATE INDEX IF NOT EXISTS paths_doc ON paths(doc);
CREATE INDEX IF NOT EXISTS paths_parent ON paths(parent);
CREATE TABLE IF NOT EXISTS findings(
  id INTEGER PRIMARY KEY AUTOINCREMENT, doc INTEGER NOT NULL, start INTEGER NOT NULL, end_ INTEGER NOT NULL,
  kind TEXT NOT NULL, score REAL NOT NULL, rule TEXT NOT NULL, value_enc BLOB NOT NULL, value_mac BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS findings_doc ON findings(doc);
CREATE INDEX IF NOT EXISTS findings_mac ON findings(value_mac);
CREATE TABLE IF NOT EXISTS subjects(
  id INTEGER PRIMARY KEY AUTOINCREMENT, processing INTEGER NOT NULL, key_id INTEGER NOT NULL, name_enc BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS subject_findings(
  subject INTEGER NOT NULL, finding INTEGER NOT NULL, confidence REAL NOT NULL, evidence_enc BLOB NOT NULL,
  PRIMARY KEY(subject, finding));
CREATE INDEX IF NOT EXISTS subject_findings_finding ON subject_findings(finding);
CREATE TABLE IF NOT EXISTS subject_decisions(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, findings TEXT NOT NULL, reason_note INTEGER,
  user TEXT NOT NULL, ts TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notes(id INTEGER PRIMARY KEY AUTOINCREMENT, key_id INTEGER NOT NULL, text_enc BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS assessments(
  id INTEGER PRIMARY KEY, disposition TEXT NOT NULL, retention_years INTEGER, category TEXT,
  legal_basis_note INTEGER, reason_note INTEGER, documents TEXT NOT NULL, user TEXT NOT NULL, ts TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS holds(
  id INTEGER PRIMARY KEY, reason_note INTEGER, reference_note INTEGER, created_by TEXT NOT NULL,
  created_at TEXT NOT NULL, lifted_at TEXT, lifted_by TEXT, lift_reason_note INTEGER);
CREATE TABLE IF NOT EXISTS hold_scopes(hold INTEGER NOT NULL, kind TEXT NOT NULL, target INTEGER);
CREATE TABLE IF NOT EXISTS runs(
  id INTEGER PRIMARY KEY, state TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
  executed_at TEXT, kek_from INTEGER, kek_to INTEGER, subjects_removed INTEGER);
CREATE TABLE IF NOT EXISTS run_items(
  run INTEGER NOT NULL, doc INTEGER NOT NULL, action TEXT NOT NULL, outcome TEXT,
  doc_type TEXT, size INTEGER, category TEXT, created_at TEXT, assessment INTEGER,
  PRIMARY KEY(run, doc));
CREATE TABLE IF NOT EXISTS run_approvals(run INTEGER NOT NULL, user TEXT NOT NULL, ts TEXT NOT NULL, PRIMARY KEY(run, user));
CREATE TABLE IF NOT EXISTS pending_blob_deletes(blob TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS scans(
  id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, user TEXT NOT NULL, roots INTEGER,
  seen INTEGER, new_documents INTEGER, unchanged INTEGER, unreadable INTEGER);
CREATE TABLE IF NOT EXISTS audit_log(
  ts TEXT NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL, object TEXT NOT NULL,
  purpose TEXT NOT NULL, details TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_checkpoint(
  id INTEGER PRIMARY KEY, entry INTEGER NOT NULL, hash TEXT NOT NULL, signature TEXT NOT NULL);
