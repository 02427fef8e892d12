import { READ_OPS, WRITE_OPS, type AccessOp } from '../core/events.js';
import type { HtmlRun, HtmlTask } from '../report/html.js';
import { displayCommand } from '../report/text.js';
import type { RunRecord, TraceStore } from '../store/store.js';
import { findingCauses } from './causes.js';
import { processTasks, processTree, runSpans, sourceOf } from './queries.js';
import { storedReport } from './stored-report.js';

const BINS = 80;
const LANE_PROCESSES = 40;

/** Everything the HTML report shows for one run, read from the database (accesses folded into time bins). */
export function collectHtmlRun(store: TraceStore, run: RunRecord): HtmlRun {
  const report = storedReport(store, run);
  const statuses = store.taskStatuses(run.id);
  const processes = store.loadProcesses(run.id);
  const spans = runSpans(store, run.id);
  let startTs = run.startedAt;
  let endTs = run.endedAt ?? run.startedAt;
  for (const t of statuses) {
    if (t.startedAt !== null) startTs = Math.min(startTs, t.startedAt);
    if (t.endedAt !== null) endTs = Math.max(endTs, t.endedAt);
  }
  for (const p of processes) {
    if (p.startedAt !== null) startTs = Math.min(startTs, p.startedAt);
    if (p.endedAt !== null) endTs = Math.max(endTs, p.endedAt);
  }
  const width = Math.max(1, endTs - startTs);
  const findingCount = new Map<string, number>();
  for (const f of report.findings) for (const t of f.tasks ?? [f.task]) findingCount.set(t, (findingCount.get(t) ?? 0) + 1);
  const tasks = new Map<string, HtmlTask>();
  for (const t of statuses) {
    tasks.set(t.taskId, {
      id: t.taskId,
      status: t.status,
      startedAt: t.startedAt,
      endedAt: t.endedAt,
      processes: [],
      moreProcesses: 0,
      reads: new Array(BINS).fill(0),
      writes: new Array(BINS).fill(0),
      findings: findingCount.get(t.taskId) ?? 0,
    });
  }
  for (const p of processes) {
    const t = p.taskId !== null ? tasks.get(p.taskId) : undefined;
    if (!t) continue;
    if (t.processes.length >= LANE_PROCESSES) {
      t.moreProcesses++;
      continue;
    }
    t.processes.push({ pid: p.pid, startedAt: p.startedAt, endedAt: p.endedAt, command: p.argv ? displayCommand(p.argv) : p.exe ?? '' });
  }
  const procs = processTasks(store, run.id);
  const scope = store.accessScope(run.id);
  const rows = store.db
    .prepare(`SELECT proc_key, op, first_ts FROM accesses WHERE ${scope.sql} AND errno = 0`)
    .iterateArrays(...scope.params) as Iterable<[number, AccessOp, number]>;
  for (const [key, op, ts] of rows) {
    const taskId = procs.get(key);
    const t = taskId ? tasks.get(taskId) : undefined;
    if (!t) continue;
    const bin = Math.min(BINS - 1, Math.max(0, Math.floor(((ts - startTs) / width) * BINS)));
    if (READ_OPS.has(op)) t.reads[bin]++;
    else if (WRITE_OPS.has(op)) t.writes[bin]++;
  }
  return {
    report,
    causes: findingCauses(store, run, report.findings),
    trees: Object.fromEntries([...tasks.keys()].map((id) => [id, processTree(store, run, id)])),
    host: run.host,
    source: sourceOf(run),
    runStartTs: run.startedAt,
    startTs,
    endTs,
    bins: BINS,
    tasks: [...tasks.values()],
    spans: spans.map((s) => ({
      name: s.name,
      label: s.name === 'task' && s.attributes.task !== undefined ? `task ${String(s.attributes.task)}${s.derived ? ' (from processes)' : ''}` : s.name,
      startTs: s.startTs,
      durationMs: s.durationMs,
      status: s.status,
      error: s.error,
      depth: s.depth,
    })),
  };
}
