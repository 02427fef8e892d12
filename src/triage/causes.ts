import path from 'node:path';
import { READ_OPS, WRITE_OPS, type AccessOp } from '../core/events.js';
import type { Finding } from '../core/findings.js';
import type { FindingCause } from '../core/records.js';
import type { ProcessRecord, RunRecord, TraceStore } from '../store/store.js';

/**
 * Why a finding exists: the process that made the access, its chain of parents within the task
 * (`node .../esbuild <- tsup <- pnpm run build`), when it first did and how many times the task did.
 * Read from the database, so it works on any recorded run (no re-analysis).
 */
export type { FindingCause } from '../core/records.js';

/** The kind of access each finding type is about; the others (missing_output, unused_input) have none. */
const CAUSE_OP: Partial<Record<Finding['type'], 'read' | 'write'>> = {
  unexpected_read: 'read',
  undeclared_dependency: 'read',
  unexpected_write: 'write',
  overlapping_output: 'write',
  input_mutation: 'write',
};

const MAX_CHAIN = 6;

/** A finding with the access behind it, as triage shows it (`cause` absent: none recorded). */
export type ExplainedFinding = Finding & { cause?: FindingCause };

export function explainFindings(store: TraceStore, run: RunRecord, findings: readonly Finding[]): ExplainedFinding[] {
  const causes = findingCauses(store, run, findings);
  return findings.map((f, i) => (causes[i] ? { ...f, cause: causes[i] } : f));
}

export function findingCauses(store: TraceStore, run: RunRecord, findings: readonly Finding[]): (FindingCause | undefined)[] {
  const root = run.workspaceRoot ?? run.cwd;
  const wanted = findings.map((f) => {
    const op = CAUSE_OP[f.type];
    const rel = f.samples?.[0] ?? f.path;
    return op ? { op, rel, abs: path.posix.join(root, rel) } : undefined;
  });
  const paths = [...new Set(wanted.flatMap((w) => (w ? [w.abs] : [])))];
  if (paths.length === 0) return findings.map(() => undefined);

  const procs = new Map(store.loadProcesses(run.id).map((p) => [p.key, p]));
  // One pass over the run's accesses to these paths (chunked: SQLite limits bound parameters).
  const hits = new Map<string, { procKey: number; op: AccessOp; count: number; firstTs: number }[]>();
  for (let i = 0; i < paths.length; i += 500) {
    const chunk = paths.slice(i, i + 500);
    const rows = store.db
      .prepare(`SELECT proc_key AS procKey, path, op, count, first_ts AS firstTs FROM accesses WHERE run_id = ? AND errno = 0 AND path IN (${chunk.map(() => '?').join(', ')})`)
      .all(run.id, ...chunk) as { procKey: number; path: string; op: AccessOp; count: number; firstTs: number }[];
    for (const r of rows) {
      let list = hits.get(r.path);
      if (!list) hits.set(r.path, (list = []));
      list.push(r);
    }
  }

  return findings.map((f, i) => {
    const w = wanted[i];
    if (!w) return undefined;
    const ops = w.op === 'read' ? READ_OPS : WRITE_OPS;
    const mine = (hits.get(w.abs) ?? []).filter((h) => ops.has(h.op) && procs.get(h.procKey)?.taskId === f.task);
    if (mine.length === 0) return undefined;
    const first = mine.reduce((a, b) => (b.firstTs < a.firstTs ? b : a));
    const proc = procs.get(first.procKey)!;
    return {
      op: w.op,
      path: w.rel,
      pid: proc.pid,
      procKey: proc.key,
      chain: chainOf(proc, procs),
      firstTs: first.firstTs,
      count: mine.reduce((n, h) => n + h.count, 0),
    };
  });
}

/** The process and its parents that belong to the same task, nearest first. */
function chainOf(proc: ProcessRecord, procs: Map<number, ProcessRecord>): string[] {
  const out: string[] = [];
  for (let p: ProcessRecord | undefined = proc; p && out.length < MAX_CHAIN; p = p.parentKey !== null ? procs.get(p.parentKey) : undefined) {
    if (p !== proc && p.taskId !== proc.taskId) break;
    out.push(processLabel(p));
  }
  return out;
}

/** A short name for a process: its program (basename) and first arguments, e.g. `node .../tsup/dist/cli.js --minify`. */
export function processLabel(p: Pick<ProcessRecord, 'argv' | 'exe' | 'pid'>): string {
  const argv = p.argv?.length ? p.argv : p.exe ? [p.exe] : [`pid ${p.pid}`];
  const short = argv.map((a, i) => {
    if (i === 0) return path.posix.basename(a);
    // Long script paths keep their last parts: `.../esbuild/bin/esbuild`.
    const parts = a.split('/');
    return a.startsWith('/') && parts.length > 4 ? `.../${parts.slice(-3).join('/')}` : a;
  });
  const text = short.join(' ');
  return text.length > 80 ? text.slice(0, 77) + '...' : text;
}

/** One line for a terminal: `read by tsc -p . <- sh -c tsc <- npm run build (pid 12, 3 times)`. */
export function formatCause(c: FindingCause, runStart: number): string {
  const at = ((c.firstTs - runStart) / 1000).toFixed(2);
  return `${c.op === 'read' ? 'read' : 'written'} by ${c.chain.join(' <- ')} (pid ${c.pid}, first at +${at}s${c.count > 1 ? `, ${c.count} times` : ''})`;
}
