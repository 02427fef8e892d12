import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPORT_SCHEMA_VERSION, type Report } from '../report/report.js';
import { exitCodeOf } from '../run/run-build.js';
import { OutputCapture } from '../run/output.js';
import { describeWriteFailure, makeDirectory } from '../store/write-errors.js';
import { IO_TRACE_VERSION } from '../version.js';
import { CommandFence, type BuildStepResult } from './build-step.js';

/**
 * Where io-trace cannot run at all (macOS and Windows runners: no /proc, no stopped launch, no
 * tracer), the action still runs the build, fenced and saved like a traced one, and reports a plain
 * "not traced" with the reason instead of breaking the step.
 */
export async function runUntraced(o: {
  run: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  runDir: string;
  reportPath: string;
  reason: string;
  out: { write(chunk: string | Uint8Array): boolean };
}): Promise<BuildStepResult> {
  // Saving is an extra: a full or read-only disk must not stop the build (it is said in the report).
  let unsaved: string | undefined;
  try {
    makeDirectory(o.runDir);
  } catch (e) {
    unsaved = `cannot save the build's output in ${o.runDir}: ${describeWriteFailure(e)}`;
  }
  const files = { stdout: path.join(o.runDir, 'stdout.log'), stderr: path.join(o.runDir, 'stderr.log'), log: path.join(o.runDir, 'output.log') };
  const command = ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', o.run];
  const fence = new CommandFence(o.out);
  fence.begin();
  const startedAt = Date.now();
  const child = spawn(command[0], command.slice(1), { cwd: o.cwd, env: o.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const capture = new OutputCapture(unsaved ? null : files, { stdout: (c) => fence.write(c), stderr: (c) => fence.write(c) });
  capture.attach(child.stdout, 'stdout');
  capture.attach(child.stderr, 'stderr');
  let cancelled: NodeJS.Signals | null = null;
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((sig) => {
    const h = () => {
      cancelled ??= sig;
      child.kill(sig);
    };
    process.on(sig, h);
    return [sig, h] as const;
  });
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', () => resolve({ code: 127, signal: null }));
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  for (const [sig, h] of handlers) process.off(sig, h);
  await capture.close();
  fence.end();
  if (capture.saveError) unsaved ??= `cannot save the build's output to ${capture.saveError.file}: ${describeWriteFailure(capture.saveError.error)}`;
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'io-trace', version: IO_TRACE_VERSION },
    status: 'not-traced',
    incompleteReasons: [],
    tasksAnalyzed: 0,
    tasksWithIssues: 0,
    counts: { error: 0, warning: 0, info: 0 },
    run: {
      id: 1, command, cwd: o.cwd, workspaceRoot: o.cwd, planSource: null, planFile: null, tracer: 'none', tracerVersion: null, tracerReason: o.reason,
      startedAt: new Date(startedAt).toISOString(), durationMs: Date.now() - startedAt, exitCode: exit.code, signal: exit.signal,
      eventCount: 0, lostEvents: 0, stdoutPath: files.stdout, stderrPath: files.stderr, logPath: files.log, transcriptPath: null,
    },
    tasks: [],
    findings: [],
  };
  try {
    writeFileSync(o.reportPath, JSON.stringify(report, null, 2) + '\n');
  } catch (e) {
    unsaved ??= `cannot write the report ${o.reportPath}: ${describeWriteFailure(e)}`;
  }
  if (unsaved) report.run.tracerReason = `${o.reason}; ${unsaved}`;
  return { code: exitCodeOf(exit), signal: exit.signal, report, stderrTail: '', cancelled };
}
