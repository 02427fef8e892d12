import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { DefaultArtifactClient } from '@actions/artifact';
import { exitCodeFor } from '../cli/commands/run.js';
import type { Logger } from '../core/logger.js';
import { buildAnnotations, type CheckAnnotation } from '../report/annotations.js';
import { REPORT_SCHEMA_VERSION, type Report } from '../report/report.js';
import { mergeDatabases, type MergedRun } from '../store/merge.js';
import { TraceStore } from '../store/store.js';
import { combinedStatus, storedReport } from '../triage/stored-report.js';
import { IO_TRACE_VERSION } from '../version.js';
import type { ArtifactPlan } from './artifacts.js';
import { Outputs, State } from './constants.js';
import type { ActionInputs } from './inputs.js';
import { safeLine } from './log.js';
import { publish } from './publish.js';

/** The artifact client calls aggregate mode makes (DefaultArtifactClient; a test may pass its own). */
export type AggregateArtifactClient = Pick<DefaultArtifactClient, 'listArtifacts' | 'downloadArtifact'>;

/** One run of the merged database with the artifact it came from. */
interface SourcedReport {
  label: string;
  report: Report;
}

/**
 * Aggregate mode (a final job that `needs:` the traced jobs): download this workflow run's io-trace
 * artifacts, merge their databases into one, and publish one combined report through the same
 * summary / check run / comment code as run mode. No build runs. Missing artifacts are a warning and
 * a "not traced" verdict, never a crash.
 */
export async function aggregate(
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
  log: Logger,
  client: AggregateArtifactClient = new DefaultArtifactClient(),
): Promise<{ failure: string | null }> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const tmp = env.RUNNER_TEMP || os.tmpdir();
  mkdirSync(tmp, { recursive: true });
  const outDir = mkdtempSync(path.join(tmp, 'io-trace-aggregate-'));
  const dbPath = path.join(outDir, 'trace.db');
  const reportPath = path.join(outDir, 'report.json');
  const plan: ArtifactPlan = {
    name: inputs.artifactName,
    retentionDays: inputs.retentionDays,
    outDir,
    files: [
      { name: 'trace.db', path: dbPath, kind: 'db' },
      { name: 'trace.db-wal', path: `${dbPath}-wal`, kind: 'db' },
      { name: 'report.json', path: reportPath, kind: 'report' },
    ],
  };
  // The post step uploads the merged database as this job's artifact.
  core.saveState(State.Artifact, JSON.stringify(plan));

  const t0 = Date.now();
  const sources = await core.group('io-trace: download artifacts', () => downloadTraces(inputs, client, path.join(outDir, 'downloads')));
  const tDownload = Date.now();
  const notes: string[] = [];
  let combined: Report;
  let runs: SourcedReport[] = [];
  let merged: MergedRun[] = [];
  if (!sources.length) {
    const why = `no io-trace trace databases found among this workflow run's artifacts named ${inputs.artifactPrefix}* (do the traced jobs upload them, and does this job run after them with needs:?)`;
    core.warning(`io-trace: ${why}`);
    combined = emptyReport(why, workspace);
  } else {
    const labels = new Map(sources.map((s) => [s.db, s.label]));
    const result = mergeDatabases(
      sources.map((s) => s.db),
      dbPath,
      { label: (f) => labels.get(f) ?? f },
    );
    for (const w of result.warnings) log.debug(w);
    merged = result.runs;
    const store = TraceStore.openExisting(dbPath, { readonly: true });
    try {
      runs = store
        .listRuns(Number.MAX_SAFE_INTEGER)
        .reverse()
        .map((run) => ({ label: result.runs.find((m) => m.runId === run.id)?.source ?? `run ${run.id}`, report: storedReport(store, run) }));
    } finally {
      store.close();
    }
    combined = combineReports(runs);
    notes.push(`Combined ${runs.length} run${runs.length === 1 ? '' : 's'} from ${sources.length} artifact${sources.length === 1 ? '' : 's'}: ${runs.map(({ label, report: r }) => `${label} (${r.status}, ${r.counts.error} error${r.counts.error === 1 ? '' : 's'}, ${r.counts.warning} warning${r.counts.warning === 1 ? '' : 's'})`).join('; ')}`);
    core.info(safeLine(`io-trace: merged ${runs.length} run${runs.length === 1 ? '' : 's'} into ${dbPath}: ${combined.status}`));
  }
  writeFileSync(reportPath, JSON.stringify({ ...combined, kind: 'merged', sources: merged, runs: runs.map((r) => r.report) }, null, 2) + '\n');

  const failOnMet = exitCodeFor(0, combined, inputs.failOn) !== 0;
  core.setOutput(Outputs.Status, combined.status);
  core.setOutput(Outputs.Issues, String(combined.counts.error + combined.counts.warning));
  core.setOutput(Outputs.TasksWithIssues, String(combined.tasksWithIssues));
  core.setOutput(Outputs.Tracer, combined.run.tracer);
  core.setOutput(Outputs.DbPath, existsSync(dbPath) ? dbPath : '');
  core.setOutput(Outputs.ReportPath, reportPath);
  core.setOutput(Outputs.SarifPath, '');
  core.setOutput(Outputs.ExitCode, String(combined.run.exitCode ?? ''));

  const realWorkspace = existsSync(workspace) ? realpathSync(workspace) : workspace;
  const repoName = (env.GITHUB_REPOSITORY ?? '').split('/')[1] ?? '';
  const all: CheckAnnotation[] = runs.flatMap(({ report }) => buildAnnotations(report, { max: Number.MAX_SAFE_INTEGER, pathPrefix: annotationPrefix(report.run.workspaceRoot, realWorkspace, repoName) }).annotations);
  const max = Math.max(0, inputs.maxAnnotations);
  await publish(combined, {
    inputs,
    notes,
    failOnMet,
    pathPrefix: '',
    sarifPath: null,
    log,
    env,
    evidence: `the "${inputs.artifactName}" artifact of this workflow run (the merged database; open it with io-trace list)`,
    annotations: { annotations: all.slice(0, max), omitted: Math.max(0, all.length - max) },
  });
  core.info(`io-trace: timings ms: download ${tDownload - t0}, merge and reports ${Date.now() - tDownload}`);

  if (inputs.requireTrace && combined.status === 'not-traced') return { failure: `require-trace is set, but nothing was traced: ${combined.run.tracerReason ?? combined.incompleteReasons.join('; ')}` };
  if (failOnMet) {
    const n = combined.findings.filter((f) => (inputs.failOn === 'warning' ? f.severity !== 'info' : f.severity === 'error')).length;
    return { failure: `io-trace found ${n} finding${n === 1 ? '' : 's'} at or above "fail-on: ${inputs.failOn}" across ${runs.length} run${runs.length === 1 ? '' : 's'} (see the job summary)` };
  }
  return { failure: null };
}

/** List the run's artifacts with the prefix (latest attempt of each name), download each, find its trace.db. */
async function downloadTraces(inputs: ActionInputs, client: AggregateArtifactClient, dir: string): Promise<{ label: string; db: string }[]> {
  let listed: { name: string; id: number }[];
  try {
    listed = (await client.listArtifacts({ latest: true })).artifacts;
  } catch (e) {
    core.warning(`io-trace could not list this workflow run's artifacts: ${(e as Error).message}`);
    return [];
  }
  // Never our own output (a re-run of this job would otherwise merge its earlier merge).
  const picked = listed.filter((a) => a.name.startsWith(inputs.artifactPrefix) && a.name !== inputs.artifactName).sort((a, b) => a.name.localeCompare(b.name));
  core.info(safeLine(`io-trace: ${picked.length} of ${listed.length} artifact${listed.length === 1 ? '' : 's'} named ${inputs.artifactPrefix}*: ${picked.map((a) => a.name).join(', ') || 'none'}`));
  const found: { label: string; db: string }[] = [];
  for (const a of picked) {
    const into = path.join(dir, String(a.id));
    try {
      await client.downloadArtifact(a.id, { path: into });
    } catch (e) {
      core.warning(`io-trace could not download the artifact "${a.name}": ${(e as Error).message}`);
      continue;
    }
    const dbs = (readdirSync(into, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => path.basename(f) === 'trace.db').sort();
    if (!dbs.length) {
      core.warning(`io-trace: the artifact "${a.name}" holds no trace.db: skipped`);
      continue;
    }
    for (const rel of dbs) {
      const db = path.join(into, rel);
      placeLogs(db);
      found.push({ label: dbs.length === 1 ? a.name : `${a.name}/${rel}`, db });
    }
  }
  return found;
}

/**
 * Run mode uploads a run's logs flat beside trace.db, while the database names them runs/<id>/x.log:
 * put them where the database says, so the merge copies them with the run.
 */
function placeLogs(db: string): void {
  const dir = path.dirname(db);
  let store: TraceStore;
  try {
    store = TraceStore.openExisting(db, { readonly: true });
  } catch {
    return; // the merge reports a damaged database by name
  }
  try {
    for (const run of store.listRuns(Number.MAX_SAFE_INTEGER)) {
      for (const rel of [run.stdoutPath, run.stderrPath, run.logPath, run.transcriptPath, run.transcriptTimesPath]) {
        if (!rel || path.isAbsolute(rel)) continue;
        const want = path.resolve(dir, rel);
        const flat = path.join(dir, path.basename(rel));
        if (!want.startsWith(dir + path.sep) || existsSync(want) || !existsSync(flat)) continue;
        mkdirSync(path.dirname(want), { recursive: true });
        copyFileSync(flat, want);
      }
    }
  } finally {
    store.close();
  }
}

/**
 * Where a run's files are relative to this job's workspace, for annotation paths. Another job ran in
 * its own checkout: when its workspace root is not under ours (another runner's home), take what
 * follows the last path segment named like the repository (runners check out to .../<repo>/<repo>).
 */
export function annotationPrefix(root: string | null, workspace: string, repoName: string): string {
  if (!root) return '';
  const rel = path.relative(workspace, root);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  const parts = root.split(/[\\/]/);
  const i = repoName ? parts.lastIndexOf(repoName) : -1;
  return i >= 0 ? parts.slice(i + 1).join('/') : '';
}

/** One report over several runs: counts, tasks and findings added up, the worst status (combinedStatus). */
export function combineReports(runs: readonly SourcedReport[]): Report {
  const reports = runs.map((r) => r.report);
  const first = reports[0].run;
  const tracers = [...new Set(reports.map((r) => r.run.tracer).filter((t) => t !== 'none'))];
  const failed = reports.find((r) => r.run.signal || r.run.exitCode !== 0);
  const durations = reports.map((r) => r.run.durationMs).filter((d): d is number => d !== null);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'io-trace', version: IO_TRACE_VERSION },
    status: combinedStatus(reports),
    incompleteReasons: runs.flatMap(({ label, report }) => report.incompleteReasons.map((why) => `${label}: ${why}`)),
    tasksAnalyzed: reports.reduce((n, r) => n + r.tasksAnalyzed, 0),
    tasksWithIssues: reports.reduce((n, r) => n + r.tasksWithIssues, 0),
    counts: {
      error: reports.reduce((n, r) => n + r.counts.error, 0),
      warning: reports.reduce((n, r) => n + r.counts.warning, 0),
      info: reports.reduce((n, r) => n + r.counts.info, 0),
    },
    run: {
      ...first,
      id: 0,
      tracer: tracers.length ? tracers.join(', ') : 'none',
      tracerVersion: tracers.length === 1 ? (reports.find((r) => r.run.tracer === tracers[0])?.run.tracerVersion ?? null) : null,
      tracerReason: runs.map(({ label, report }) => (report.run.tracerReason ? `${label}: ${report.run.tracerReason}` : '')).filter(Boolean).join('; ') || null,
      // The slowest leg: the legs ran side by side.
      durationMs: durations.length ? Math.max(...durations) : null,
      exitCode: failed ? failed.run.exitCode : first.exitCode,
      signal: failed ? failed.run.signal : first.signal,
      eventCount: reports.reduce((n, r) => n + r.run.eventCount, 0),
      lostEvents: reports.reduce((n, r) => n + r.run.lostEvents, 0),
    },
    tasks: reports.flatMap((r) => r.tasks),
    findings: reports.flatMap((r) => r.findings),
  };
}

/** The verdict when there is nothing to combine. */
function emptyReport(why: string, cwd: string): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'io-trace', version: IO_TRACE_VERSION },
    status: 'not-traced',
    incompleteReasons: [why],
    tasksAnalyzed: 0,
    tasksWithIssues: 0,
    counts: { error: 0, warning: 0, info: 0 },
    run: {
      id: 0, command: [], cwd, workspaceRoot: null, planSource: null, planFile: null, tracer: 'none', tracerVersion: null, tracerReason: why,
      startedAt: new Date().toISOString(), durationMs: null, exitCode: null, signal: null, eventCount: 0, lostEvents: 0, stdoutPath: null, stderrPath: null, logPath: null, transcriptPath: null,
    },
    tasks: [],
    findings: [],
  };
}
