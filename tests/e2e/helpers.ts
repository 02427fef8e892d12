/**
 * End-to-end helpers: a real build in an installed fixture copy, traced by a real tracer through the
 * library's run pipeline (the same runBuild the CLI calls), and what the trace database holds.
 */
import path from 'node:path';
import type { Logger } from '../../src/core/logger.js';
import { emptyIgnoreRules } from '../../src/config/ignore.js';
import type { Finding } from '../../src/core/findings.js';
import { resolvePlan } from '../../src/plan/resolve.js';
import { runBuild, type RunBuildResult } from '../../src/run/run-build.js';
import { TraceStore, type ProcessRecord } from '../../src/store/store.js';
import { BpftraceTracer } from '../../src/tracer/bpftrace.js';
import { StraceTracer } from '../../src/tracer/strace.js';
import type { Tracer } from '../../src/tracer/types.js';

export const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export type RealTracer = 'bpftrace' | 'strace';

export function tracerOf(name: RealTracer): Tracer {
  return name === 'bpftrace' ? new BpftraceTracer() : new StraceTracer();
}

/** Whether a real tracer works here (root, binary, probes), with the reason when it does not. */
export async function tracerAvailable(name: RealTracer): Promise<{ ok: boolean; reason?: string }> {
  // With a real test probe: a machine where BPF cannot attach fails here, by name, not in each test.
  const a = await (name === 'bpftrace' ? new BpftraceTracer({ probeOnCheck: true }) : new StraceTracer()).check();
  return { ok: a.available, ...(a.reason ? { reason: a.reason } : {}) };
}

export interface TracedRun extends RunBuildResult {
  processes: ProcessRecord[];
  output: string;
  ms: number;
}

/** Plan (auto, from the command) and trace one build in `ws`; the build's output is collected, not echoed. */
export async function tracedRun(ws: string, command: string[], tracer: RealTracer): Promise<TracedRun> {
  const t0 = Date.now();
  const plan = await resolvePlan({ spec: 'auto', cwd: ws, command, log: quiet });
  const chunks: Buffer[] = [];
  const result = await runBuild({
    command,
    cwd: ws,
    plan,
    outDir: path.join(ws, '.io-trace'),
    tracer,
    tracers: [tracerOf(tracer)],
    ignore: emptyIgnoreRules(),
    log: quiet,
    echo: { stdout: (c) => chunks.push(c), stderr: (c) => chunks.push(c) },
    stdin: 'ignore',
  });
  const store = TraceStore.openExisting(result.dbPath!);
  try {
    return {
      ...result,
      processes: store.loadProcesses(result.runId),
      output: Buffer.concat(chunks).toString('utf8'),
      ms: Date.now() - t0,
    };
  } finally {
    store.close();
  }
}

/** Findings as compact rows: "task type path [other]". */
export function rows(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.task} ${f.type} ${f.path}${f.otherTask ? ` ${f.otherTask}` : ''}`).sort();
}

/**
 * The largest number of tasks running at one instant. A task runs from its first process start to its
 * last exit, counting the package-manager runner that started it (an orchestrator process whose child
 * is the task's).
 */
export function maxConcurrentTasks(processes: readonly ProcessRecord[]): number {
  const byKey = new Map(processes.map((p) => [p.key, p]));
  const windows = new Map<string, [number, number]>();
  const extend = (task: string, p: ProcessRecord) => {
    if (p.startedAt === null || p.endedAt === null) return;
    const w = windows.get(task) ?? [Infinity, -Infinity];
    windows.set(task, [Math.min(w[0], p.startedAt), Math.max(w[1], p.endedAt)]);
  };
  for (const p of processes) {
    if (p.taskId === null) continue;
    extend(p.taskId, p);
    const parent = p.parentKey !== null ? byKey.get(p.parentKey) : undefined;
    if (parent && parent.taskId === null && parent.role === 'package-manager') extend(p.taskId, parent);
  }
  const edges: [number, number][] = [];
  for (const [start, end] of windows.values()) edges.push([start, 1], [end, -1]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cur = 0;
  let max = 0;
  for (const [, d] of edges) max = Math.max(max, (cur += d));
  return max;
}

/** Incomplete reasons that are about tasks (not-run, cached), not about the tracer. */
export function taskReasons(reasons: readonly string[]): string[] {
  return reasons.filter((r) => r.startsWith('task '));
}
