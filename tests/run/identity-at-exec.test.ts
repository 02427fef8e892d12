/**
 * Task identity is taken at the exec, by the tracer (bpftrace reads the new program's environment in
 * the kernel; strace prints execve's envp), not from /proc/PID/environ afterwards: a task whose only
 * process lives a millisecond or two is still attributed, even with the CPUs busy. One traced build
 * runs 50 batches of such tasks in a row; every task must own its process and its read.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyIgnoreRules } from '../../src/config/ignore.js';
import { silentLogger } from '../../src/core/logger.js';
import { loadPlanFile } from '../../src/plan/file.js';
import { runBuild } from '../../src/run/run-build.js';
import { TraceStore } from '../../src/store/store.js';
import { BpftraceTracer } from '../../src/tracer/bpftrace.js';
import { StraceTracer } from '../../src/tracer/strace.js';
import type { Tracer } from '../../src/tracer/types.js';
import { makeWorkspace } from '../helpers/workspace.js';

const BATCHES = 50;
const PER_BATCH = 4;

const tracers: [string, () => Tracer][] = [
  ['bpftrace', () => new BpftraceTracer()],
  ['strace', () => new StraceTracer()],
];

describe.each(tracers)('task identity at exec with %s', (name, make) => {
  let ws: ReturnType<typeof makeWorkspace>;
  let tracer: Tracer;

  beforeAll(async () => {
    tracer = make();
    const a = await tracer.check();
    // In CI (and here, as root) a missing tracer is a failure, never a skip.
    if (!a.available) throw new Error(`${name} is not usable here (${a.reason}); run as root with it installed (see .ci/run)`);
    const tasks = [];
    const lines = [
      'set -e',
      // Two CPU hogs in the traced tree (no syscalls), so the short tasks run on busy CPUs.
      'timeout 300 sh -c "while :; do :; done" & h1=$!',
      'timeout 300 sh -c "while :; do :; done" & h2=$!',
      'trap \'kill $h1 $h2 2>/dev/null || true\' EXIT',
    ];
    const files: Record<string, string> = {};
    for (let b = 1; b <= BATCHES; b++) {
      const batch: string[] = [];
      for (let t = 1; t <= PER_BATCH; t++) {
        const id = `b${b}:t${t}`;
        const input = `in/b${b}-t${t}.txt`;
        files[input] = `${id}\n`;
        tasks.push({ id, target: { project: `b${b}`, target: `t${t}` }, inputs: [input], outputs: [] });
        // The task's only process: `cat`, exec'd with the identity in its environment, gone in ~1 ms.
        batch.push(`IO_TRACE_TASK=${id} cat ${input} > /dev/null & p${t}=$!`);
      }
      lines.push(...batch, `wait ${Array.from({ length: PER_BATCH }, (_, i) => `$p${i + 1}`).join(' ')}`);
    }
    ws = makeWorkspace({
      ...files,
      'build.sh': lines.join('\n') + '\n',
      'io-trace.plan.json': JSON.stringify({ version: 1, tasks }),
    });
  });
  afterAll(() => ws?.cleanup());

  it(`attributes every one of ${BATCHES * PER_BATCH} tasks whose process lives a few ms, under CPU load`, async () => {
    const plan = loadPlanFile(path.join(ws.root, 'io-trace.plan.json'));
    const result = await runBuild({
      command: ['sh', 'build.sh'],
      cwd: ws.root,
      plan,
      outDir: path.join(ws.root, '.io-trace'),
      tracer: name as 'bpftrace' | 'strace',
      tracers: [tracer],
      ignore: emptyIgnoreRules(),
      log: silentLogger,
      echo: null,
      stdin: 'ignore',
    });
    expect(result.buildExitCode).toBe(0);
    const store = TraceStore.openExisting(result.dbPath!);
    let processes;
    try {
      processes = store.loadProcesses(result.runId);
    } finally {
      store.close();
    }
    // Each task owns exactly its cat, found by the identity read at the exec (not inherited: the
    // shell that starts it has none).
    const byTask = new Map<string, string[]>();
    for (const p of processes) if (p.taskId !== null) byTask.set(p.taskId, [...(byTask.get(p.taskId) ?? []), path.basename(p.exe ?? '')]);
    const missing = plan.tasks.map((t) => t.id).filter((id) => !byTask.has(id));
    expect(missing).toEqual([]);
    for (const [id, exes] of byTask) expect(exes, id).toEqual(['cat']);
    // And each read its declared input, nothing else: clean, nothing incomplete.
    expect(result.report.incompleteReasons).toEqual([]);
    expect(result.report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(result.report.status).toBe('clean');
  });
});
