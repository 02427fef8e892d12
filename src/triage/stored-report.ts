import type { TaskResult } from '../analysis/analyse.js';
import { READ_OPS, WRITE_OPS } from '../core/events.js';
import { buildReport, type Report } from '../report/report.js';
import type { RunRecord, TraceStore } from '../store/store.js';
import { IO_TRACE_VERSION } from '../version.js';

/**
 * The JSON report of a run as stored (findings and task statuses from the database, nothing
 * re-analysed), for runs read after the fact: `merge`, `report`. Task read/write counts are distinct
 * successful workspace paths as traced (before ignore rules, which only the analyser applies).
 */
export function storedReport(store: TraceStore, run: RunRecord): Report {
  const findings = store.loadFindings(run.id);
  // Distinct paths per task and kind, counted by SQLite (no set of a million paths in memory). Paths
  // under root/ sort between "root/" and "root0" ('0' follows '/').
  const root = (run.workspaceRoot ?? run.cwd).replace(/\/?$/, '/');
  const readOps = [...READ_OPS];
  const writeOps = [...WRITE_OPS];
  const scope = store.accessScope(run.id, 'a');
  const perTask = new Map<string, { reads: number; writes: number }>();
  const rows = store.db
    .prepare(
      `SELECT p.task_id AS task, a.op IN (${readOps.map(() => '?').join(',')}) AS isRead, count(DISTINCT a.path) AS n
       FROM accesses a JOIN processes p ON p.run_id = a.run_id AND p.key = a.proc_key
       WHERE ${scope.sql} AND a.errno = 0 AND p.task_id IS NOT NULL AND a.path >= ? AND a.path < ?
         AND a.op IN (${[...readOps, ...writeOps].map(() => '?').join(',')})
       GROUP BY p.task_id, isRead`,
    )
    .all(...readOps, ...scope.params, root, root.slice(0, -1) + '0', ...readOps, ...writeOps) as { task: string; isRead: number; n: number }[];
  for (const r of rows) {
    const t = perTask.get(r.task) ?? { reads: 0, writes: 0 };
    if (r.isRead) t.reads = r.n;
    else t.writes = r.n;
    perTask.set(r.task, t);
  }
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.task, (counts.get(f.task) ?? 0) + 1);
  const tasks: TaskResult[] = store.taskStatuses(run.id).map((t) => ({
    taskId: t.taskId,
    status: (t.status ?? 'not-run') as TaskResult['status'],
    reads: perTask.get(t.taskId)?.reads ?? 0,
    writes: perTask.get(t.taskId)?.writes ?? 0,
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
