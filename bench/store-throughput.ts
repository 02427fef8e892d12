/**
 * Store and analyser throughput (issue target: >= 300k events/s into SQLite; 1M accesses against
 * 1k tasks analysed in <= 5 s). Synthetic events, real SQLite file, real analyser.
 *
 *   node bench/run.mjs store-throughput [--events 2000000] [--accesses 1000000] [--tasks 1000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ProcessTable, TaskMatcher } from '../src/attribution/process-table.js';
import type { AccessEvent, TraceEvent } from '../src/core/events.js';
import { emptyIgnoreRules } from '../src/config/ignore.js';
import type { PlanTask } from '../src/plan/types.js';
import { analyseRun } from '../src/run/analyse-run.js';
import { TraceIngestor } from '../src/store/ingest.js';
import { TraceStore } from '../src/store/store.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const EVENTS = arg('events', 2_000_000);
const ACCESSES = arg('accesses', 1_000_000);
const TASKS = arg('tasks', 1000);
const dir = mkdtempSync(path.join(tmpdir(), 'io-trace-bench-'));
const ws = '/bench-workspace';

function tasks(n: number): PlanTask[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}:build`,
    project: `p${i}`,
    target: 'build',
    projectRoot: `packages/p${i}`,
    inputs: [`packages/p${i}/src/**`, `packages/p${i}/package.json`],
    outputs: [`packages/p${i}/dist`],
    dependsOn: i > 0 ? [`p${i - 1}:build`] : [],
    identity: { IO_TRACE_TASK: `p${i}:build` },
  }));
}

function newRun(store: TraceStore, planTasks: PlanTask[]) {
  const runId = store.createRun({ ioTraceVersion: 'bench', command: ['bench'], cwd: ws, workspaceRoot: ws, planSource: 'file', tracer: 'bpftrace', startedAt: Date.now() });
  store.saveTasks(runId, planTasks);
  return runId;
}

// (1) Ingest: a stream of access events as a tracer delivers them (batches of 512), 1 in 10 distinct.
{
  const store = TraceStore.create(path.join(dir, 'ingest.db'));
  const planTasks = tasks(100);
  const runId = newRun(store, planTasks);
  const procs = new ProcessTable({ rootPid: 1, matcher: new TaskMatcher({ tasks: planTasks }), outsideRole: 'unattributed', startedAt: 0, readEnviron: () => undefined });
  for (let p = 2; p < 1002; p++) procs.fork(1, p, 0);
  const ingest = new TraceIngestor(store, runId, procs, 0);
  const distinct = Math.floor(EVENTS / 10);
  const batches: TraceEvent[][] = [];
  let batch: AccessEvent[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const k = i % distinct;
    batch.push({ type: 'access', ts: i, pid: 2 + (k % 1000), op: k % 7 === 0 ? 'create' : 'read', path: `${ws}/packages/p${k % 100}/src/dir${k % 97}/file${k}.ts`, errno: 0 });
    if (batch.length === 512) {
      batches.push(batch);
      batch = [];
    }
  }
  batches.push(batch);
  const t0 = performance.now();
  let sinceFlush = 0;
  for (const b of batches) {
    ingest.sink(b);
    sinceFlush += b.length;
    if (sinceFlush >= 100_000) {
      ingest.flush(); // what the 1 s timer does during a real run
      sinceFlush = 0;
    }
  }
  ingest.close();
  const s = (performance.now() - t0) / 1000;
  console.log(`ingest: ${EVENTS.toLocaleString('en-US')} events (${ingest.distinctAccesses.toLocaleString('en-US')} distinct rows) in ${s.toFixed(2)} s = ${Math.round(EVENTS / s).toLocaleString('en-US')} events/s (target >= 300,000)`);
  store.close();
}

// (2) Ingest of all-distinct accesses (worst case: every event is a new row).
{
  const store = TraceStore.create(path.join(dir, 'distinct.db'));
  const planTasks = tasks(TASKS);
  const runId = newRun(store, planTasks);
  const perTask = Math.floor(ACCESSES / TASKS);
  // One process per task, marked by IO_TRACE_TASK.
  const taskOfPid = new Map<number, string>();
  for (let t = 0; t < TASKS; t++) taskOfPid.set(10 + t, planTasks[t].id);
  const procsWithEnv = new ProcessTable({
    rootPid: 1,
    matcher: new TaskMatcher({ tasks: planTasks }),
    outsideRole: 'unattributed',
    startedAt: 0,
    readEnviron: (pid) => (taskOfPid.has(pid) ? new Map([['IO_TRACE_TASK', taskOfPid.get(pid)!]]) : undefined),
  });
  for (let t = 0; t < TASKS; t++) {
    procsWithEnv.fork(1, 10 + t, 0);
    procsWithEnv.exec(10 + t, '/usr/bin/node', ['node', 'build.js'], `${ws}/packages/p${t}`, 0);
  }
  const ingest = new TraceIngestor(store, runId, procsWithEnv, 0);
  const t0 = performance.now();
  let n = 0;
  for (let t = 0; t < TASKS; t++) {
    const batch: AccessEvent[] = [];
    for (let j = 0; j < perTask; j++) {
      // 80% reads of declared sources, 10% writes to dist, 5% undeclared reads, 5% reads of the previous task's dist.
      const r = j % 20;
      const p =
        r < 16 ? `${ws}/packages/p${t}/src/m${j % 50}/f${j}.ts`
        : r < 18 ? `${ws}/packages/p${t}/dist/f${j}.js`
        : r < 19 ? `${ws}/config/shared${j % 40}.json`
        : `${ws}/packages/p${Math.max(0, t - 1)}/dist/f${j}.js`;
      batch.push({ type: 'access', ts: n++, pid: 10 + t, op: r >= 16 && r < 18 ? 'create' : 'read', path: p, errno: 0 });
    }
    ingest.sink(batch);
    if (t % 100 === 99) ingest.flush();
  }
  ingest.close();
  const s = (performance.now() - t0) / 1000;
  console.log(`ingest (all distinct): ${n.toLocaleString('en-US')} rows in ${s.toFixed(2)} s = ${Math.round(n / s).toLocaleString('en-US')} events/s`);

  // (3) Analysis of those accesses: load from SQLite, attribute, analyse, save findings.
  const t1 = performance.now();
  const report = analyseRun(store, runId, { ignore: emptyIgnoreRules() });
  const a = (performance.now() - t1) / 1000;
  console.log(`analyse: ${store.accessCount(runId).toLocaleString('en-US')} accesses x ${TASKS} tasks in ${a.toFixed(2)} s, ${report.findings.length.toLocaleString('en-US')} findings (target <= 5 s) [driver ${store.db.driver}]`);
  store.close();
}
rmSync(dir, { recursive: true, force: true });
