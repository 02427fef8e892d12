import type { TaskResult } from '../analysis/analyse.js';
import { READ_OPS, WRITE_OPS, type AccessOp } from '../core/events.js';
import { buildReport, type Report } from '../report/report.js';
import type { RunRecord, TraceStore } from '../store/store.js';
import { IO_TRACE_VERSION } from '../version.js';
import { processTasks, runAccessScope } from './queries.js';

/**
 * The JSON report of a run as stored (findings and task statuses from the database, nothing
 * re-analysed), for runs read after the fact: `merge`, `report`. Task read/write counts are distinct
 * successful workspace paths as traced (before ignore rules, which only the analyser applies).
 */
export function storedReport(store: TraceStore, run: RunRecord): Report {
  const findings = store.loadFindings(run.id);
  const perTask = new Map<string, { reads: Set<string>; writes: Set<string> }>();
  const procs = processTasks(store, run.id);
  const root = (run.workspaceRoot ?? run.cwd).replace(/\/?$/, '/');
  const scope = runAccessScope(store, run.id);
  const rows = store.db.prepare(`SELECT DISTINCT proc_key AS k, path, op FROM accesses WHERE ${scope.sql} AND errno = 0`).iterate(...scope.params) as Iterable<{ k: number; path: string; op: AccessOp }>;
  for (const r of rows) {
    const task = procs.get(r.k);
    if (!task || !r.path.startsWith(root)) continue;
    const read = READ_OPS.has(r.op);
    const write = WRITE_OPS.has(r.op);
    if (!read && !write) continue;
    let t = perTask.get(task);
    if (!t) perTask.set(task, (t = { reads: new Set(), writes: new Set() }));
    (read ? t.reads : t.writes).add(r.path);
  }
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.task, (counts.get(f.task) ?? 0) + 1);
  const tasks: TaskResult[] = store.taskStatuses(run.id).map((t) => ({
    taskId: t.taskId,
    status: (t.status ?? 'not-run') as TaskResult['status'],
    reads: perTask.get(t.taskId)?.reads.size ?? 0,
    writes: perTask.get(t.taskId)?.writes.size ?? 0,
    findings: counts.get(t.taskId) ?? 0,
  }));
  return buildReport(run, tasks, findings, IO_TRACE_VERSION);
}

const STATUS_WEIGHT: Record<Report['status'], number> = { issues: 4, incomplete: 3, 'not-traced': 2, clean: 1 };

/** One verdict over several runs (a merged matrix): the worst of them; never clean if any is blind. */
export function combinedStatus(reports: readonly Report[]): Report['status'] {
  let worst: Report['status'] = 'clean';
  for (const r of reports) if (STATUS_WEIGHT[r.status] > STATUS_WEIGHT[worst]) worst = r.status;
  return reports.length === 0 ? 'not-traced' : worst;
}
