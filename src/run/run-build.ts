import { closeSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProcessTable, TaskMatcher } from '../attribution/process-table.js';
import { INCOMPLETE_NOTICE_KINDS } from '../core/events.js';
import { IoTraceError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { StoreSpanRecorder } from '../core/spans.js';
import { collectHostFacts } from './host-facts.js';
import { emptyIgnoreRules, type IgnoreRules } from '../config/ignore.js';
import { NX_ENV } from '../plan/nx.js';
import { TURBO_ENV } from '../plan/turbo.js';
import type { Plan } from '../plan/types.js';
import { buildReport, type Report } from '../report/report.js';
import { TraceIngestor } from '../store/ingest.js';
import { TraceStore, type NewRun, type RunRecord } from '../store/store.js';
import { describeWriteFailure, makeDirectory, writeProblem } from '../store/write-errors.js';
import { launchStopped, type BuildExit, type LaunchedBuild } from '../tracer/launch.js';
import { STANDBY_ENV, standbyDir } from '../tracer/standby.js';
import { selectTracer, type TracerRequest } from '../tracer/select.js';
import type { AttachOptions, Tracer, TracerOutcome, TracerSession } from '../tracer/types.js';
import { IO_TRACE_VERSION } from '../version.js';
import { analyseRun } from './analyse-run.js';
import { detectCacheHits, PARSED_OUTPUT_LINE, turboRunHashes } from './cache-hits.js';
import { AGENT_FORMATS, detectFileFormat } from '../transcript/index.js';
import { FileGrowthWatcher, OutputCapture, timesPathOf, type EchoTargets, type OutputFiles } from './output.js';
import { ensureOutputDir } from './output-dir.js';

/**
 * A plan still being resolved (nx and turbo take seconds): the build is launched stopped and the tracer
 * compiles and attaches meanwhile, so that time is not paid twice. `source` is known up front (it picks
 * the build's environment); `prepared` brings the plan and the ignore rules read from its workspace.
 */
export interface PlanInProgress {
  source: Plan['source'];
  prepared: Promise<{ plan: Plan; ignore: IgnoreRules }>;
}

export interface RunBuildOptions {
  command: string[];
  cwd: string;
  /** The plan, or one being resolved (then `ignore` comes with it). */
  plan: Plan | PlanInProgress;
  /** Directory for the database and logs (default: <cwd>/.io-trace). */
  outDir: string;
  /** Database file (default: <outDir>/trace.db). */
  dbPath?: string;
  tracer: TracerRequest;
  /** Candidate tracers, best first (injected so the library does not hard-wire backends). */
  tracers: Tracer[];
  user?: string;
  /** Ignore rules (with a PlanInProgress, those it brings are used instead). */
  ignore?: IgnoreRules;
  log: Logger;
  /** Where the build's output is echoed live; null: only saved to files. */
  echo: EchoTargets | null;
  /** With no echo: where output goes that cannot be saved (a full disk), rather than nowhere. */
  fallbackEcho?: EchoTargets;
  env?: NodeJS.ProcessEnv;
  stdin?: 'inherit' | 'ignore';
  /**
   * The agent's own transcript, when it writes one to a file (absolute path): recorded relative to the
   * database and timed by polling its growth. Default: the build's stdout, when an adapter recognises it.
   */
  transcript?: string;
  /** Called once the build is running, with a function that stops it (for signal forwarding). */
  onBuildStarted?: (stop: (signal: NodeJS.Signals) => void) => void;
}

export interface RunBuildResult {
  runId: number;
  /** The database holding the run; null when none could be written (the build then ran untraced). */
  dbPath: string | null;
  exit: BuildExit;
  report: Report;
  /** The exit code io-trace should pass on for the build: its own code, or 128+N for signal N. */
  buildExitCode: number;
}

/**
 * The whole `run`: start the build stopped, attach the tracer, let the build run while its output
 * streams live and its events flow into the database, then analyse and return the report.
 * The build's exit code always comes through; tracing trouble degrades the verdict, not the build.
 * A database that cannot be written (full disk, read-only folder) is tracing trouble too: before the
 * build, the build runs untraced (`not-traced`); during it, the run is `incomplete`, what was committed
 * stays, and the report still comes out.
 */
export async function runBuild(options: RunBuildOptions): Promise<RunBuildResult> {
  const { log } = options;
  const dbPath = path.resolve(options.dbPath ?? path.join(options.outDir, 'trace.db'));
  const shownDb = shownPath(options.cwd, dbPath);
  const dbDir = path.dirname(dbPath);
  const spans = new StoreSpanRecorder();
  const selected = await spans.withSpan('setup', {}, () => selectTracer(options.tracer, options.tracers, log));
  let tracerName = selected.tracer.name;
  let tracerReason = selected.reason;
  const pending = isPlanInProgress(options.plan) ? options.plan : undefined;
  const source = pending ? pending.source : (options.plan as Plan).source;

  const env: NodeJS.ProcessEnv = {
    ...(options.env ?? process.env),
    // The Nx daemon would compute outside the traced tree and outlive it; turbo's banners are noise.
    ...(source === 'nx' ? NX_ENV : source === 'turbo' ? TURBO_ENV : {}),
    // libuv's io_uring file I/O is invisible to syscall tracing; Node honours this since 20.3.
    UV_USE_IO_URING: '0',
  };
  // A standby tracer (started before io-trace, e.g. by the action's pre step) recognises the build by
  // the name of the shell its launcher runs as.
  const standbyFolder = (options.env ?? process.env)[STANDBY_ENV] === 'off' ? undefined : standbyDir(options.env ?? process.env);
  const shell = standbyFolder ? await selected.tracer.claimStandby?.(standbyFolder, log) : undefined;
  const launch = () =>
    launchStopped({ command: options.command, cwd: options.cwd, env, ...(options.user ? { user: options.user } : {}), stdin: options.stdin ?? 'inherit', ...(shell ? { shell } : {}) });
  // While the plan resolves: the build is launched stopped and the tracer attaches to it, its events
  // held until the store exists. Only where the run's folder can be written (else: in order, below).
  const early = pending && selected.tracer.name !== 'none' ? await startEarly(launch, selected, dbDir, log, spans) : undefined;
  let plan: Plan;
  let ignore: IgnoreRules;
  if (pending) {
    try {
      ({ plan, ignore } = await pending.prepared);
    } catch (e) {
      // The build never ran: it is killed while still stopped, and the tracer stopped.
      await early?.abandon();
      selected.tracer.releaseStandby?.();
      throw e;
    }
  } else {
    plan = options.plan as Plan;
    ignore = options.ignore ?? emptyIgnoreRules();
  }

  const startedAt = Date.now();
  const newRun = {
    ioTraceVersion: IO_TRACE_VERSION,
    command: options.command,
    cwd: options.cwd,
    workspaceRoot: plan.workspaceRoot,
    planSource: plan.source,
    planFile: plan.file ?? null,
    tracer: tracerName,
    tracerVersion: selected.version,
    tracerReason: selected.reason,
    startedAt,
    host: { ...collectHostFacts(options.env ?? process.env) },
  };
  let opened: ReturnType<typeof openRunStore>;
  try {
    opened = openRunStore(dbPath, options.outDir, newRun, plan);
  } catch (e) {
    // Not a write problem (a damaged database, a broken SQLite binding): io-trace stops here, so the
    // stopped build and the attached tracer of an early start must not be left waiting (they would
    // hold io-trace's event loop forever).
    await early?.abandon();
    selected.tracer.releaseStandby?.();
    throw e;
  }
  const { store, runId } = opened;
  // The first write the database refused, as one line; later writes are still tried (small ones may fit).
  let unsaved: string | undefined;
  const storeFailure = (e: unknown) => `cannot write the trace database ${shownDb}: ${describeWriteFailure(e, dbPath)}`;
  const save = (fn: () => void): boolean => {
    try {
      fn();
      return true;
    } catch (e) {
      unsaved ??= storeFailure(e);
      return false;
    }
  };
  if (opened.failure !== undefined) {
    const why = storeFailure(opened.failure);
    log.warn(`${why}; the build runs untraced`);
    tracerName = 'none';
    tracerReason = `${why}; the build ran untraced`;
    store.updateRun(runId, { tracer: 'none', tracerVersion: null, tracerReason });
  }
  spans.bind(store, runId);

  // Logs live beside the database, named by run, and are recorded relative to it; with no database, nowhere.
  const logDir = path.join(dbDir, 'runs', String(runId));
  setAsideStaleLogDir(logDir, dbDir, log);
  early?.moveWorkDir(logDir);
  let files: OutputFiles | null = null;
  const transcriptTimes = path.join(logDir, 'transcript.times');
  let transcriptWatch: FileGrowthWatcher | undefined;
  if (opened.failure === undefined) {
    files = { stdout: path.join(logDir, 'stdout.log'), stderr: path.join(logDir, 'stderr.log'), log: path.join(logDir, 'output.log') };
    try {
      makeDirectory(logDir);
    } catch {
      // OutputCapture notes the failure when it cannot create the files.
    }
    const logs = files;
    save(() =>
      store.updateRun(runId, {
        stdoutPath: path.relative(dbDir, logs.stdout),
        stderrPath: path.relative(dbDir, logs.stderr),
        logPath: path.relative(dbDir, logs.log),
        ...(options.transcript ? { transcriptPath: path.relative(dbDir, options.transcript), transcriptTimesPath: path.relative(dbDir, transcriptTimes) } : {}),
      }),
    );
    if (options.transcript) transcriptWatch = new FileGrowthWatcher(options.transcript, transcriptTimes);
  }

  const incomplete: string[] = [];
  let build: LaunchedBuild;
  try {
    build = early?.build ?? (await launch());
  } catch (e) {
    selected.tracer.releaseStandby?.();
    await transcriptWatch?.close();
    save(() => store.updateRun(runId, { status: 'failed', endedAt: Date.now(), incompleteReasons: [(e as Error).message] }));
    closeQuietly(store);
    throw e;
  }
  const capture = new OutputCapture(files, options.echo, options.fallbackEcho ?? null);
  capture.attach(build.child.stdout, 'stdout');
  capture.attach(build.child.stderr, 'stderr');

  // A one-task native plan owns the whole tree; under nx/turbo the tool's own processes stay orchestrator.
  const single = plan.source === 'file' && plan.tasks.length === 1 ? plan.tasks[0].id : undefined;
  const processes = new ProcessTable({
    rootPid: build.pid,
    matcher: new TaskMatcher(plan),
    ...(single !== undefined ? { defaultTask: single } : {}),
    outsideRole: plan.source === 'file' ? 'unattributed' : 'orchestrator',
    startedAt,
  });
  const ingest = new TraceIngestor(store, runId, processes, {
    // One line while the build runs on; the events stay in memory and are written at the end if they fit.
    onWriteError: (e) => log.warn(`${storeFailure(e)}; the build goes on, io-trace tries again when it ends`),
  });
  const untraced: TracerSession = { ready: Promise.resolve(), finish: async () => ({ lostEvents: 0, incompleteReasons: [], eventCount: 0, diagnostics: [] }) };
  let session: TracerSession = untraced;
  let attached: Attached | undefined;
  if (opened.failure !== undefined) {
    // No database: the early tracer (if any) is stopped and the build runs untraced.
    await early?.stopTracer();
  } else if (early) {
    attached = await early.attached(ingest.sink);
  } else {
    // The build is still stopped: under `auto`, a tracer that cannot attach (a bpftrace that cannot load
    // the script) hands over to the next one before anything runs; only when none attaches is it untraced.
    attached = await attachFirst(selected, build.pid, ingest.sink, log, logDir, spans);
  }
  if (attached) {
    const { failures } = attached;
    if (attached.session) {
      session = attached.session;
      if (attached.tracer !== selected.tracer) {
        tracerName = attached.tracer.name;
        tracerReason = `${selected.reason}; ${failures.join('; ')}; using ${attached.tracer.name}`;
        log.warn(`${failures.join('; ')}; tracing with ${attached.tracer.name} instead`);
        const version = attached.version;
        save(() => store.updateRun(runId, { tracer: attached!.tracer.name, tracerVersion: version, tracerReason }));
      }
    } else if (failures.length) {
      // Fail open on the build: run it untraced and say so.
      log.warn(`${failures.join('; ')}; the build runs untraced`);
      incomplete.push(...failures.filter((f) => f.includes('failed to attach')));
      tracerReason = `${selected.reason}; ${failures.join('; ')}`;
      tracerName = 'none';
      save(() => store.updateRun(runId, { tracer: 'none', tracerReason }));
    }
  }

  // A standby tracer no attach took (the run went untraced): stop it now.
  selected.tracer.releaseStandby?.();
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
  await transcriptWatch?.close();
  if (files) {
    const stdoutFile = files.stdout;
    save(() => store.updateRun(runId, agentTranscript(options.transcript, stdoutFile, dbDir, log)));
  }
  if (capture.saveError) {
    const { file, error } = capture.saveError;
    log.warn(`cannot save the build's output to ${shownPath(options.cwd, file)}: ${describeWriteFailure(error)}; it was shown here only`);
  }

  let outcome: TracerOutcome;
  const finishStart = Date.now();
  try {
    outcome = await session.finish();
  } catch (e) {
    incomplete.push(`${tracerName} failed while stopping: ${oneLine(e)}`);
    outcome = { lostEvents: 0, incompleteReasons: [], eventCount: ingest.eventCount, diagnostics: [] };
  }
  spans.recordSpan('detach', finishStart, Date.now() - finishStart, { tracer: tracerName });
  if (plan.source === 'turbo' && files && tracerName !== 'none') {
    // Tasks whose TURBO_HASH in the run differs from the plan's: the run's own output names them.
    const runHashes = turboRunHashes(plan, cacheLines(files));
    const adopted = runHashes.size ? processes.adopt((env) => runHashes.get(env.get('TURBO_HASH') ?? '')) : 0;
    if (adopted) log.debug(`${adopted} process(es) matched to tasks by the hashes turbo printed (the plan's dry run hashed ${runHashes.size} task(s) differently)`);
  }

  await spans.withSpan('ingest', {}, () => ingest.close());
  if (ingest.unsaved !== undefined) unsaved ??= storeFailure(ingest.unsaved);
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

  const finalRun = {
    tracer: tracerName,
    tracerReason,
    endedAt: Date.now(),
    exitCode: exit.code,
    signal: exit.signal,
    eventCount: ingest.eventCount,
    lostEvents: outcome.lostEvents,
  };
  const traceReasons = () => [...new Set(unsaved !== undefined ? [...incomplete, unsaved] : incomplete)];
  save(() => store.db.transaction(() => {
    for (const why of traceReasons()) store.addTraceIncompleteReason(runId, why);
    store.updateRun(runId, { ...finalRun, incompleteReasons: traceReasons() });
  }));
  spans.recordMetric('events', ingest.eventCount);
  spans.recordMetric('distinct_accesses', ingest.distinctAccesses);
  spans.recordMetric('processes', processes.size);
  spans.recordMetric('output_bytes', capture.bytes.stdout + capture.bytes.stderr);

  try {
    const outRel = path.relative(plan.workspaceRoot, dbDir);
    const extraIgnores = outRel && !outRel.startsWith('..') ? [outRel] : [];
    const cache = tracerName === 'none' || plan.source === 'file' || files === null ? undefined : detectCacheHits({ plan, command: options.command, output: cacheLines(files), processCounts: countProcesses(processes), exitCode: exit.code });
    let report: Report;
    try {
      report = await spans.withSpan('analysis', {}, () =>
        analyseRun(store, runId, {
          ignore,
          extraIgnores,
          ...(cache ? { cachedTasks: cache.cached, cacheEvidence: cache.evidence, ...(cache.skipped ? { skippedTasks: cache.skipped } : {}) } : {}),
          // What this run knows, whether or not the database took it.
          run: finalRun,
          traceReasons: traceReasons(),
          onSaveError: (e) => storeFailure(e),
        }),
      );
    } catch (e) {
      // The build's result outlives an analysis that could not read the database back: no finding is
      // claimed, every task is untraced, and the run says why.
      const why = `cannot analyse the trace in ${shownDb}: ${describeWriteFailure(e, dbPath)}`;
      log.warn(why);
      const logs = files && { stdoutPath: path.relative(dbDir, files.stdout), stderrPath: path.relative(dbDir, files.stderr), logPath: path.relative(dbDir, files.log) };
      const record: RunRecord = {
        ...newRun, ...finalRun, id: runId, tracerVersion: tracerName === 'none' ? null : newRun.tracerVersion ?? null,
        status: tracerName === 'none' ? 'not-traced' : 'incomplete', incompleteReasons: [...traceReasons(), why],
        stdoutPath: logs?.stdoutPath ?? null, stderrPath: logs?.stderrPath ?? null, logPath: logs?.logPath ?? null,
        transcriptPath: null, transcriptTimesPath: null, transcriptFormat: null,
      };
      const tasks = plan.tasks.map((t) => ({ taskId: t.id, status: 'untraced' as const, reads: 0, writes: 0, findings: 0 }));
      return { runId, dbPath: opened.failure === undefined ? dbPath : null, exit, report: buildReport(record, tasks, [], IO_TRACE_VERSION), buildExitCode: exitCodeOf(exit) };
    }
    // Each task's wall time, from its first process start to its last exit, nested under the build.
    for (const t of store.taskStatuses(runId)) {
      if (t.startedAt === null || t.endedAt === null) continue;
      spans.recordSpan('task', t.startedAt, Math.max(0, t.endedAt - t.startedAt), { task: t.taskId, processes: t.processCount }, { parent: buildSpan });
    }
    return { runId, dbPath: opened.failure === undefined ? dbPath : null, exit, report, buildExitCode: exitCodeOf(exit) };
  } finally {
    closeQuietly(store);
  }
}

function isPlanInProgress(plan: Plan | PlanInProgress): plan is PlanInProgress {
  return 'prepared' in plan;
}

/** The tracer that attached (no session: none did, `failures` say why). */
interface Attached {
  session?: TracerSession;
  tracer: Tracer;
  version: string | null;
  failures: string[];
}

/**
 * Attach the selected tracer to the stopped build; under `auto`, a tracer that cannot attach (a bpftrace
 * that cannot load the script) hands over to the next one before anything runs.
 */
async function attachFirst(
  selected: Awaited<ReturnType<typeof selectTracer>>,
  pid: number,
  sink: AttachOptions['sink'],
  log: Logger,
  workDir: string,
  spans: StoreSpanRecorder,
): Promise<Attached> {
  const failures: string[] = [];
  for (const tracer of [selected.tracer, ...selected.next]) {
    const start = Date.now();
    let version = tracer === selected.tracer ? selected.version ?? null : null;
    if (tracer !== selected.tracer) {
      const a = await tracer.check();
      if (!a.available) {
        failures.push(`${tracer.name} unavailable (${a.reason ?? 'unknown reason'})`);
        continue;
      }
      version = a.version ?? null;
    }
    let attempt: TracerSession | undefined;
    try {
      attempt = tracer.attach({ pid, sink, log, workDir });
      await attempt.ready;
      spans.recordSpan('attach', start, Date.now() - start, { tracer: tracer.name });
      return { session: attempt, tracer, version, failures };
    } catch (e) {
      const why = e instanceof IoTraceError ? e.message : oneLine(e);
      spans.recordSpan('attach', start, Date.now() - start, { tracer: tracer.name, error: why });
      await attempt?.finish().catch(() => undefined);
      failures.push(`${tracer.name} failed to attach: ${why}`);
    }
  }
  return { tracer: selected.tracer, version: null, failures };
}

/**
 * The run's log folder is new: one of its number already there was left by an earlier database in this
 * folder (deleted or replaced, so numbering started over). It is set aside, not deleted (it may be all
 * that is left of those runs) and not reused (its files would mix with this run's, and the early
 * tracer's folder could not take its name).
 */
function setAsideStaleLogDir(logDir: string, dbDir: string, log: Logger): void {
  if (!existsSync(logDir)) return;
  const aside = `${logDir}.stale-${Date.now()}`;
  try {
    renameSync(logDir, aside);
    log.info(`${path.relative(dbDir, logDir)} was left by an earlier database here: moved to ${path.relative(dbDir, aside)}`);
  } catch (e) {
    log.debug(`${path.relative(dbDir, logDir)} was left by an earlier database here and could not be moved aside (${(e as Error).message}): this run's logs join it`);
  }
}

/** A build launched stopped and a tracer attaching to it while the plan still resolves. */
interface EarlyStart {
  build: LaunchedBuild;
  /** Hand over the events held so far and those to come to `sink`; resolves once attached (or not). */
  attached(sink: AttachOptions['sink']): Promise<Attached>;
  /** The tracer's files go with the run's logs once the run has a number. */
  moveWorkDir(logDir: string): void;
  /** No database after all: stop tracing (the build will run untraced). */
  stopTracer(): Promise<void>;
  /** The plan failed: kill the build before it ran, stop the tracer, remove its files. */
  abandon(): Promise<void>;
}

/**
 * Launch the build stopped and start attaching the tracer. Undefined (the caller does it in order once the
 * plan is known) when the run's folder cannot be written or the build cannot be launched: those failures
 * are then reported where they always were.
 */
async function startEarly(
  launch: () => Promise<LaunchedBuild>,
  selected: Awaited<ReturnType<typeof selectTracer>>,
  dbDir: string,
  log: Logger,
  spans: StoreSpanRecorder,
): Promise<EarlyStart | undefined> {
  const workDir = path.join(dbDir, 'runs', `.attaching-${process.pid}-${Date.now()}`);
  try {
    ensureOutputDir(dbDir);
    makeDirectory(workDir);
  } catch {
    return undefined;
  }
  const removeWorkDir = () => rmSync(workDir, { recursive: true, force: true });
  let build: LaunchedBuild;
  try {
    build = await launch();
  } catch {
    removeWorkDir();
    return undefined;
  }
  let target: AttachOptions['sink'] | undefined;
  const held: Parameters<AttachOptions['sink']>[0][] = [];
  const attempt = attachFirst(selected, build.pid, (batch) => (target ? target(batch) : held.push(batch)), log, workDir, spans);
  let moved = false;
  return {
    build,
    attached: (sink) => {
      for (const batch of held) sink(batch);
      held.length = 0;
      target = sink;
      return attempt;
    },
    moveWorkDir: (logDir) => {
      try {
        if (!existsSync(logDir)) {
          renameSync(workDir, logDir);
          moved = true;
        }
      } catch {
        // The tracer's copy of its script and raw output stay under runs/.attaching-*.
      }
    },
    stopTracer: async () => {
      const a = await attempt;
      // Not awaited: the build runs untraced meanwhile, and the tracer stops on its own.
      void a.session?.finish().catch(() => undefined);
    },
    abandon: async () => {
      build.signal('SIGKILL');
      build.resume();
      await build.exited;
      const a = await attempt;
      await a.session?.finish().catch(() => undefined);
      if (!moved) removeWorkDir();
    },
  };
}

/**
 * Which transcript the run has: the `--transcript` file (its format recorded), else the build's stdout
 * when it is JSONL an adapter recognises (an agent's stream-json or exec --json), else none.
 */
function agentTranscript(given: string | undefined, stdout: string, dbDir: string, log: Logger): Partial<RunRecord> {
  const detect = (file: string) => {
    try {
      return detectFileFormat(file);
    } catch {
      return undefined;
    }
  };
  if (given) {
    const d = detect(given);
    if (!d) log.warn(`--transcript ${given}: no such file after the build; the run has no transcript to read`);
    return { transcriptFormat: d?.format ?? null };
  }
  const d = detect(stdout);
  if (!d || !AGENT_FORMATS.has(d.format)) return {};
  return { transcriptPath: path.relative(dbDir, stdout), transcriptTimesPath: path.relative(dbDir, timesPathOf(stdout)), transcriptFormat: d.format };
}

/**
 * Open the database and create the run in it; if the file system refuses (full disk, read-only or
 * forbidden folder), the run is kept in memory instead and `failure` says why. Other errors (a
 * database of another schema version, a file that is not a database) are the user's to fix: thrown.
 */
function openRunStore(dbPath: string, outDir: string, newRun: NewRun, plan: Plan): { store: TraceStore; runId: number; failure?: unknown } {
  const create = (store: TraceStore) => {
    const runId = store.createRun(newRun);
    store.saveTasks(runId, plan.tasks);
    return runId;
  };
  let store: TraceStore | undefined;
  try {
    // Created with a .gitignore of `*`: nothing of io-trace shows in the user's git status.
    ensureOutputDir(outDir);
    ensureOutputDir(path.dirname(dbPath));
    store = TraceStore.create(dbPath);
    return { store, runId: create(store) };
  } catch (e) {
    if (store) closeQuietly(store);
    if (writeProblem(e, dbPath) === undefined) throw e;
    const memory = TraceStore.createInMemory();
    return { store: memory, runId: create(memory), failure: e };
  }
}

function closeQuietly(store: TraceStore): void {
  try {
    store.close();
  } catch {
    // closing checkpoints the WAL, which a full disk may refuse; what was committed is in the WAL
  }
}

/** A path as the user would type it from `cwd`. */
function shownPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n', 1)[0];
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
