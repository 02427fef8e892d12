import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProcessTable, TaskMatcher } from '../attribution/process-table.js';
import { INCOMPLETE_NOTICE_KINDS } from '../core/events.js';
import { IoTraceError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { StoreSpanRecorder } from '../core/spans.js';
import { collectHostFacts } from './host-facts.js';
import type { IgnoreRules } from '../config/ignore.js';
import { NX_ENV } from '../plan/nx.js';
import { TURBO_ENV } from '../plan/turbo.js';
import type { Plan } from '../plan/types.js';
import type { Report } from '../report/report.js';
import { TraceIngestor } from '../store/ingest.js';
import { TraceStore } from '../store/store.js';
import { launchStopped, type BuildExit, type LaunchedBuild } from '../tracer/launch.js';
import { selectTracer, type TracerRequest } from '../tracer/select.js';
import type { Tracer, TracerOutcome } from '../tracer/types.js';
import { IO_TRACE_VERSION } from '../version.js';
import { analyseRun } from './analyse-run.js';
import { detectCacheHits, PARSED_OUTPUT_LINE } from './cache-hits.js';
import { OutputCapture, type EchoTargets } from './output.js';
import { ensureOutputDir } from './output-dir.js';

export interface RunBuildOptions {
  command: string[];
  cwd: string;
  plan: Plan;
  /** Directory for the database and logs (default: <cwd>/.io-trace). */
  outDir: string;
  /** Database file (default: <outDir>/trace.db). */
  dbPath?: string;
  tracer: TracerRequest;
  /** Candidate tracers, best first (injected so the library does not hard-wire backends). */
  tracers: Tracer[];
  user?: string;
  ignore: IgnoreRules;
  log: Logger;
  /** Where the build's output is echoed live; null: only saved to files. */
  echo: EchoTargets | null;
  env?: NodeJS.ProcessEnv;
  stdin?: 'inherit' | 'ignore';
  /** Called once the build is running, with a function that stops it (for signal forwarding). */
  onBuildStarted?: (stop: (signal: NodeJS.Signals) => void) => void;
}

export interface RunBuildResult {
  runId: number;
  dbPath: string;
  exit: BuildExit;
  report: Report;
  /** The exit code io-trace should pass on for the build: its own code, or 128+N for signal N. */
  buildExitCode: number;
}

/**
 * The whole `run`: start the build stopped, attach the tracer, let the build run while its output
 * streams live and its events flow into the database, then analyse and return the report.
 * The build's exit code always comes through; tracing trouble degrades the verdict, not the build.
 */
export async function runBuild(options: RunBuildOptions): Promise<RunBuildResult> {
  const { log } = options;
  ensureOutputDir(options.outDir);
  const dbPath = path.resolve(options.dbPath ?? path.join(options.outDir, 'trace.db'));
  ensureOutputDir(path.dirname(dbPath));
  const spans = new StoreSpanRecorder();
  const selected = await spans.withSpan('setup', {}, () => selectTracer(options.tracer, options.tracers, log));
  let tracerName = selected.tracer.name;

  const store = TraceStore.create(dbPath);
  const startedAt = Date.now();
  const runId = store.createRun({
    ioTraceVersion: IO_TRACE_VERSION,
    command: options.command,
    cwd: options.cwd,
    workspaceRoot: options.plan.workspaceRoot,
    planSource: options.plan.source,
    planFile: options.plan.file ?? null,
    tracer: tracerName,
    tracerVersion: selected.version,
    tracerReason: selected.reason,
    startedAt,
    host: { ...collectHostFacts(options.env ?? process.env) },
  });
  spans.bind(store, runId);
  store.saveTasks(runId, options.plan.tasks);

  // Logs live beside the database, named by run, and are recorded relative to it.
  const dbDir = path.dirname(dbPath);
  const logDir = path.join(dbDir, 'runs', String(runId));
  mkdirSync(logDir, { recursive: true });
  const files = { stdout: path.join(logDir, 'stdout.log'), stderr: path.join(logDir, 'stderr.log'), transcript: path.join(logDir, 'transcript.log') };
  store.updateRun(runId, {
    stdoutPath: path.relative(dbDir, files.stdout),
    stderrPath: path.relative(dbDir, files.stderr),
    transcriptPath: path.relative(dbDir, files.transcript),
  });

  const env: NodeJS.ProcessEnv = {
    ...(options.env ?? process.env),
    // The Nx daemon would compute outside the traced tree and outlive it; turbo's banners are noise.
    ...(options.plan.source === 'nx' ? NX_ENV : options.plan.source === 'turbo' ? TURBO_ENV : {}),
    // libuv's io_uring file I/O is invisible to syscall tracing; Node honours this since 20.3.
    UV_USE_IO_URING: '0',
  };
  const incomplete: string[] = [];
  let build: LaunchedBuild;
  try {
    build = await launchStopped({ command: options.command, cwd: options.cwd, env, ...(options.user ? { user: options.user } : {}), stdin: options.stdin ?? 'inherit' });
  } catch (e) {
    store.updateRun(runId, { status: 'failed', endedAt: Date.now(), incompleteReasons: [(e as Error).message] });
    store.close();
    throw e;
  }
  const capture = new OutputCapture(files, options.echo);
  capture.attach(build.child.stdout, 'stdout');
  capture.attach(build.child.stderr, 'stderr');

  // A one-task native plan owns the whole tree; under nx/turbo the tool's own processes stay orchestrator.
  const single = options.plan.source === 'file' && options.plan.tasks.length === 1 ? options.plan.tasks[0].id : undefined;
  const processes = new ProcessTable({
    rootPid: build.pid,
    matcher: new TaskMatcher(options.plan),
    ...(single !== undefined ? { defaultTask: single } : {}),
    outsideRole: options.plan.source === 'file' ? 'unattributed' : 'orchestrator',
    startedAt,
  });
  const ingest = new TraceIngestor(store, runId, processes);
  let session = selected.tracer.attach({ pid: build.pid, sink: ingest.sink, log, workDir: logDir });
  const attachStart = Date.now();
  try {
    await session.ready;
    spans.recordSpan('attach', attachStart, Date.now() - attachStart, { tracer: tracerName });
  } catch (e) {
    // Fail open on the build: run it untraced and say so.
    const why = e instanceof IoTraceError ? e.message : String(e);
    log.warn(`${tracerName} could not attach (${why}); the build runs untraced`);
    spans.recordSpan('attach', attachStart, Date.now() - attachStart, { tracer: tracerName, error: why });
    await session.finish().catch(() => undefined);
    incomplete.push(`${tracerName} failed to attach: ${why}`);
    store.updateRun(runId, { tracer: 'none', tracerReason: `${selected.reason}; ${tracerName} failed to attach: ${why}` });
    tracerName = 'none';
    session = { ready: Promise.resolve(), finish: async () => ({ lostEvents: 0, incompleteReasons: [], eventCount: 0, diagnostics: [] }) };
  }

  const buildStart = Date.now();
  let stopRequested: NodeJS.Signals | undefined;
  options.onBuildStarted?.((signal) => {
    stopRequested ??= signal;
    build.signal(signal);
  });
  build.resume();
  const exit = await build.exited;
  const buildSpan = spans.recordSpan('build', buildStart, Date.now() - buildStart, { exitCode: exit.code, signal: exit.signal });
  await capture.close();

  let outcome: TracerOutcome;
  const finishStart = Date.now();
  try {
    outcome = await session.finish();
  } catch (e) {
    incomplete.push(`${tracerName} failed while stopping: ${(e as Error).message}`);
    outcome = { lostEvents: 0, incompleteReasons: [], eventCount: ingest.eventCount, diagnostics: [] };
  }
  spans.recordSpan('detach', finishStart, Date.now() - finishStart, { tracer: tracerName });

  await spans.withSpan('ingest', {}, () => ingest.close());
  // Each backend summarises its own notices (lost events, io_uring...) into these reasons.
  incomplete.push(...outcome.incompleteReasons);
  if (outcome.incompleteReasons.length === 0) {
    const kinds = new Set(ingest.notices.filter((n) => INCOMPLETE_NOTICE_KINDS.has(n.kind)).map((n) => n.kind));
    for (const kind of kinds) {
      const all = ingest.notices.filter((n) => n.kind === kind);
      // Lost events: the total of every report, as lostEvents says, not the first report's count.
      incomplete.push(kind === 'lost' ? `${tracerName} lost ${all.reduce((s, n) => s + (n.count ?? 0), 0)} events` : all[0].message);
    }
  }
  if (processes.unknownTaskNames.size) {
    incomplete.push(`IO_TRACE_TASK named unknown task(s) ${[...processes.unknownTaskNames].map((t) => JSON.stringify(t)).join(', ')}: their processes are unattributed`);
  }
  if (exit.signal) incomplete.push(`the build was killed by ${exit.signal} before it finished`);
  else if (stopRequested) incomplete.push(`the build was stopped (${stopRequested}) before it finished`);

  const traceReasons = [...new Set(incomplete)];
  for (const why of traceReasons) store.addTraceIncompleteReason(runId, why);
  store.updateRun(runId, {
    endedAt: Date.now(),
    exitCode: exit.code,
    signal: exit.signal,
    eventCount: ingest.eventCount,
    lostEvents: outcome.lostEvents,
    incompleteReasons: traceReasons,
  });
  spans.recordMetric('events', ingest.eventCount);
  spans.recordMetric('distinct_accesses', ingest.distinctAccesses);
  spans.recordMetric('processes', processes.size);
  spans.recordMetric('output_bytes', capture.bytes.stdout + capture.bytes.stderr);

  try {
    const outRel = path.relative(options.plan.workspaceRoot, dbDir);
    const extraIgnores = outRel && !outRel.startsWith('..') ? [outRel] : [];
    const cache = tracerName === 'none' || options.plan.source === 'file' ? undefined : detectCacheHits({ plan: options.plan, command: options.command, output: cacheLines(files), processCounts: countProcesses(processes), exitCode: exit.code });
    const report = await spans.withSpan('analysis', {}, () =>
      analyseRun(store, runId, { ignore: options.ignore, extraIgnores, ...(cache ? { cachedTasks: cache.cached, cacheEvidence: cache.evidence, ...(cache.skipped ? { skippedTasks: cache.skipped } : {}) } : {}) }),
    );
    // Each task's wall time, from its first process start to its last exit, nested under the build.
    for (const t of store.taskStatuses(runId)) {
      if (t.startedAt === null || t.endedAt === null) continue;
      spans.recordSpan('task', t.startedAt, Math.max(0, t.endedAt - t.startedAt), { task: t.taskId, processes: t.processCount }, { parent: buildSpan });
    }
    return { runId, dbPath, exit, report, buildExitCode: exitCodeOf(exit) };
  } finally {
    store.close();
  }
}

/**
 * The lines of the build's saved output (stdout and stderr) that mention a cache or an nx task: all the
 * cache-hit parser needs. Read in 1 MiB chunks, so a build that printed gigabytes is not held in memory.
 */
function cacheLines(files: { stdout: string; stderr: string }): string {
  const kept: string[] = [];
  const chunk = Buffer.alloc(1 << 20);
  for (const f of [files.stdout, files.stderr]) {
    let fd: number;
    try {
      fd = openSync(f, 'r');
    } catch {
      continue; // a missing log is empty
    }
    try {
      let carry = '';
      for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
        const lines = (carry + chunk.toString('utf8', 0, n)).split(/\r?\n|\r/);
        carry = lines.pop() ?? '';
        for (const l of lines) if (PARSED_OUTPUT_LINE.test(l)) kept.push(l);
        if (carry.length > 1 << 20) carry = ''; // a single endless line is not a cache line
      }
      if (PARSED_OUTPUT_LINE.test(carry)) kept.push(carry);
    } finally {
      closeSync(fd);
    }
  }
  return kept.join('\n');
}

function countProcesses(processes: ProcessTable): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of processes.records()) if (p.taskId !== null) counts.set(p.taskId, (counts.get(p.taskId) ?? 0) + 1);
  return counts;
}

/** The build's exit status as a shell would report it. */
export function exitCodeOf(exit: BuildExit): number {
  if (exit.code !== null) return exit.code;
  const n = exit.signal ? os.constants.signals[exit.signal] : undefined;
  return 128 + (n ?? 0);
}
