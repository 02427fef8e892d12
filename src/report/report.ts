import type { Finding, Severity } from '../core/findings.js';
import type { TaskResult } from '../analysis/analyse.js';
import type { RunRecord, RunStatus } from '../store/store.js';

/**
 * The JSON report: a public contract (README "JSON report"). Add fields freely; renaming or removing one
 * needs a schemaVersion bump.
 */
export const REPORT_SCHEMA_VERSION = 1;

export type VerdictStatus = Exclude<RunStatus, 'running' | 'failed'>;

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'io-trace'; version: string };
  status: VerdictStatus;
  /** Why the trace cannot vouch for a clean result (empty unless status is incomplete / not-traced). */
  incompleteReasons: string[];
  tasksAnalyzed: number;
  tasksWithIssues: number;
  counts: Record<Severity, number>;
  run: {
    id: number;
    command: string[];
    cwd: string;
    workspaceRoot: string | null;
    planSource: string | null;
    planFile: string | null;
    tracer: string;
    tracerVersion: string | null;
    tracerReason: string | null;
    startedAt: string;
    durationMs: number | null;
    exitCode: number | null;
    signal: string | null;
    eventCount: number;
    lostEvents: number;
    stdoutPath: string | null;
    stderrPath: string | null;
    /** stdout and stderr interleaved. */
    logPath: string | null;
    /** The agent's own transcript (null: none). */
    transcriptPath: string | null;
  };
  tasks: TaskResult[];
  findings: Finding[];
}

/** Severities that make a run "issues" (info findings such as unused_input do not). */
const ISSUE_SEVERITIES: ReadonlySet<Severity> = new Set(['error', 'warning']);

/**
 * The run's verdict. Never "clean" when blind: not traced beats everything, then any reason the trace
 * is incomplete, then issues.
 */
export function decideStatus(tracer: string, incompleteReasons: readonly string[], findings: readonly Finding[]): VerdictStatus {
  if (tracer === 'none') return 'not-traced';
  if (incompleteReasons.length > 0) return 'incomplete';
  return findings.some((f) => ISSUE_SEVERITIES.has(f.severity)) ? 'issues' : 'clean';
}

export function buildReport(run: RunRecord, tasks: TaskResult[], findings: Finding[], version: string): Report {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  // A root cause names every task it stands for (`tasks`), not only the first.
  const withIssues = new Set(findings.filter((f) => ISSUE_SEVERITIES.has(f.severity)).flatMap((f) => f.tasks ?? [f.task]));
  const status = (run.status === 'running' || run.status === 'failed' ? decideStatus(run.tracer, run.incompleteReasons, findings) : run.status) as VerdictStatus;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'io-trace', version },
    status,
    incompleteReasons: run.incompleteReasons,
    tasksAnalyzed: tasks.filter((t) => t.status === 'analyzed').length,
    tasksWithIssues: withIssues.size,
    counts,
    run: {
      id: run.id,
      command: run.command,
      cwd: run.cwd,
      workspaceRoot: run.workspaceRoot,
      planSource: run.planSource,
      planFile: run.planFile,
      tracer: run.tracer,
      tracerVersion: run.tracerVersion,
      tracerReason: run.tracerReason,
      startedAt: new Date(run.startedAt).toISOString(),
      durationMs: run.endedAt !== null ? Math.round(run.endedAt - run.startedAt) : null,
      exitCode: run.exitCode,
      signal: run.signal,
      eventCount: run.eventCount,
      lostEvents: run.lostEvents,
      stdoutPath: run.stdoutPath,
      stderrPath: run.stderrPath,
      logPath: run.logPath,
      transcriptPath: run.transcriptPath,
    },
    tasks,
    findings,
  };
}
