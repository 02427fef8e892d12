import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../../core/errors.js';
import { SEVERITY_RANK } from '../../core/findings.js';
import type { Logger } from '../../core/logger.js';
import { mergeIgnoreRules, emptyIgnoreRules } from '../../config/ignore.js';
import { loadConfigFile } from '../../config/config.js';
import { planSourceOf, resolvePlan } from '../../plan/resolve.js';
import { formatTerminalSummary } from '../../report/terminal.js';
import { runBuild, type PlanInProgress } from '../../run/run-build.js';
import type { Plan } from '../../plan/types.js';
import { TraceStore } from '../../store/store.js';
import { describeWriteFailure } from '../../store/write-errors.js';
import { defaultTracers } from '../../tracer/registry.js';
import { bpftraceCommand } from '../../tracer/bpftrace.js';
import { oneOf, parse } from '../args.js';
import type { Report } from '../../report/report.js';

export const RUN_HELP = `Usage: io-trace run [options] -- <build command...>

Runs the build under a kernel tracer, records every file access of its process tree, and checks each
task's reads and writes against its declared inputs and outputs.

Options:
  --plan FILE|auto|nx|turbo  where the tasks come from (default auto: nx.json / turbo.json /
                             io-trace.plan.json in the working directory)
  --tasks T1,T2              tasks to plan when the command does not say (nx/turbo)
  --tracer auto|bpftrace|strace|none   (default auto: bpftrace, else strace, else untraced)
  --bpftrace CMD             the command that runs bpftrace, words split on spaces (default
                             $IO_TRACE_BPFTRACE, else bpftrace), e.g. "chroot /srv/sid bpftrace"
  --user NAME                run the build as this user (io-trace and the tracer stay root)
  --out-dir DIR              database and logs (default .io-trace)
  --db FILE                  database file (default <out-dir>/trace.db)
  --json FILE                write the JSON report
  --fail-on none|warning|error   exit 1 when the build passed but findings reach this severity
                             (default none: the build's exit code only)
  --transcript FILE          an agent's own transcript, when it writes one to a file (e.g. an
                             orchestrator's run-abc.jsonl): recorded relative to the database and
                             timed as it grows (default: the build's stdout, when it is an agent's JSONL)
  --ignore GLOB              ignore paths (repeatable), on top of io-trace.config.json
  --config FILE              config file (default <workspace>/io-trace.config.json)
  --quiet                    do not echo the build's output (it is still saved)
  --verbose                  debug logging

A standby bpftrace (io-trace tracer start) in $IO_TRACE_STANDBY, else <RUNNER_TEMP or /tmp>/io-trace-standby,
is adopted instead of starting one (IO_TRACE_STANDBY=off: never).
`;

export interface CommandContext {
  argv: string[];
  cwd: string;
  log: Logger;
  stdout: NodeJS.WriteStream | { write(s: string | Uint8Array): boolean };
  stderr: NodeJS.WriteStream | { write(s: string | Uint8Array): boolean };
  color: boolean;
}

export async function runCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parse('run', ctx.argv, {
    plan: { type: 'string' },
    tasks: { type: 'string' },
    tracer: { type: 'string' },
    bpftrace: { type: 'string' },
    user: { type: 'string' },
    'out-dir': { type: 'string' },
    db: { type: 'string' },
    json: { type: 'string' },
    'fail-on': { type: 'string' },
    ignore: { type: 'string', multiple: true },
    transcript: { type: 'string' },
    config: { type: 'string' },
    quiet: { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(RUN_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new ConfigurationError('io-trace run: no build command: put it after `--`, e.g. `io-trace run -- npm run build`');
  const tracer = oneOf('--tracer', values.tracer, ['auto', 'bpftrace', 'strace', 'none'] as const, 'auto');
  const failOn = oneOf('--fail-on', values['fail-on'], ['none', 'warning', 'error'] as const, 'none');
  const planOptions = {
    spec: values.plan ?? 'auto',
    cwd: ctx.cwd,
    command: positionals,
    tasks: values.tasks?.split(',').map((s) => s.trim()).filter(Boolean),
    log: ctx.log,
  };
  const prepared = resolvePlan(planOptions).then((plan) => ({
    plan,
    ignore: mergeIgnoreRules(loadConfigFile(values.config, plan.workspaceRoot), { ...emptyIgnoreRules(), all: values.ignore ?? [] }),
  }));
  // Awaited later (in runBuild): a failure must not count as unhandled meanwhile.
  prepared.catch(() => undefined);
  // nx and turbo take seconds to resolve a plan: the tracer compiles and attaches meanwhile.
  const source = planSourceOf(planOptions);
  const plan: PlanInProgress | Plan = source !== undefined && source !== 'file' ? { source, prepared } : (await prepared).plan;
  const ignore = 'prepared' in plan ? undefined : (await prepared).ignore;
  const outDir = path.resolve(ctx.cwd, values['out-dir'] ?? '.io-trace');

  const handlers: [NodeJS.Signals, () => void][] = [];
  const result = await runBuild({
    command: positionals,
    cwd: ctx.cwd,
    plan,
    ...(ignore ? { ignore } : {}),
    outDir,
    ...(values.db ? { dbPath: path.resolve(ctx.cwd, values.db) } : {}),
    tracer,
    tracers: defaultTracers(values.bpftrace !== undefined ? { bpftraceCommand: bpftraceCommand(values.bpftrace) } : {}),
    ...(values.user ? { user: values.user } : {}),
    ...(values.transcript ? { transcript: path.resolve(ctx.cwd, values.transcript) } : {}),
    log: ctx.log,
    echo: values.quiet ? null : { stdout: (c) => ctx.stdout.write(c), stderr: (c) => ctx.stderr.write(c) },
    // --quiet relies on the saved logs: output that cannot be saved is shown after all.
    fallbackEcho: { stdout: (c) => ctx.stdout.write(c), stderr: (c) => ctx.stderr.write(c) },
    stdin: process.stdin.isTTY ? 'inherit' : 'ignore',
    onBuildStarted: (stop) => {
      // Forward Ctrl-C / a CI cancel to the build; io-trace itself stays to save what was recorded.
      for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
        const h = () => stop(sig);
        process.on(sig, h);
        handlers.push([sig, h]);
      }
    },
  }).finally(() => {
    for (const [sig, h] of handlers) process.off(sig, h);
  });

  const reportsStart = Date.now();
  let jsonFailure: string | undefined;
  if (values.json) {
    // Fail open: a report that cannot be written is said in one line; the build's exit code still comes through.
    const file = path.resolve(ctx.cwd, values.json);
    try {
      writeReport(file, result.report);
    } catch (e) {
      jsonFailure = `cannot write the JSON report ${values.json}: ${describeWriteFailure(e, file)}`;
    }
  }
  const dbShown = result.dbPath === null ? undefined : path.relative(ctx.cwd, result.dbPath) || result.dbPath;
  ctx.stderr.write(formatTerminalSummary(result.report, { color: ctx.color, ...(dbShown ? { dbPath: dbShown } : { unsaved: true }) }));
  // Last, so it is the line a wrapper (the action) quotes when it finds no report.
  if (jsonFailure) ctx.log.error(jsonFailure);
  if (result.dbPath !== null) recordReportsSpan(result.dbPath, result.runId, reportsStart, { json: values.json !== undefined });
  return exitCodeFor(result.buildExitCode, result.report, failOn);
}

/** The `reports` phase as a span of the run (the run's store is closed by then: reopen it briefly). */
function recordReportsSpan(dbPath: string, runId: number, startTs: number, attributes: Record<string, unknown>): void {
  try {
    const store = TraceStore.openExisting(dbPath);
    try {
      store.addEvent(runId, { kind: 'span', name: 'reports', startTs, durationMs: Date.now() - startTs, status: 'ok', attributes });
    } finally {
      store.close();
    }
  } catch {
    // Timing is an extra: it never fails a run.
  }
}

export function writeReport(file: string, report: Report): void {
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
}

/** The build's own failure wins; then --fail-on turns findings into exit 1. */
export function exitCodeFor(buildExitCode: number, report: Report, failOn: 'none' | 'warning' | 'error'): number {
  if (buildExitCode !== 0) return buildExitCode;
  if (failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[failOn];
  return report.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
}
