import { analyse, type AnalysisResult } from '../analysis/analyse.js';
import { IgnoreMatcher, mergeIgnoreRules, toolDefaultIgnores, type IgnoreRules } from '../config/ignore.js';
import type { Plan } from '../plan/types.js';
import { buildReport, decideStatus, type Report } from '../report/report.js';
import type { RunRecord, TraceStore } from '../store/store.js';
import { IO_TRACE_VERSION } from '../version.js';
import { loadNxSandboxingConfig } from '../config/nx-sandboxing.js';
import { cachedTaskReason } from './cache-hits.js';

export interface AnalyseRunOptions {
  /** Extra ignore rules (config file, --ignore). */
  ignore: IgnoreRules;
  /** Extra always-ignored patterns, e.g. io-trace's own output directory. */
  extraIgnores?: string[];
  /** Tasks restored from cache (default: those a previous analysis of this run found cached). */
  cachedTasks?: ReadonlySet<string>;
  /** Tasks the build tool never started (not part of this build, e.g. `nx affected`). */
  skippedTasks?: ReadonlySet<string>;
  /** How each cached task was recognised, for the incomplete reason. */
  cacheEvidence?: ReadonlyMap<string, string>;
  /**
   * Judge the recorded trace against this plan instead of the recorded one (`io-trace check`: the
   * config as it is now). Its tasks replace the recorded tasks of the same id; the others stay.
   */
  plan?: Plan;
  /** Save findings and status into the run (default true); `check` records its analysis apart. */
  save?: boolean;
  /** Run fields the caller knows better than the database (`run`: the database may have refused them). */
  run?: Partial<RunRecord>;
  /** The trace's own incomplete reasons (default: those stored with the run). */
  traceReasons?: readonly string[];
  /**
   * A failed save of the analysis becomes the incomplete reason this returns, and the report still
   * comes out (default: the error is thrown).
   */
  onSaveError?: (e: unknown) => string;
}

/**
 * Analyse a recorded run from its database: load the plan tasks, processes and accesses, find the
 * mismatches, decide the verdict, and save findings and status back. Used by `run` right after the
 * build and by `analyze` on a database later (e.g. with new ignore rules).
 */
export function analyseRun(store: TraceStore, runId: number, options: AnalyseRunOptions): Report {
  const stored = store.getRun(runId);
  if (!stored) throw new Error(`run ${runId} not found`);
  const run: RunRecord = { ...stored, ...options.run };
  const recorded = store.loadTasks(runId);
  const current = new Map((options.plan?.tasks ?? []).map((t) => [t.id, t]));
  const tasks = recorded.map((t) => current.get(t.id) ?? t);
  const plan: Plan = {
    source: (run.planSource as Plan['source'] | null) ?? 'file',
    workspaceRoot: run.workspaceRoot ?? run.cwd,
    tasks,
    ...(run.planFile ? { file: run.planFile } : {}),
  };
  // `analyze` on a recorded run keeps what `run` learned from the build's output.
  const storedTasks = store.taskStatuses(runId);
  const cachedTasks = options.cachedTasks ?? new Set(storedTasks.filter((t) => t.status === 'cached').map((t) => t.taskId));
  const skippedTasks = options.skippedTasks ?? new Set(storedTasks.filter((t) => t.status === 'skipped').map((t) => t.taskId));
  const processes = store.loadProcesses(runId);
  const processCounts = new Map<string, number>();
  const taskTimes = new Map<string, { start: number; end: number }>();
  for (const p of processes) {
    if (p.taskId === null) continue;
    processCounts.set(p.taskId, (processCounts.get(p.taskId) ?? 0) + 1);
    const t = taskTimes.get(p.taskId) ?? { start: Infinity, end: -Infinity };
    if (p.startedAt !== null) t.start = Math.min(t.start, p.startedAt);
    if (p.endedAt !== null) t.end = Math.max(t.end, p.endedAt);
    taskTimes.set(p.taskId, t);
  }
  // Untraced: nothing was seen, so nothing can be said about any task (never "clean").
  const result: AnalysisResult = run.tracer === 'none'
    ? { findings: [], tasks: tasks.map((t) => ({ taskId: t.id, status: 'untraced', reads: 0, writes: 0, findings: 0 })), unattributedPaths: 0 }
    : analyse({
    plan,
    // A package manager whose product the task used (`pnpm pack` in a build script) worked for the task.
    accesses: store.taskAccesses(runId, { successfulOnly: true, taskOf: store.packageManagerProducts(runId, processes) }),
    ignore: new IgnoreMatcher(mergeIgnoreRules(toolDefaultIgnores(plan), loadNxSandboxingConfig(plan.workspaceRoot, tasks), options.ignore), options.extraIgnores ?? []),
    processCounts,
    cachedTasks,
    skippedTasks,
  });

  // The trace's own reasons (lost events, io_uring, killed build...) as `run` recorded them; the
  // per-task ones below are derived afresh, so analysing again never repeats or keeps stale ones.
  const reasons = options.traceReasons ? [...options.traceReasons] : store.traceIncompleteReasons(runId);
  if (run.tracer !== 'none') {
    for (const t of result.tasks) {
      if (t.status === 'cached') reasons.push(cachedTaskReason(plan.source, t.taskId, options.cacheEvidence?.get(t.taskId)));
      if (t.status === 'not-run') reasons.push(`task ${t.taskId}: no traced process ran for it (it did not run, or ran outside the traced process tree)`);
    }
  }
  let incompleteReasons = [...new Set(reasons)];
  let status = decideStatus(run.tracer, incompleteReasons, result.findings);
  if (options.save === false) return buildReport({ ...run, status, incompleteReasons }, result.tasks, result.findings, IO_TRACE_VERSION);
  try {
    store.db.transaction(() => {
      store.replaceFindings(runId, result.findings);
      store.updateTaskStatus(
        runId,
        result.tasks.map((t) => {
          const times = taskTimes.get(t.taskId);
          return {
            taskId: t.taskId,
            status: t.status,
            processCount: processCounts.get(t.taskId) ?? 0,
            startedAt: times && Number.isFinite(times.start) ? times.start : null,
            endedAt: times && Number.isFinite(times.end) ? times.end : null,
          };
        }),
      );
      store.updateRun(runId, { status, incompleteReasons });
    });
  } catch (e) {
    if (!options.onSaveError) throw e;
    // The database holds less than this report: say so, and try to leave at least the verdict in it.
    incompleteReasons = [...new Set([...incompleteReasons, options.onSaveError(e)])];
    status = decideStatus(run.tracer, incompleteReasons, result.findings);
    try {
      store.updateRun(runId, { status, incompleteReasons });
    } catch {
      // the report below still says it
    }
  }
  return buildReport({ ...run, status, incompleteReasons }, result.tasks, result.findings, IO_TRACE_VERSION);
}
