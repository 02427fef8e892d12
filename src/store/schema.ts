/**
 * The trace database schema. Bump SCHEMA_VERSION on any change and keep the README's "Trace database"
 * section in step: the database is an artifact people download and query.
 */
export const SCHEMA_VERSION = 2;

/**
 * Upgrades from each older version, applied in order by a writer. Readers also read version 1 as it is
 * (see decodeRun): a downloaded artifact stays readable without being rewritten.
 *   2: `transcript_path` is the agent's own transcript (was the interleaved console output, now
 *      `log_path`); `transcript_times_path` and `transcript_format` added; the `analyses` table
 *      (`io-trace check`), created by SCHEMA_SQL like every table.
 */
export const MIGRATIONS: Record<number, string> = {
  2: `
ALTER TABLE runs ADD COLUMN log_path TEXT;
ALTER TABLE runs ADD COLUMN transcript_times_path TEXT;
ALTER TABLE runs ADD COLUMN transcript_format TEXT;
UPDATE runs SET log_path = transcript_path, transcript_path = NULL;
`,
};

/** The oldest schema version this io-trace still reads. */
export const OLDEST_READABLE_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS runs (
  id                 INTEGER PRIMARY KEY,
  io_trace_version   TEXT NOT NULL,
  command            TEXT NOT NULL,   -- JSON argv
  cwd                TEXT NOT NULL,
  workspace_root     TEXT,
  plan_source        TEXT,            -- file | nx | turbo
  plan_file          TEXT,
  tracer             TEXT NOT NULL,   -- bpftrace | strace | none
  tracer_version     TEXT,
  tracer_reason      TEXT,            -- why this tracer was chosen / why not traced
  started_at         REAL NOT NULL,   -- ms since epoch
  ended_at           REAL,
  exit_code          INTEGER,
  signal             TEXT,
  status             TEXT NOT NULL,   -- running | clean | issues | incomplete | not-traced | failed
  incomplete_reasons TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
  event_count        INTEGER NOT NULL DEFAULT 0,
  lost_events        INTEGER NOT NULL DEFAULT 0,
  stdout_path        TEXT,            -- relative to the database's directory
  stderr_path        TEXT,
  log_path           TEXT,            -- stdout and stderr interleaved as they arrived
  transcript_path    TEXT,            -- the agent's own transcript (its stdout, or run --transcript FILE); NULL: none
  transcript_times_path TEXT,         -- arrival time per chunk of the transcript (see src/transcript)
  transcript_format  TEXT,            -- the adapter that recognised it (claude-stream-json, codex-exec-json, jsonl)
  host               TEXT NOT NULL DEFAULT '{}'   -- JSON: kernel, os, arch, node, CI facts
);

CREATE TABLE IF NOT EXISTS tasks (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs(id),
  task_id       TEXT NOT NULL,
  project       TEXT NOT NULL,
  target        TEXT NOT NULL,
  configuration TEXT,
  project_root  TEXT NOT NULL,
  inputs        TEXT NOT NULL,   -- JSON
  outputs       TEXT NOT NULL,   -- JSON
  depends_on    TEXT NOT NULL,   -- JSON
  declared      TEXT NOT NULL,   -- JSON: the whole PlanTask
  status        TEXT,            -- analyzed | not-run | cached
  process_count INTEGER NOT NULL DEFAULT 0,
  started_at    REAL,
  ended_at      REAL,
  UNIQUE (run_id, task_id)
);

CREATE TABLE IF NOT EXISTS processes (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL REFERENCES runs(id),
  key        INTEGER NOT NULL,   -- per-run process number (pids can be reused)
  pid        INTEGER NOT NULL,
  parent_key INTEGER,
  ppid       INTEGER,
  task_id    TEXT,               -- NULL: unattributed
  role       TEXT NOT NULL,      -- task | orchestrator | package-manager | unattributed
  exe        TEXT,
  argv       TEXT,               -- JSON
  cwd        TEXT,
  started_at REAL,
  ended_at   REAL,
  UNIQUE (run_id, key)
);

CREATE TABLE IF NOT EXISTS accesses (
  id        INTEGER PRIMARY KEY,
  run_id    INTEGER NOT NULL REFERENCES runs(id),
  proc_key  INTEGER NOT NULL,   -- processes.key
  path      TEXT NOT NULL,      -- absolute, as traced
  op        TEXT NOT NULL,      -- see AccessOp
  errno     INTEGER NOT NULL,   -- 0 = success
  count     INTEGER NOT NULL,
  first_ts  REAL NOT NULL,
  last_ts   REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS accesses_run ON accesses (run_id, proc_key);

CREATE TABLE IF NOT EXISTS findings (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL REFERENCES runs(id),
  task_id    TEXT NOT NULL,
  type       TEXT NOT NULL,
  path       TEXT NOT NULL,
  severity   TEXT NOT NULL,
  message    TEXT NOT NULL,
  fix        TEXT,              -- JSON Fix
  other_task TEXT,
  count      INTEGER,           -- distinct paths the root cause stands for
  samples    TEXT,              -- JSON array (up to 10 of them)
  tasks      TEXT,              -- JSON array: every task of a root cause shared by several (added in place, no version bump)
  reason     TEXT               -- why the severity is below the type's default
);
CREATE INDEX IF NOT EXISTS findings_run ON findings (run_id);

CREATE TABLE IF NOT EXISTS events (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES runs(id),
  kind        TEXT NOT NULL,    -- span | metric | notice
  name        TEXT NOT NULL,
  parent_id   INTEGER,          -- enclosing span
  start_ts    REAL NOT NULL,
  duration_ms REAL,
  status      TEXT,             -- ok | error (spans)
  value       REAL,             -- metrics
  error       TEXT,
  attributes  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS events_run ON events (run_id);

-- Later analyses of a run against another config (\`io-trace check\`), kept beside the run's own findings.
CREATE TABLE IF NOT EXISTS analyses (
  id                 INTEGER PRIMARY KEY,
  run_id             INTEGER NOT NULL REFERENCES runs(id),
  kind               TEXT NOT NULL,    -- check
  created_at         REAL NOT NULL,    -- ms since epoch
  workspace          TEXT NOT NULL,    -- the workspace whose config was read
  status             TEXT NOT NULL,    -- clean | issues | incomplete
  incomplete_reasons TEXT NOT NULL DEFAULT '[]',
  findings           TEXT NOT NULL,    -- JSON Finding[]
  comparison         TEXT NOT NULL     -- JSON: each finding of either analysis with fixed | still-there | new
);
CREATE INDEX IF NOT EXISTS analyses_run ON analyses (run_id);
`;
