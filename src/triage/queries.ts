import { READ_OPS, WRITE_OPS, ACCESS_OPS, type AccessOp } from '../core/events.js';
import { StoreError, ConfigurationError } from '../core/errors.js';
import type { Severity } from '../core/findings.js';
import type { PlanTask } from '../plan/types.js';
import type { ProcessNode } from '../core/records.js';
import type { EventRecord, ProcessRecord, RunRecord, TraceStore } from '../store/store.js';
import { explainFindings, processLabel, type ExplainedFinding } from './causes.js';

/**
 * Read-only questions asked of a trace database after the fact: what ran, what failed, what each task
 * touched, where the time went. Plain data out; formatting lives in the commands.
 */

export interface RunSummary {
  id: number;
  command: string[];
  status: RunRecord['status'];
  exitCode: number | null;
  signal: string | null;
  tracer: string;
  startedAt: number;
  durationMs: number | null;
  findings: Record<Severity, number> & { total: number };
  spans: number;
  failedSpans: number;
  /** Where a merged run came from (`merge`), e.g. "linux.db run 3". */
  source: string | null;
}

export function listRunSummaries(store: TraceStore, limit = 20): RunSummary[] {
  const runs = store.listRuns(limit);
  if (runs.length === 0) return [];
  const minId = Math.min(...runs.map((r) => r.id));
  const findings = new Map<number, Record<Severity, number>>();
  for (const row of store.db.prepare('SELECT run_id AS runId, severity, count(*) AS n FROM findings WHERE run_id >= ? GROUP BY run_id, severity').all(minId) as {
    runId: number;
    severity: Severity;
    n: number;
  }[]) {
    const c = findings.get(row.runId) ?? { error: 0, warning: 0, info: 0 };
    c[row.severity] = (c[row.severity] ?? 0) + row.n;
    findings.set(row.runId, c);
  }
  const spans = new Map<number, { n: number; failed: number }>();
  for (const row of store.db
    .prepare("SELECT run_id AS runId, count(*) AS n, sum(status = 'error') AS failed FROM events WHERE kind = 'span' AND run_id >= ? GROUP BY run_id")
    .all(minId) as { runId: number; n: number; failed: number | null }[]) {
    spans.set(row.runId, { n: row.n, failed: row.failed ?? 0 });
  }
  return runs.map((r) => {
    const f = findings.get(r.id) ?? { error: 0, warning: 0, info: 0 };
    const s = spans.get(r.id) ?? { n: 0, failed: 0 };
    return {
      id: r.id,
      command: r.command,
      status: r.status,
      exitCode: r.exitCode,
      signal: r.signal,
      tracer: r.tracer,
      startedAt: r.startedAt,
      durationMs: r.endedAt !== null ? r.endedAt - r.startedAt : null,
      findings: { ...f, total: f.error + f.warning + f.info },
      spans: s.n,
      failedSpans: s.failed,
      source: sourceOf(r),
    };
  });
}

/** The origin a merged run records in its host facts (see store/merge.ts). */
export function sourceOf(run: RunRecord): string | null {
  const src = run.host?.source as { db?: string; runId?: number } | undefined;
  return src?.db ? `${src.db} run ${src.runId}` : null;
}

export interface SpanView {
  id: number | null;
  parentId: number | null;
  name: string;
  startTs: number;
  /** null: the span never closed (io-trace was killed inside it). */
  durationMs: number | null;
  status: 'ok' | 'error' | null;
  error: string | null;
  attributes: Record<string, unknown>;
  depth: number;
  /** Computed from the tasks table (older runs, or `analyze`), not recorded while running. */
  derived: boolean;
}

/**
 * The run's spans as a tree in display order (parents before children, siblings by start), plus a
 * `task` span per task that has process times but no recorded span.
 */
export function runSpans(store: TraceStore, runId: number): SpanView[] {
  const events = store.loadEvents(runId).filter((e) => e.kind === 'span');
  const views: SpanView[] = events.map((e) => toSpanView(e));
  const recordedTasks = new Set(views.filter((v) => v.name === 'task').map((v) => String(v.attributes.task)));
  const build = views.find((v) => v.name === 'build' && v.parentId === null);
  for (const t of store.taskStatuses(runId)) {
    if (recordedTasks.has(t.taskId) || t.startedAt === null || t.endedAt === null) continue;
    views.push({
      id: null,
      parentId: build?.id ?? null,
      name: 'task',
      startTs: t.startedAt,
      durationMs: Math.max(0, t.endedAt - t.startedAt),
      status: 'ok',
      error: null,
      attributes: { task: t.taskId, processes: t.processCount },
      depth: 0,
      derived: true,
    });
  }
  const byParent = new Map<number | null, SpanView[]>();
  const ids = new Set(views.map((v) => v.id).filter((id) => id !== null));
  for (const v of views) {
    const parent = v.parentId !== null && ids.has(v.parentId) ? v.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(v);
    byParent.set(parent, list);
  }
  const out: SpanView[] = [];
  const visit = (parent: number | null, depth: number) => {
    const children = (byParent.get(parent) ?? []).sort((a, b) => a.startTs - b.startTs || (a.id ?? Infinity) - (b.id ?? Infinity));
    for (const c of children) {
      c.depth = depth;
      out.push(c);
      if (c.id !== null) visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

function toSpanView(e: EventRecord & { id: number }): SpanView {
  return {
    id: e.id,
    parentId: e.parentId ?? null,
    name: e.name,
    startTs: e.startTs,
    durationMs: e.durationMs ?? null,
    status: e.status ?? null,
    error: e.error ?? null,
    attributes: e.attributes ?? {},
    depth: 0,
    derived: false,
  };
}

export interface MetricView {
  name: string;
  value: number;
  attributes: Record<string, unknown>;
}

export function runMetrics(store: TraceStore, runId: number): MetricView[] {
  return store
    .loadEvents(runId)
    .filter((e) => e.kind === 'metric')
    .map((e) => ({ name: e.name, value: e.value ?? 0, attributes: e.attributes ?? {} }));
}

export interface NoticeView {
  name: string;
  ts: number;
  message: string | null;
  attributes: Record<string, unknown>;
}

export function runNotices(store: TraceStore, runId: number): NoticeView[] {
  return store
    .loadEvents(runId)
    .filter((e) => e.kind === 'notice')
    .map((e) => ({ name: e.name, ts: e.startTs, message: e.error ?? (typeof e.attributes?.message === 'string' ? e.attributes.message : null), attributes: e.attributes ?? {} }));
}

export interface TaskRow {
  taskId: string;
  status: string | null;
  processCount: number;
  startedAt: number | null;
  endedAt: number | null;
  declared: PlanTask;
}

export function runTasks(store: TraceStore, runId: number): TaskRow[] {
  const declared = new Map(store.loadTasks(runId).map((t) => [t.id, t]));
  return store.taskStatuses(runId).map((t) => ({ ...t, declared: declared.get(t.taskId)! }));
}

/** The op filter of `files --op`: op names, or the groups `reads` / `writes`. */
export function parseOps(spec: readonly string[] | undefined): Set<AccessOp> | undefined {
  if (!spec || spec.length === 0) return undefined;
  const out = new Set<AccessOp>();
  for (const part of spec.flatMap((s) => s.split(','))) {
    const op = part.trim();
    if (!op) continue;
    if (op === 'reads') READ_OPS.forEach((o) => out.add(o));
    else if (op === 'writes') WRITE_OPS.forEach((o) => out.add(o));
    else if ((ACCESS_OPS as readonly string[]).includes(op)) out.add(op as AccessOp);
    else throw new ConfigurationError(`--op ${JSON.stringify(op)}: use one of ${ACCESS_OPS.join(', ')}, or the groups reads, writes`);
  }
  return out;
}

export interface FileRow {
  /** Absolute path as traced (exact bytes in --json). */
  path: string;
  /** Workspace-relative when inside the workspace, else the absolute path. */
  display: string;
  op: AccessOp;
  errno: number;
  task: string | null;
  count: number;
  processes: number;
  firstTs: number;
  lastTs: number;
}

export interface FileQuery {
  task?: string;
  ops?: ReadonlySet<AccessOp>;
  /** Include failed accesses (errno != 0); default true. */
  failed?: boolean;
}

/** Accesses of a run folded over processes: one row per (task, op, errno, path). */
export function runFiles(store: TraceStore, run: RunRecord, query: FileQuery = {}): FileRow[] {
  return [...iterateRunFiles(store, run, query)];
}

/**
 * The same, streamed: SQLite groups and sorts (a run of a million accesses would otherwise fold in a
 * JavaScript map of a million keys). Sorted by task, path, op, errno.
 */
export function* iterateRunFiles(store: TraceStore, run: RunRecord, query: FileQuery = {}): Generator<FileRow> {
  if (query.task !== undefined) requireTask(store, run, query.task);
  let scope: { sql: string; params: unknown[] };
  if (query.task !== undefined) {
    const keys = [...processTasks(store, run.id)].filter(([, t]) => t === query.task).map(([k]) => k);
    if (keys.length === 0) return;
    scope = { sql: `a.run_id = ? AND a.proc_key IN (${keys.map(() => '?').join(',')})`, params: [run.id, ...keys] };
  } else {
    scope = store.accessScope(run.id, 'a');
  }
  const where = [scope.sql];
  const params: unknown[] = [...scope.params];
  if (query.ops) {
    where.push(`a.op IN (${[...query.ops].map(() => '?').join(',')})`);
    params.push(...query.ops);
  }
  if (query.failed === false) where.push('a.errno = 0');
  const root = run.workspaceRoot ?? run.cwd;
  const rows = store.db
    .prepare(
      `SELECT p.task_id, a.op, a.errno, a.path, sum(a.count), count(*), min(a.first_ts), max(a.last_ts)
       FROM accesses a LEFT JOIN processes p ON p.run_id = a.run_id AND p.key = a.proc_key
       WHERE ${where.join(' AND ')}
       GROUP BY p.task_id, a.path, a.op, a.errno
       ORDER BY p.task_id IS NOT NULL, p.task_id, a.path, a.op, a.errno`,
    )
    .iterateArrays(...params) as Iterable<[string | null, AccessOp, number, string, number, number, number, number]>;
  for (const [task, op, errno, p, count, processes, firstTs, lastTs] of rows) {
    yield { path: p, display: relativeTo(root, p), op, errno, task, count, processes, firstTs, lastTs };
  }
}

export interface TaskDetail {
  task: TaskRow;
  processes: ProcessRecord[];
  /** Distinct paths read successfully (read, exec). */
  reads: FileRow[];
  /** Distinct paths changed successfully (write, create, truncate, unlink, rename, link). */
  writes: FileRow[];
  /** Failed accesses and probes (stat, readdir...), counted, not listed. */
  otherAccesses: number;
  /** With the access behind each, where one was recorded. */
  findings: ExplainedFinding[];
  /** The task's processes as a tree (roots: processes whose parent is not the task's), each with its own reads and writes. */
  tree: ProcessNode[];
}

export type { ProcessNode } from '../core/records.js';

export function taskDetail(store: TraceStore, run: RunRecord, taskId: string): TaskDetail {
  requireTask(store, run, taskId);
  const task = runTasks(store, run.id).find((t) => t.taskId === taskId)!;
  const files = runFiles(store, run, { task: taskId });
  const reads = files.filter((f) => f.errno === 0 && READ_OPS.has(f.op));
  const writes = files.filter((f) => f.errno === 0 && WRITE_OPS.has(f.op));
  return {
    task,
    processes: store.loadProcesses(run.id).filter((p) => p.taskId === taskId),
    reads,
    writes,
    otherAccesses: files.length - reads.length - writes.length,
    findings: explainFindings(store, run, store.loadFindings(run.id).filter((f) => f.task === taskId || f.otherTask === taskId || (f.tasks?.includes(taskId) ?? false))),
    tree: processTree(store, run, taskId),
  };
}

/** The task's processes, parents before children, each with the files it read and changed itself. */
export function processTree(store: TraceStore, run: RunRecord, taskId: string): ProcessNode[] {
  const procs = store.loadProcesses(run.id).filter((p) => p.taskId === taskId);
  const root = run.workspaceRoot ?? run.cwd;
  const nodes = new Map<number, ProcessNode>(
    procs.map((p) => [p.key, { key: p.key, pid: p.pid, label: processLabel(p), argv: p.argv, startedAt: p.startedAt, endedAt: p.endedAt, reads: [], writes: [], children: [] }]),
  );
  const rows = store.db
    .prepare('SELECT a.proc_key AS procKey, a.path, a.op FROM accesses a JOIN processes p ON p.run_id = a.run_id AND p.key = a.proc_key WHERE a.run_id = ? AND p.task_id = ? AND a.errno = 0 ORDER BY a.first_ts')
    .iterate(run.id, taskId) as Iterable<{ procKey: number; path: string; op: AccessOp }>;
  for (const r of rows) {
    const n = nodes.get(r.procKey);
    if (!n) continue;
    const list = READ_OPS.has(r.op) ? n.reads : WRITE_OPS.has(r.op) ? n.writes : undefined;
    const shown = relativeTo(root, r.path);
    if (list && !list.includes(shown)) list.push(shown);
  }
  const roots: ProcessNode[] = [];
  for (const p of procs) {
    const parent = p.parentKey !== null ? nodes.get(p.parentKey) : undefined;
    (parent ? parent.children : roots).push(nodes.get(p.key)!);
  }
  return roots;
}

export function requireTask(store: TraceStore, run: RunRecord, taskId: string): void {
  const tasks = store.taskStatuses(run.id).map((t) => t.taskId);
  if (!tasks.includes(taskId)) {
    const known = tasks.length ? `; its tasks: ${tasks.slice(0, 10).map((t) => JSON.stringify(t)).join(', ')}${tasks.length > 10 ? ` and ${tasks.length - 10} more` : ''}` : '; it has no tasks';
    throw new StoreError(`task ${JSON.stringify(taskId)} is not in run ${run.id} of ${store.file}${known}`);
  }
}

/** proc key -> task id, for every attributed process of a run. */
export function processTasks(store: TraceStore, runId: number): Map<number, string | null> {
  const out = new Map<number, string | null>();
  for (const p of store.db.prepare('SELECT key, task_id AS taskId FROM processes WHERE run_id = ?').iterate(runId) as Iterable<{ key: number; taskId: string | null }>) {
    out.set(p.key, p.taskId);
  }
  return out;
}

export function relativeTo(root: string, abs: string): string {
  const base = root.endsWith('/') ? root : root + '/';
  return abs.startsWith(base) ? abs.slice(base.length) : abs;
}
