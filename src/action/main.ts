import { existsSync, mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { exitCodeFor } from '../cli/commands/run.js';
import { ConfigurationError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { Report } from '../report/report.js';
import { exitCodeOf } from '../run/run-build.js';
import { defaultTracers } from '../tracer/registry.js';
import { readStandbyRecord, standbyAlive, standbyDir } from '../tracer/standby.js';
import { aggregate } from './aggregate.js';
import type { ArtifactPlan } from './artifacts.js';
import { PATCH_NAME, writeFixPatch, type FixPatch } from './fix-patch.js';
import { runBuildStep, type BuildStepResult } from './build-step.js';
import { Outputs, State } from './constants.js';
import { publish } from './publish.js';
import { envInputGetter, readInputs, type ActionInputs } from './inputs.js';
import { actionLogger, safeLine } from './log.js';
import { runUntraced } from './untraced.js';
import { buildCommand, cliInvocation, detectPrivilege, exec, prepareTracing, type Privilege, type TracingSetup } from './setup.js';

export interface MainResult {
  /** Why the step fails (the entry passes it to core.setFailed), or null. */
  failure: string | null;
}

/** Environment the build must not see: the action's inputs (the token), runtime tokens, our state files. */
const PRIVATE_ENV = /^(INPUT_|STATE_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_RESULTS_URL$|ACTIONS_RUNTIME_URL$|GITHUB_STATE$|GITHUB_OUTPUT$)/;

export function buildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !PRIVATE_ENV.test(k)));
}

/** dist/cli.js, next to dist/action/. */
function cliPath(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'cli.js');
}

/**
 * The main step: set up tracing, run the build under io-trace with its output fenced, then publish the
 * report (job summary always; check run, PR comment and SARIF when asked and allowed). Returns the
 * failure message, if the step should fail: the build's exit code first, then require-trace, then fail-on.
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<MainResult> {
  try {
    return await mainSteps(env);
  } finally {
    // Tells the post step the main step ended on its own (not killed), so it adds no "did not finish" note.
    core.saveState(State.Reported, 'true');
  }
}

async function mainSteps(env: NodeJS.ProcessEnv): Promise<MainResult> {
  const log = actionLogger();
  const inputs = readInputs(envInputGetter(env), env);
  for (const s of inputs.redact) core.setSecret(s);
  if (inputs.mode === 'aggregate') return aggregate(inputs, env, log);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const cwd = path.resolve(workspace, inputs.workingDirectory);
  if (!existsSync(cwd)) throw new ConfigurationError(`input working-directory: ${cwd} does not exist (it is relative to GITHUB_WORKSPACE, ${workspace})`);

  const tmp = env.RUNNER_TEMP || os.tmpdir();
  mkdirSync(tmp, { recursive: true });
  const outDir = mkdtempSync(path.join(tmp, 'io-trace-'));
  const dbPath = path.join(outDir, 'trace.db');
  const reportPath = path.join(outDir, 'report.json');
  const sarifPath = inputs.sarif ? path.resolve(workspace, inputs.sarif) : null;
  const runDir = path.join(outDir, 'runs', '1'); // a fresh database: its first run
  const artifact: ArtifactPlan = {
    name: inputs.artifactName,
    retentionDays: inputs.retentionDays,
    outDir,
    files: [
      { name: 'trace.db', path: dbPath, kind: 'db' },
      { name: 'trace.db-wal', path: `${dbPath}-wal`, kind: 'db' },
      { name: 'report.json', path: reportPath, kind: 'report' },
      { name: 'stdout.log', path: path.join(runDir, 'stdout.log'), kind: 'log' },
      { name: 'stderr.log', path: path.join(runDir, 'stderr.log'), kind: 'log' },
      { name: 'output.log', path: path.join(runDir, 'output.log'), kind: 'log' },
      { name: PATCH_NAME, path: path.join(outDir, PATCH_NAME), kind: 'report' },
      ...(sarifPath ? [{ name: 'io-trace.sarif', path: sarifPath, kind: 'report' as const }] : []),
    ],
  };
  // Saved before the build starts: a cancelled run still has its evidence uploaded by the post step.
  core.saveState(State.Artifact, JSON.stringify(artifact));

  const t0 = Date.now();
  const who = os.userInfo();
  const privilege = await detectPrivilege(exec, { uid: who.uid, gid: who.gid, user: who.username });
  const setup = await core.group('io-trace: runner set-up', () =>
    prepareTracing({
      request: inputs.tracer,
      privilege,
      backends: defaultTracers().map((t) => t.name),
      installBpftrace: inputs.installBpftrace,
      platform: process.platform,
      exec,
      log,
      standbyRunning: standbyRunning(env),
    }).then((s) => {
      core.info(safeLine(`privilege: ${privilege.kind}${privilege.kind === 'sudo' ? ` (the tracer runs as root, the build as ${privilege.user})` : ''}`));
      for (const st of s.steps) core.info(safeLine(`${st.ok ? 'ok  ' : 'FAIL'} ${st.name} (${st.ms} ms)`));
      core.info(safeLine(`tracer: ${s.tracer}`));
      return s;
    }),
  );
  if (setup.notes.length && inputs.tracer !== 'none') core.warning(`io-trace: ${setup.notes.join('; ')}`);

  const tSetup = Date.now();
  let step =
    process.platform === 'linux'
      ? await runOnce(inputs, setup.tracer, privilege, { cwd, env, outDir, dbPath, reportPath, log })
      : await runUntraced({ run: inputs.run, cwd, env: buildEnv(env), runDir, reportPath, reason: setup.notes.join('; '), out: process.stdout });
  if (process.platform === 'linux' && !step.report && !existsSync(dbPath) && step.code === 3 && setup.tracer !== 'none' && !step.cancelled) {
    // io-trace stopped before it created its database, so the build has not run: run it untraced.
    const why = lastLine(step.stderrTail);
    core.warning(`io-trace could not start the tracer (${why}); running the build untraced`);
    setup.notes.push(`tracer ${setup.tracer} failed to start: ${why}`);
    step = await runOnce(inputs, 'none', privilege, { cwd, env, outDir, dbPath, reportPath, log });
  }
  // A root io-trace (IO_TRACE_ACTION_ELEVATE=io-trace) wrote the trace directory: hand it back.
  if (privilege.kind === 'sudo' && env.IO_TRACE_ACTION_ELEVATE === 'io-trace') await exec('sudo', ['-n', 'chown', '-R', `${privilege.uid}:${privilege.gid}`, outDir]);

  if (!step.report) {
    core.setOutput(Outputs.ExitCode, String(step.code ?? ''));
    if (step.cancelled) return { failure: `the build was cancelled (${step.cancelled}) before io-trace wrote its report` };
    const why = lastLine(step.stderrTail);
    if (step.code === 2 && !existsSync(dbPath)) throw new ConfigurationError(`io-trace could not run the build: ${why}`);
    return { failure: `io-trace failed (exit ${step.code ?? step.signal}): ${why}` };
  }

  const report = step.report;
  const buildExit = exitCodeOf({ code: report.run.exitCode, signal: report.run.signal as NodeJS.Signals | null });
  const verdict = exitCodeFor(buildExit, report, inputs.failOn);
  const failOnMet = buildExit === 0 && verdict !== 0;
  // The plan's workspace root is a real path: compare it with the real GITHUB_WORKSPACE.
  const pathPrefix = path.relative(realpathSync(workspace), report.run.workspaceRoot ?? realpathSync(cwd)).split(path.sep).join('/');
  if (pathPrefix.startsWith('..')) log.debug(`workspace root ${report.run.workspaceRoot} is outside GITHUB_WORKSPACE: annotations may not land`);

  setOutputs(report, { dbPath, reportPath, sarifPath, buildExit });
  const tRun = Date.now();
  const prefix = pathPrefix.startsWith('..') ? '' : pathPrefix;
  let fixPatch: FixPatch | null = null;
  try {
    // Extras never decide the verdict: a patch that cannot be made is a warning.
    if (report.status !== 'not-traced') fixPatch = writeFixPatch(dbPath, outDir, prefix);
  } catch (e) {
    core.warning(`io-trace could not prepare the suggested edits: ${(e as Error).message}`);
  }
  await publish(report, { inputs, notes: setup.notes, failOnMet, pathPrefix: prefix, sarifPath, log, env, ...(fixPatch ? { fixPatch } : {}) });

  // One line for people and for bench/action-overhead.ts: where the action's own time went.
  core.info(`io-trace: timings ms: set-up ${tSetup - t0}, io-trace run ${tRun - tSetup}, reports ${Date.now() - tRun}`);

  if (step.cancelled || report.run.signal) return { failure: `the build was ${step.cancelled ? `cancelled (${step.cancelled})` : `killed by ${report.run.signal}`}` };
  if (buildExit !== 0) return { failure: `the build failed with exit code ${buildExit}` };
  if (inputs.requireTrace && report.status === 'not-traced') {
    return { failure: `require-trace is set, but the build was not traced: ${[...setup.notes, report.run.tracerReason ?? ''].filter(Boolean).join('; ')}` };
  }
  if (failOnMet) {
    const n = report.findings.filter((f) => inputs.failOn === 'warning' ? f.severity !== 'info' : f.severity === 'error').length;
    return { failure: `io-trace found ${n} finding${n === 1 ? '' : 's'} at or above "fail-on: ${inputs.failOn}" (see the job summary)` };
  }
  return { failure: null };
}

/** Whether the pre step's standby tracer is there and alive (then the set-up needs no bpftrace self-test). */
function standbyRunning(env: NodeJS.ProcessEnv): boolean {
  try {
    return standbyAlive(readStandbyRecord(standbyDir(env)));
  } catch {
    return false;
  }
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const err = [...lines].reverse().find((l) => /error/i.test(l));
  return (err ?? lines[lines.length - 1] ?? 'no message').slice(0, 500);
}

async function runOnce(
  inputs: ActionInputs,
  tracer: TracingSetup['tracer'],
  privilege: Privilege,
  o: { cwd: string; env: NodeJS.ProcessEnv; outDir: string; dbPath: string; reportPath: string; log: Logger },
): Promise<BuildStepResult> {
  const invocation = cliInvocation({
    node: process.execPath,
    cli: cliPath(),
    privilege,
    tracer,
    plan: inputs.plan,
    tasks: inputs.tasks,
    config: inputs.config,
    ignore: inputs.ignore,
    outDir: o.outDir,
    dbPath: o.dbPath,
    reportPath: o.reportPath,
    command: buildCommand(inputs.run),
    path: o.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    // See InvocationOptions.elevate; the knob exists for runners where `sudo -n bpftrace` alone fails.
    elevate: o.env.IO_TRACE_ACTION_ELEVATE === 'io-trace' ? 'io-trace' : 'tracer',
    // A job re-run with debug logging gets io-trace's debug lines too (tracer start-up, helpers, spans).
    verbose: o.env.RUNNER_DEBUG === '1',
  });
  core.info(safeLine(`io-trace: running the build${invocation.buildUser ? ` as ${invocation.buildUser} (tracer as root)` : ''}; its output follows with workflow commands disabled`));
  return runBuildStep({ invocation, cwd: o.cwd, env: { ...buildEnv(o.env), NO_COLOR: '1' }, reportPath: o.reportPath, out: process.stdout, log: o.log, exec });
}

function setOutputs(report: Report, o: { dbPath: string; reportPath: string; sarifPath: string | null; buildExit: number }): void {
  core.setOutput(Outputs.Status, report.status);
  core.setOutput(Outputs.Issues, String(report.counts.error + report.counts.warning));
  core.setOutput(Outputs.TasksWithIssues, String(report.tasksWithIssues));
  core.setOutput(Outputs.Tracer, report.run.tracer);
  core.setOutput(Outputs.DbPath, o.dbPath);
  core.setOutput(Outputs.ReportPath, o.reportPath);
  core.setOutput(Outputs.SarifPath, o.sarifPath ?? '');
  core.setOutput(Outputs.ExitCode, String(o.buildExit));
}
