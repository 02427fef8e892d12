import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Logger } from '../core/logger.js';
import type { Report } from '../report/report.js';
import type { CliInvocation, Exec } from './setup.js';

/**
 * Build output inside `::stop-commands::TOKEN` ... `::TOKEN::`: the runner honours workflow commands
 * (`::set-output`, `::add-mask`, `::save-state`...) on stdout and on stderr, so the build's output is
 * echoed only while command processing is off. Both of the build's streams go to our stdout: two pipes
 * have no order between them, and a stderr line the runner read after `::TOKEN::` would be live again.
 */
export class CommandFence {
  readonly token = randomBytes(24).toString('hex');
  private atLineStart = true;
  private open = false;

  constructor(private readonly out: { write(chunk: string | Uint8Array): boolean }) {}

  begin(): void {
    this.out.write(`::stop-commands::${this.token}\n`);
    this.open = true;
    this.atLineStart = true;
  }

  write(chunk: Buffer): void {
    if (!this.open || chunk.length === 0) return;
    this.out.write(chunk);
    this.atLineStart = chunk[chunk.length - 1] === 0x0a;
  }

  /** Resume workflow commands; the resume line must be a line of its own. */
  end(): void {
    if (!this.open) return;
    this.open = false;
    this.out.write(`${this.atLineStart ? '' : '\n'}::${this.token}::\n`);
  }
}

export interface BuildStepOptions {
  invocation: CliInvocation;
  cwd: string;
  env: NodeJS.ProcessEnv;
  reportPath: string;
  out: { write(chunk: string | Uint8Array): boolean };
  log: Logger;
  exec: Exec;
}

export interface BuildStepResult {
  /** io-trace's exit code (the build's, or 2/3 when io-trace itself failed before a report). */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The JSON report, when io-trace got that far. */
  report: Report | null;
  /** The end of io-trace's stderr (the build's and io-trace's messages), to explain a failure. */
  stderrTail: string;
  /** The first cancellation signal received, if any. */
  cancelled: NodeJS.Signals | null;
}

/**
 * Run io-trace (which runs the build) with its output fenced, forwarding cancellation: SIGINT/SIGTERM
 * to this process go to io-trace, which stops the build and the tracer and still writes the report.
 * A root io-trace under sudo is signalled through sudo (it relays), or `sudo -n kill` when that fails.
 */
export async function runBuildStep(o: BuildStepOptions): Promise<BuildStepResult> {
  const fence = new CommandFence(o.out);
  let tail = '';
  let cancelled: NodeJS.Signals | null = null;
  fence.begin();
  const child = spawn(o.invocation.file, o.invocation.args, { cwd: o.cwd, env: o.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (c: Buffer) => fence.write(c));
  child.stderr.on('data', (c: Buffer) => {
    fence.write(c);
    tail = (tail + c.toString('utf8')).slice(-8192);
  });
  const forward = (sig: NodeJS.Signals) => {
    cancelled ??= sig;
    // io-trace forwards the signal to the build's root process only; a shell waiting for its child
    // (bash running `sleep`) acts on SIGINT only after the child exits. So the whole build tree gets
    // it too, except io-trace itself and the tracer, which must live on to save the trace.
    const pids = child.pid ? buildTree(child.pid) : [];
    const denied: number[] = [];
    for (const pid of [child.pid ?? 0, ...pids].filter(Boolean)) {
      try {
        process.kill(pid, sig);
      } catch {
        denied.push(pid);
      }
    }
    if (denied.length && o.invocation.sudo) void o.exec('sudo', ['-n', 'kill', '-s', sig.replace(/^SIG/, ''), ...denied.map(String)]);
  };
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((sig) => {
    const h = () => forward(sig);
    process.on(sig, h);
    return [sig, h] as const;
  });
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (e) => {
      tail += `\ncannot start ${o.invocation.file}: ${e.message}`;
      resolve({ code: 127, signal: null });
    });
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  for (const [sig, h] of handlers) process.off(sig, h);
  fence.end();
  let report: Report | null = null;
  if (existsSync(o.reportPath)) {
    try {
      report = JSON.parse(readFileSync(o.reportPath, 'utf8')) as Report;
    } catch (e) {
      o.log.warn(`io-trace's JSON report ${o.reportPath} is unreadable: ${(e as Error).message}`);
    }
  }
  return { ...exit, report, stderrTail: tail, cancelled };
}

/**
 * Processes of the tracer (never signalled on cancellation: they must flush the trace). `sudo` is the
 * bpftrace backend's `sudo -n bpftrace`, which would relay the signal to bpftrace.
 */
const TRACER_COMMS = new Set(['bpftrace', 'strace', 'sudo']);

/**
 * The build's processes under io-trace's pid (`sudo` -> node io-trace -> build...), from /proc:
 * every descendant except io-trace's own node process(es) and the tracer's subtree.
 */
export function buildTree(rootPid: number, proc = '/proc'): number[] {
  const children = new Map<number, { pid: number; comm: string }[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync(proc).filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  for (const d of entries) {
    let stat: string;
    try {
      stat = readFileSync(`${proc}/${d}/stat`, 'latin1');
    } catch {
      continue;
    }
    // comm may contain spaces and parentheses: the fields after it follow the LAST ')'.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push({ pid: Number(d), comm });
    children.set(ppid, list);
  }
  const out: number[] = [];
  const walk = (pid: number, depth: number) => {
    for (const c of children.get(pid) ?? []) {
      if (TRACER_COMMS.has(c.comm)) continue;
      // io-trace itself: its pid (no sudo) or sudo's child (with sudo) is a node process.
      if (!(depth === 0 && c.comm === 'node')) out.push(c.pid);
      walk(c.pid, depth + 1);
    }
  };
  walk(rootPid, 0);
  return out;
}
