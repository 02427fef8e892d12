import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StoreError } from '../core/errors.js';
import type { Finding } from '../core/findings.js';
import { WRITE_OPS, type AccessOp } from '../core/events.js';
import type { EventRecord, EventWriter, ProcessRecord } from '../core/records.js';
import type { PlanTask } from '../plan/types.js';
import { MIGRATIONS, OLDEST_READABLE_VERSION, SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';
import { openDatabase, type SqlDatabase, type SqlStatement } from './sqlite.js';
import { makeDirectory, StoreWriteError, writeProblem } from './write-errors.js';

export type { EventRecord, ProcessRecord } from '../core/records.js';

export type RunStatus = 'running' | 'clean' | 'issues' | 'incomplete' | 'not-traced' | 'failed';

export interface AnalysisRecord {
  id: number;
  runId: number;
  kind: string;
  createdAt: number;
  workspace: string;
  status: string;
  incompleteReasons: string[];
  findings: Finding[];
  comparison: { state: 'fixed' | 'still-there' | 'new'; finding: Finding }[];
}

export interface RunRecord {
  id: number;
  ioTraceVersion: string;
  command: string[];
  cwd: string;
  workspaceRoot: string | null;
  planSource: string | null;
  planFile: string | null;
  tracer: string;
  tracerVersion: string | null;
  tracerReason: string | null;
  startedAt: number;
  endedAt: number | null;
  exitCode: number | null;
  signal: string | null;
  status: RunStatus;
  incompleteReasons: string[];
  eventCount: number;
  lostEvents: number;
  stdoutPath: string | null;
  stderrPath: string | null;
  /** stdout and stderr interleaved as they arrived (`io-trace log`). */
  logPath: string | null;
  /** The agent's own transcript (its stdout when an adapter recognised it, or `run --transcript FILE`). */
  transcriptPath: string | null;
  transcriptTimesPath: string | null;
  transcriptFormat: string | null;
  host: Record<string, unknown>;
}

export type NewRun = Pick<RunRecord, 'ioTraceVersion' | 'command' | 'cwd' | 'tracer' | 'startedAt'> &
  Partial<Omit<RunRecord, 'id' | 'ioTraceVersion' | 'command' | 'cwd' | 'tracer' | 'startedAt'>>;

export interface AccessRecord {
  procKey: number;
  path: string;
  op: AccessOp;
  errno: number;
  count: number;
  firstTs: number;
  lastTs: number;
}

/** One access joined with the task of its process. */
export interface TaskAccess extends AccessRecord {
  taskId: string | null;
  role: ProcessRecord['role'];
}

const RUN_COLUMNS: Record<keyof Omit<RunRecord, 'id'>, string> = {
  ioTraceVersion: 'io_trace_version',
  command: 'command',
  cwd: 'cwd',
  workspaceRoot: 'workspace_root',
  planSource: 'plan_source',
  planFile: 'plan_file',
  tracer: 'tracer',
  tracerVersion: 'tracer_version',
  tracerReason: 'tracer_reason',
  startedAt: 'started_at',
  endedAt: 'ended_at',
  exitCode: 'exit_code',
  signal: 'signal',
  status: 'status',
  incompleteReasons: 'incomplete_reasons',
  eventCount: 'event_count',
  lostEvents: 'lost_events',
  stdoutPath: 'stdout_path',
  stderrPath: 'stderr_path',
  logPath: 'log_path',
  transcriptPath: 'transcript_path',
  transcriptTimesPath: 'transcript_times_path',
  transcriptFormat: 'transcript_format',
  host: 'host',
};
/** Events-table name of a trace-level incomplete reason (see addTraceIncompleteReason). */
const TRACE_INCOMPLETE_EVENT = 'trace_incomplete';

const JSON_RUN_FIELDS = new Set(['command', 'incompleteReasons', 'host']);

/**
 * The SQLite trace database (synchronous, statements prepared once, batches in transactions, WAL so a
 * run killed half way leaves a readable file).
 */
export class TraceStore implements EventWriter {
  readonly file: string;
  readonly db: SqlDatabase;
  private readonly insertAccess: SqlStatement;
  private readonly updateAccess: SqlStatement;
  private readonly upsertProcess: SqlStatement;

  private constructor(file: string, db: SqlDatabase) {
    this.file = file;
    this.db = db;
    this.insertAccess = db.prepare(
      'INSERT INTO accesses (run_id, proc_key, path, op, errno, count, first_ts, last_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.updateAccess = db.prepare('UPDATE accesses SET count = ?, first_ts = ?, last_ts = ? WHERE id = ?');
    this.upsertProcess = db.prepare(
      `INSERT INTO processes (run_id, key, pid, parent_key, ppid, task_id, role, exe, argv, cwd, started_at, ended_at)
       VALUES (@runId, @key, @pid, @parentKey, @ppid, @taskId, @role, @exe, @argv, @cwd, @startedAt, @endedAt)
       ON CONFLICT (run_id, key) DO UPDATE SET pid = excluded.pid, parent_key = excluded.parent_key,
         ppid = excluded.ppid, task_id = excluded.task_id, role = excluded.role, exe = excluded.exe,
         argv = excluded.argv, cwd = excluded.cwd, started_at = excluded.started_at, ended_at = excluded.ended_at`,
    );
  }

  /** Open (creating if needed) a database for writing. */
  static create(file: string): TraceStore {
    let db: SqlDatabase;
    try {
      makeDirectory(path.dirname(path.resolve(file)));
      db = openDatabase(file);
      db.pragma('journal_mode = WAL');
      // NORMAL keeps WAL durable against a crash of io-trace (not of the OS) and is much faster.
      db.pragma('synchronous = NORMAL');
      const version = Number(db.pragma('user_version'));
      if (version !== 0 && (version > SCHEMA_VERSION || version < OLDEST_READABLE_VERSION)) {
        throw new StoreError(
          `trace database ${file} has schema version ${version}, this io-trace writes version ${SCHEMA_VERSION}: use another --db path`,
        );
      }
      if (version !== 0) migrate(db, version);
      db.exec(SCHEMA_SQL);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    } catch (e) {
      if (e instanceof StoreError) throw e;
      const problem = writeProblem(e, file);
      if (problem) throw new StoreWriteError(`cannot write the trace database ${file}: ${problem}`, problem);
      throw new StoreError(`cannot open trace database ${file} for writing: ${(e as Error).message}`);
    }
    return new TraceStore(path.resolve(file), db);
  }

  /** A database that lives only in memory: a run whose database cannot be written still gets its report. */
  static createInMemory(): TraceStore {
    const db = openDatabase(':memory:');
    db.exec(SCHEMA_SQL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return new TraceStore(':memory:', db);
  }

  /** Open an existing database read-only (triage, analyze). */
  static openExisting(file: string, { readonly = false } = {}): TraceStore {
    if (!existsSync(file)) {
      throw new StoreError(`trace database ${file} does not exist (run \`io-trace run\` first, or pass --db PATH)`);
    }
    let db: SqlDatabase;
    let tempCopy: string | undefined;
    try {
      db = openChecked(file, readonly);
    } catch (e) {
      if (e instanceof StoreError) throw e;
      // A WAL database needs its -shm file beside it even to be read: in a folder we may not write to
      // (a downloaded artifact, a read-only mount), read a private copy instead.
      if (readonly && /readonly|read-only|unable to open/i.test((e as Error).message) && !writableDir(path.dirname(path.resolve(file)))) {
        tempCopy = copyToTemp(file);
        db = openChecked(tempCopy, true);
      } else {
        throw new StoreError(`trace database ${file} is damaged or not an io-trace database: ${(e as Error).message}`);
      }
    }
    // The original path, not the copy's: run logs are found relative to it.
    const store = new TraceStore(path.resolve(file), db);
    store.tempCopy = tempCopy;
    return store;
  }

  /** A private copy this store reads (see openExisting), removed on close. */
  private tempCopy: string | undefined;

  close(): void {
    if (this.db.isOpen) this.db.close();
    if (this.tempCopy) rmSync(path.dirname(this.tempCopy), { recursive: true, force: true });
    this.tempCopy = undefined;
  }

  createRun(run: NewRun): number {
    const fields = Object.entries({ status: 'running', ...run }).filter(([, v]) => v !== undefined);
    const cols = fields.map(([k]) => RUN_COLUMNS[k as keyof typeof RUN_COLUMNS]);
    const info = this.db
      .prepare(`INSERT INTO runs (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...fields.map(([k, v]) => encodeRunValue(k, v)));
    return Number(info.lastInsertRowid);
  }

  updateRun(id: number, patch: Partial<Omit<RunRecord, 'id'>>): void {
    const fields = Object.entries(patch).filter(([, v]) => v !== undefined);
    if (fields.length === 0) return;
    const sets = fields.map(([k]) => `${RUN_COLUMNS[k as keyof typeof RUN_COLUMNS]} = ?`);
    this.db.prepare(`UPDATE runs SET ${sets.join(', ')} WHERE id = ?`).run(...fields.map(([k, v]) => encodeRunValue(k, v)), id);
  }

  getRun(id: number): RunRecord | undefined {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return row ? decodeRun(row) : undefined;
  }

  listRuns(limit = 20): RunRecord[] {
    return (this.db.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT ?').all(limit) as Record<string, unknown>[]).map(decodeRun);
  }

  latestRunId(): number | undefined {
    const row = this.db.prepare('SELECT max(id) AS id FROM runs').get() as { id: number | null };
    return row.id ?? undefined;
  }

  /** Resolve a user-given run reference ("latest", "" or a number) or throw naming it. */
  resolveRun(ref: string | undefined): RunRecord {
    if (ref === undefined || ref === '' || ref === 'latest') {
      const id = this.latestRunId();
      if (id === undefined) throw new StoreError(`trace database ${this.file} holds no runs yet`);
      return this.getRun(id)!;
    }
    const id = Number(ref);
    const run = Number.isInteger(id) ? this.getRun(id) : undefined;
    if (!run) throw new StoreError(`run ${JSON.stringify(ref)} is not in ${this.file} (see \`io-trace list\`)`);
    return run;
  }

  saveTasks(runId: number, tasks: readonly PlanTask[]): void {
    const stmt = this.db.prepare(
      `INSERT INTO tasks (run_id, task_id, project, target, configuration, project_root, inputs, outputs, depends_on, declared)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, task_id) DO NOTHING`,
    );
    this.db.transaction(() => {
      for (const t of tasks) {
        stmt.run(runId, t.id, t.project, t.target, t.configuration ?? null, t.projectRoot, JSON.stringify(t.inputs),
          JSON.stringify(t.outputs), JSON.stringify(t.dependsOn), JSON.stringify(t));
      }
    });
  }

  loadTasks(runId: number): PlanTask[] {
    return (this.db.prepare('SELECT declared FROM tasks WHERE run_id = ? ORDER BY id').all(runId) as { declared: string }[]).map(
      (r) => JSON.parse(r.declared) as PlanTask,
    );
  }

  updateTaskStatus(runId: number, rows: { taskId: string; status: string; processCount: number; startedAt: number | null; endedAt: number | null }[]): void {
    const stmt = this.db.prepare('UPDATE tasks SET status = ?, process_count = ?, started_at = ?, ended_at = ? WHERE run_id = ? AND task_id = ?');
    this.db.transaction(() => {
      for (const r of rows) stmt.run(r.status, r.processCount, r.startedAt, r.endedAt, runId, r.taskId);
    });
  }

  taskStatuses(runId: number): { taskId: string; status: string | null; processCount: number; startedAt: number | null; endedAt: number | null }[] {
    return this.db
      .prepare('SELECT task_id AS taskId, status, process_count AS processCount, started_at AS startedAt, ended_at AS endedAt FROM tasks WHERE run_id = ? ORDER BY id')
      .all(runId) as never;
  }

  saveProcesses(runId: number, procs: readonly ProcessRecord[]): void {
    this.db.transaction(() => {
      for (const p of procs) {
        this.upsertProcess.run({ runId, ...p, argv: p.argv ? JSON.stringify(p.argv) : null });
      }
    });
  }

  loadProcesses(runId: number): ProcessRecord[] {
    const rows = this.db.prepare('SELECT * FROM processes WHERE run_id = ? ORDER BY key').all(runId) as Record<string, unknown>[];
    return rows.map((r) => ({
      key: r.key as number,
      pid: r.pid as number,
      parentKey: r.parent_key as number | null,
      ppid: r.ppid as number | null,
      taskId: r.task_id as string | null,
      role: r.role as ProcessRecord['role'],
      exe: r.exe as string | null,
      argv: r.argv ? (JSON.parse(r.argv as string) as string[]) : null,
      cwd: r.cwd as string | null,
      startedAt: r.started_at as number | null,
      endedAt: r.ended_at as number | null,
    }));
  }

  /**
   * Write new access rows and update the counts of rows written before, in one transaction.
   * `fresh` rows get their database id assigned (so later updates can address them).
   */
  writeAccesses(runId: number, fresh: (AccessRecord & { rowId?: number })[], changed: (AccessRecord & { rowId?: number })[]): void {
    this.db.transaction(() => {
      for (const a of fresh) {
        a.rowId = Number(this.insertAccess.run(runId, a.procKey, a.path, a.op, a.errno, a.count, a.firstTs, a.lastTs).lastInsertRowid);
      }
      for (const a of changed) this.updateAccess.run(a.count, a.firstTs, a.lastTs, a.rowId);
    });
  }

  /**
   * Every access of a run with the task of its process, streamed (runs can hold millions). The task is
   * looked up in memory rather than joined: a run has thousands of processes and millions of accesses.
   */
  *taskAccesses(runId: number, { successfulOnly = false, taskOf = new Map<number, string>() } = {}): Iterable<TaskAccess> {
    const procs = new Map<number, { taskId: string | null; role: ProcessRecord['role'] }>();
    for (const p of this.db.prepare('SELECT key, task_id AS taskId, role FROM processes WHERE run_id = ?').iterate(runId) as Iterable<{ key: number; taskId: string | null; role: ProcessRecord['role'] }>) {
      const task = taskOf.get(p.key);
      // A package manager that worked for its task keeps its role: its reads are the task's, but the
      // analysis knows they came from the package manager (its configuration made the product).
      procs.set(p.key, task !== undefined ? { taskId: task, role: p.role } : p);
    }
    const scope = this.accessScope(runId);
    const rows = this.db
      .prepare(
        `SELECT proc_key AS procKey, path, op, errno, count, first_ts AS firstTs, last_ts AS lastTs FROM accesses
         WHERE ${scope.sql}${successfulOnly ? ' AND errno = 0' : ''}`,
      )
      .iterate(...scope.params) as Iterable<AccessRecord & { taskId: string | null; role: ProcessRecord['role'] }>;
    for (const row of rows) {
      const p = procs.get(row.procKey);
      row.taskId = p?.taskId ?? null;
      row.role = p?.role ?? 'unattributed';
      yield row;
    }
  }

  /**
   * Package managers inside a task whose product the task used: a file the package manager wrote (`pnpm
   * pack`'s tarball) that a process of the same task read, and that process then wrote into the workspace
   * (hydrogen's CLI build unpacks the tarball into its dist). Their reads (the manifests, the catalog in
   * pnpm-workspace.yaml) made that product, so they are the task's inputs, not discovery. A product read
   * after the reader's last write to the workspace only checked something (tsdown's publint packs each
   * package once its dist is written): a LICENSE or catalog edit changes no file the task leaves, so those
   * reads stay discovery (TanStack/store). Returns process key -> task. Cheap when no package manager
   * wrote anything: one indexed query per package manager.
   */
  packageManagerProducts(runId: number, procs: readonly ProcessRecord[] = this.loadProcesses(runId)): Map<number, string> {
    const byKey = new Map(procs.map((p) => [p.key, p]));
    const enclosingTask = (p: ProcessRecord): string | null => {
      for (let c = p.parentKey !== null ? byKey.get(p.parentKey) : undefined; c; c = c.parentKey !== null ? byKey.get(c.parentKey) : undefined) {
        if (c.taskId !== null) return c.taskId;
      }
      return null;
    };
    const managers = new Map<number, string>();
    for (const p of procs) {
      if (p.role !== 'package-manager') continue;
      const task = enclosingTask(p);
      if (task !== null) managers.set(p.key, task);
    }
    const found = new Map<number, string>();
    if (managers.size === 0) return found;
    const writeOps = [...WRITE_OPS].filter((op) => op !== 'unlink' && op !== 'rmdir' && op !== 'rename_from');
    const writes = this.db.prepare(`SELECT path FROM accesses WHERE run_id = ? AND proc_key = ? AND errno = 0 AND op IN (${writeOps.map(() => '?').join(', ')})`);
    const writers = new Map<string, number[]>();
    for (const key of managers.keys()) {
      for (const r of writes.iterate(runId, key, ...writeOps) as Iterable<{ path: string }>) {
        const list = writers.get(r.path) ?? [];
        list.push(key);
        writers.set(r.path, list);
      }
    }
    const root = (this.db.prepare('SELECT workspace_root AS root FROM runs WHERE id = ?').get(runId) as { root: string | null } | undefined)?.root;
    const under = root ? `${root.replace(/\/+$/, '')}/` : '/';
    const createOps = writeOps.filter((op) => op !== 'mkdir');
    // The latest time a process began writing a file in the workspace (a write's first_ts is its open).
    const lastWrite = this.db.prepare(
      `SELECT max(first_ts) AS t FROM accesses WHERE run_id = ? AND proc_key = ? AND errno = 0 AND op IN (${createOps.map(() => '?').join(', ')}) AND substr(path, 1, ?) = ?`,
    );
    const lastWriteOf = new Map<number, number | null>();
    const paths = [...writers.keys()];
    for (let i = 0; i < paths.length; i += 500) {
      const chunk = paths.slice(i, i + 500);
      const readers = this.db.prepare(`SELECT proc_key AS k, path, min(first_ts) AS t FROM accesses WHERE run_id = ? AND errno = 0 AND op = 'read' AND path IN (${chunk.map(() => '?').join(', ')}) GROUP BY proc_key, path`);
      for (const r of readers.iterate(runId, ...chunk) as Iterable<{ k: number; path: string; t: number }>) {
        const task = byKey.get(r.k)?.taskId;
        if (task === null || task === undefined) continue;
        if (!lastWriteOf.has(r.k)) lastWriteOf.set(r.k, (lastWrite.get(runId, r.k, ...createOps, under.length, under) as { t: number | null }).t);
        const written = lastWriteOf.get(r.k);
        if (written === null || written === undefined || written < r.t) continue;
        for (const key of writers.get(r.path) ?? []) if (managers.get(key) === task) found.set(key, task);
      }
    }
    return found;
  }

  /**
   * The WHERE clause that reads one run's accesses fastest. Through the (run_id, proc_key) index SQLite
   * fetches rows in process order, one random page read each (1M rows: ~1 s of CPU here); a run's rows
   * were inserted together, so scanning its rowid range sequentially (with `+run_id` to keep SQLite off
   * that index) costs a tenth of that.
   */
  accessScope(runId: number, alias = ''): { sql: string; params: number[] } {
    const a = alias ? `${alias}.` : '';
    const r = this.db.prepare('SELECT min(id) AS lo, max(id) AS hi FROM accesses WHERE run_id = ?').get(runId) as { lo: number | null; hi: number | null };
    if (r.lo === null || r.hi === null) return { sql: `${a}run_id = ?`, params: [runId] };
    return { sql: `${a}id BETWEEN ? AND ? AND +${a}run_id = ?`, params: [r.lo, r.hi, runId] };
  }

  accessCount(runId: number): number {
    return (this.db.prepare('SELECT count(*) AS n FROM accesses WHERE run_id = ?').get(runId) as { n: number }).n;
  }

  replaceFindings(runId: number, findings: readonly Finding[]): void {
    // Databases written before findings became root causes lack these two columns: add them in place.
    const cols = new Set((this.db.prepare('PRAGMA table_info(findings)').all() as { name: string }[]).map((c) => c.name));
    for (const c of ['tasks', 'reason']) if (!cols.has(c)) this.db.exec(`ALTER TABLE findings ADD COLUMN ${c} TEXT`);
    const stmt = this.db.prepare(
      'INSERT INTO findings (run_id, task_id, type, path, severity, message, fix, other_task, count, samples, tasks, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM findings WHERE run_id = ?').run(runId);
      for (const f of findings) {
        stmt.run(runId, f.task, f.type, f.path, f.severity, f.message, f.fix ? JSON.stringify(f.fix) : null, f.otherTask ?? null,
          f.count ?? null, f.samples ? JSON.stringify(f.samples) : null, f.tasks ? JSON.stringify(f.tasks) : null, f.reason ?? null);
      }
    });
  }

  /** Records a later analysis of a run (`io-trace check`) beside the run's own findings. */
  saveAnalysis(a: Omit<AnalysisRecord, 'id'>): number {
    const info = this.db
      .prepare('INSERT INTO analyses (run_id, kind, created_at, workspace, status, incomplete_reasons, findings, comparison) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(a.runId, a.kind, a.createdAt, a.workspace, a.status, JSON.stringify(a.incompleteReasons), JSON.stringify(a.findings), JSON.stringify(a.comparison));
    return Number(info.lastInsertRowid);
  }

  /** A run's later analyses, oldest first (none in a database older than schema 2). */
  loadAnalyses(runId: number): AnalysisRecord[] {
    const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'analyses'").get();
    if (!exists) return [];
    const rows = this.db.prepare('SELECT * FROM analyses WHERE run_id = ? ORDER BY id').all(runId) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as number,
      runId: r.run_id as number,
      kind: r.kind as string,
      createdAt: r.created_at as number,
      workspace: r.workspace as string,
      status: r.status as string,
      incompleteReasons: JSON.parse(r.incomplete_reasons as string) as string[],
      findings: JSON.parse(r.findings as string) as Finding[],
      comparison: JSON.parse(r.comparison as string) as AnalysisRecord['comparison'],
    }));
  }

  loadFindings(runId: number): Finding[] {
    const rows = this.db.prepare('SELECT * FROM findings WHERE run_id = ? ORDER BY id').all(runId) as Record<string, unknown>[];
    return rows.map((r) => ({
      task: r.task_id as string,
      type: r.type as Finding['type'],
      path: r.path as string,
      severity: r.severity as Finding['severity'],
      message: r.message as string,
      ...(r.fix ? { fix: JSON.parse(r.fix as string) } : {}),
      ...(r.other_task ? { otherTask: r.other_task as string } : {}),
      ...(r.count !== null ? { count: r.count as number } : {}),
      ...(r.samples ? { samples: JSON.parse(r.samples as string) } : {}),
      ...(r.tasks ? { tasks: JSON.parse(r.tasks as string) } : {}),
      ...(r.reason ? { reason: r.reason as string } : {}),
    }));
  }

  addEvent(runId: number, e: EventRecord): number {
    const info = this.db
      .prepare('INSERT INTO events (run_id, kind, name, parent_id, start_ts, duration_ms, status, value, error, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(runId, e.kind, e.name, e.parentId ?? null, e.startTs, e.durationMs ?? null, e.status ?? null, e.value ?? null, e.error ?? null,
        JSON.stringify(e.attributes ?? {}));
    return Number(info.lastInsertRowid);
  }

  updateEvent(id: number, patch: Pick<EventRecord, 'durationMs' | 'status' | 'error'>): void {
    this.db.prepare('UPDATE events SET duration_ms = ?, status = ?, error = ? WHERE id = ?').run(patch.durationMs ?? null, patch.status ?? null, patch.error ?? null, id);
  }

  /** Record why the trace itself cannot vouch for a clean result (kept apart from per-task reasons). */
  addTraceIncompleteReason(runId: number, reason: string): void {
    this.addEvent(runId, { kind: 'notice', name: TRACE_INCOMPLETE_EVENT, startTs: Date.now(), attributes: { message: reason } });
  }

  traceIncompleteReasons(runId: number): string[] {
    const rows = this.db.prepare("SELECT attributes FROM events WHERE run_id = ? AND kind = 'notice' AND name = ? ORDER BY id").all(runId, TRACE_INCOMPLETE_EVENT) as { attributes: string }[];
    return rows.map((r) => String((JSON.parse(r.attributes) as { message?: unknown }).message ?? ''));
  }

  loadEvents(runId: number): (EventRecord & { id: number })[] {
    const rows = this.db.prepare('SELECT * FROM events WHERE run_id = ? ORDER BY start_ts, id').all(runId) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as number,
      kind: r.kind as EventRecord['kind'],
      name: r.name as string,
      parentId: r.parent_id as number | null,
      startTs: r.start_ts as number,
      durationMs: r.duration_ms as number | null,
      status: r.status as EventRecord['status'],
      value: r.value as number | null,
      error: r.error as string | null,
      attributes: JSON.parse(r.attributes as string) as Record<string, unknown>,
    }));
  }
}

/** Apply the upgrades from `version` to SCHEMA_VERSION in one transaction. */
function migrate(db: SqlDatabase, version: number): void {
  if (version >= SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = version + 1; v <= SCHEMA_VERSION; v++) if (MIGRATIONS[v]) db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
}

function openChecked(file: string, readonly: boolean): SqlDatabase {
  const db = openDatabase(file, { readonly, mustExist: true });
  try {
    const version = Number(db.pragma('user_version'));
    if (version < OLDEST_READABLE_VERSION || version > SCHEMA_VERSION) {
      throw new StoreError(`trace database ${file} has schema version ${version}; this io-trace reads versions ${OLDEST_READABLE_VERSION} to ${SCHEMA_VERSION}`);
    }
    // A writer upgrades an older database in place; a reader reads it as it is.
    if (!readonly && version < SCHEMA_VERSION) migrate(db, version);
    db.prepare('SELECT count(*) FROM runs').get();
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function writableDir(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Copy a database and its WAL (if any) to a fresh temp directory; returns the copy's path. */
function copyToTemp(file: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'io-trace-db-'));
  const copy = path.join(dir, path.basename(file));
  copyFileSync(file, copy);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
  return copy;
}

function encodeRunValue(key: string, value: unknown): unknown {
  if (JSON_RUN_FIELDS.has(key)) return JSON.stringify(value);
  return value;
}

function decodeRun(row: Record<string, unknown>): RunRecord {
  const out: Record<string, unknown> = { id: row.id };
  for (const [key, col] of Object.entries(RUN_COLUMNS)) {
    const v = row[col];
    out[key] = JSON_RUN_FIELDS.has(key) && typeof v === 'string' ? JSON.parse(v) : v ?? null;
  }
  // Schema 1 (read as it is): its transcript_path was the interleaved console output.
  if (!('log_path' in row)) {
    out.logPath = row.transcript_path ?? null;
    out.transcriptPath = null;
  }
  return out as unknown as RunRecord;
}
