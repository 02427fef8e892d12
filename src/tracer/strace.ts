/**
 * The strace backend: `strace -f -p PID` on the stopped build, its output parsed as it comes.
 *
 * Slower than bpftrace (ptrace stops the tracee twice per traced syscall, and `--seccomp-bpf`,
 * which would spare untraced syscalls, is refused with -p: "--seccomp-bpf is not enabled for
 * processes attached with -p"), but it needs no BPF, only ptrace: the fallback for containers and
 * runners without sudo.
 *
 * Output comes through a pipe (`-o '|cat'`, cat's stdout is ours) rather than a file: no disk
 * use on long builds, and a slow reader blocks strace (and the build) instead of losing events.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { TracerError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { TraceEvent } from '../core/events.js';
import { STRACE_MAX_STRLEN, STRACE_SYSCALLS, StraceParser } from './strace-parse.js';
import type { AttachOptions, EventSink, Tracer, TracerAvailability, TracerOutcome, TracerSession } from './types.js';

export interface StraceTracerOptions {
  /** The strace binary (default `strace` on PATH). */
  bin?: string;
  /**
   * How long finish() lets strace follow processes still running after the build's root exited
   * before detaching from them (SIGINT). Default 2000 ms.
   */
  lingerMs?: number;
  /** How long attach may take before `ready` rejects. Default 10 s. */
  readyTimeoutMs?: number;
}

/** strace's arguments to follow `pid` and everything it starts. */
export function straceArgs(pid: number): string[] {
  return [
    '-f', // follow forks, vforks and clones (ptrace options: nothing created escapes)
    '-ttt', // epoch seconds with microseconds
    '-y', // print the path of every fd, and the cwd as AT_FDCWD<path>
    '-xx', // every string byte as \xHH: hostile names cannot break the line syntax
    '-s', String(STRACE_MAX_STRLEN), // never cut a path or an argv string
    '-e', `trace=${STRACE_SYSCALLS.join(',')}`,
    // Not signal=none: strace prints "+++ killed by SIG +++" only for signals in this set.
    '-e', 'signal=all',
    // strace pipes its output into `cat`, whose stdout is ours (Node's stdio pipes are socketpairs,
    // which `-o /dev/stdout` cannot open: ENXIO).
    '-o', '|cat',
    '-p', String(pid),
  ];
}

const MAX_DIAGNOSTICS = 100;

export class StraceTracer implements Tracer {
  readonly name = 'strace' as const;
  private availability: Promise<TracerAvailability> | undefined;
  private readonly bin: string;
  private readonly lingerMs: number;
  private readonly readyTimeoutMs: number;

  constructor(options: StraceTracerOptions = {}) {
    this.bin = options.bin ?? 'strace';
    this.lingerMs = options.lingerMs ?? 2000;
    this.readyTimeoutMs = options.readyTimeoutMs ?? 10_000;
  }

  /** Is strace installed, and may it ptrace-attach here? Probed once (a real attach), then cached. */
  check(): Promise<TracerAvailability> {
    this.availability ??= probeStrace(this.bin);
    return this.availability;
  }

  attach(options: AttachOptions): TracerSession {
    return new StraceSession(this.bin, options, this.lingerMs, this.readyTimeoutMs);
  }
}

class StraceSession implements TracerSession {
  readonly ready: Promise<void>;
  private readonly child: ChildProcess;
  private readonly parser: StraceParser;
  private readonly sink: EventSink;
  private readonly log: Logger;
  private readonly pid: number;
  private readonly diagnostics: string[] = [];
  private readonly incomplete: string[] = [];
  private readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private eventCount = 0;
  private ioUring = new Set<number>();
  private truncatedPaths = 0;
  private sinkFailed = false;
  private attached = false;
  private stopping = false;
  private finishing: Promise<TracerOutcome> | undefined;

  constructor(bin: string, options: AttachOptions, private readonly lingerMs: number, readyTimeoutMs: number) {
    this.sink = options.sink;
    this.log = options.log;
    this.pid = options.pid;
    let rootCwd: string | undefined;
    try {
      rootCwd = readlinkSync(`/proc/${options.pid}/cwd`);
    } catch {
      // Learnt from the first AT_FDCWD<path> instead; only legacy relative calls before it miss.
    }
    this.parser = new StraceParser({ rootPid: options.pid, rootCwd });
    const args = straceArgs(options.pid);
    this.log.debug(`strace: ${bin} ${args.join(' ')}`);
    this.child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.closed = new Promise((resolve) => {
      this.child.once('close', (code, signal) => resolve({ code, signal }));
      this.child.once('error', () => resolve({ code: null, signal: null }));
    });

    this.child.stdout!.setEncoding('latin1'); // -xx output is ASCII; names are decoded from \xHH
    this.child.stdout!.on('data', (chunk: string) => this.deliver(this.parser.pushChunk(chunk)));

    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new TracerError(`strace did not attach to pid ${this.pid} within ${readyTimeoutMs} ms`));
        this.child.kill('SIGKILL');
      }, readyTimeoutMs);
      const fail = (why: string) => {
        clearTimeout(timer);
        reject(new TracerError(why));
      };
      let errBuf = '';
      this.child.stderr!.setEncoding('utf8');
      this.child.stderr!.on('data', (chunk: string) => {
        errBuf += chunk;
        const lines = errBuf.split('\n');
        errBuf = lines.pop() ?? '';
        for (const line of lines) {
          const m = /^strace: Process (\d+) (attached|detached)/.exec(line);
          if (m) {
            if (Number(m[1]) === this.pid && m[2] === 'attached' && !this.attached) {
              this.attached = true;
              clearTimeout(timer);
              resolve();
            }
            continue;
          }
          if (line.trim() === '') continue;
          this.diagnostic(`strace: ${line.replace(/^strace: /, '')}`);
          if (!this.attached && /attach|ptrace|Operation not permitted|No such process/.test(line)) {
            fail(`strace cannot attach to pid ${this.pid}: ${line.replace(/^strace: /, '')}. ` +
              'It needs root or CAP_SYS_PTRACE (and kernel.yama.ptrace_scope < 3; containers need SYS_PTRACE)');
          }
        }
      });
      this.child.once('error', (e) => fail(`cannot run ${bin}: ${e.message}; install strace (apt-get install strace)`));
      this.closed.then(({ code, signal }) => {
        if (!this.attached) fail(`strace exited before attaching to pid ${this.pid} (code ${code}, signal ${signal})${this.lastDiagnostic()}`);
      });
    });
    // finish() reports a failed attach too; keep an unobserved rejection quiet.
    this.ready.catch(() => {});
  }

  finish(): Promise<TracerOutcome> {
    this.finishing ??= this.doFinish();
    return this.finishing;
  }

  private async doFinish(): Promise<TracerOutcome> {
    // strace exits by itself once every traced process is gone; give lingering descendants a moment.
    let exit = await within(this.closed, this.lingerMs);
    if (!exit && this.child.exitCode === null) {
      this.stopping = true;
      const msg = `processes of the build were still running ${this.lingerMs} ms after it exited; strace detached from them (their later file accesses are not traced)`;
      this.log.warn(msg);
      this.diagnostic(msg);
      for (const [signal, wait] of [['SIGINT', 2000], ['SIGINT', 3000], ['SIGKILL', 5000]] as const) {
        this.child.kill(signal);
        exit = await within(this.closed, wait);
        if (exit) break;
      }
    }
    exit ??= await this.closed;
    this.deliver(this.parser.end());

    const { code, signal } = exit;
    if (signal === 'SIGKILL' || (code !== 0 && !(this.stopping && (code === null || code === 130)))) {
      this.reason(`strace ended abnormally (code ${code}, signal ${signal})${this.lastDiagnostic()}: events may be missing`);
      this.noticeTracerError(`strace ended abnormally (code ${code}, signal ${signal})`);
    }
    if (!this.attached) this.reason(`strace never attached to pid ${this.pid}`);
    if (this.parser.stats.unparsed > 0) {
      const msg = `${this.parser.stats.unparsed} strace line(s) of traced syscalls could not be parsed`;
      this.reason(msg);
      this.noticeTracerError(msg);
      for (const s of this.parser.unparsedSamples) this.diagnostic(`unparsed: ${s}`);
    }
    if (this.ioUring.size > 0) this.reason(`io_uring set up by pid(s) ${[...this.ioUring].join(', ')}: I/O through it is invisible`);
    if (this.truncatedPaths > 0) this.reason(`${this.truncatedPaths} path(s) could not be read whole`);
    if (this.sinkFailed) this.reason('the event sink failed; events were dropped');
    this.log.debug(`strace: ${this.parser.stats.lines} lines, ${this.eventCount} events, ${this.parser.stats.deduped} repeats dropped`);
    return { lostEvents: 0, incompleteReasons: [...this.incomplete], eventCount: this.eventCount, diagnostics: [...this.diagnostics] };
  }

  private deliver(batch: TraceEvent[]): void {
    if (batch.length === 0) return;
    for (const e of batch) {
      if (e.type !== 'notice') continue;
      if (e.kind === 'io_uring' && e.pid !== undefined) this.ioUring.add(e.pid);
      if (e.kind === 'truncated_path') this.truncatedPaths++;
    }
    this.eventCount += batch.length;
    try {
      this.sink(batch);
    } catch (e) {
      if (!this.sinkFailed) this.log.error(`trace event sink failed: ${(e as Error).message}`);
      this.sinkFailed = true;
    }
  }

  private noticeTracerError(message: string): void {
    this.deliver([{ type: 'notice', ts: Date.now(), kind: 'tracer_error', message }]);
  }

  private reason(r: string): void {
    if (!this.incomplete.includes(r)) this.incomplete.push(r);
  }

  private diagnostic(d: string): void {
    if (this.diagnostics.length < MAX_DIAGNOSTICS) this.diagnostics.push(d);
  }

  private lastDiagnostic(): string {
    const d = this.diagnostics.filter((x) => x.startsWith('strace: ')).at(-1);
    return d ? ` (${d})` : '';
  }
}

/** The promise's value if it settles within `ms`, else undefined. */
async function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms)));
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Run a command, collecting output; resolves on close (code null if it could not start). */
function run(bin: string, args: string[], timeoutMs: number): Promise<{ code: number | null; out: string; err: string; error?: string }> {
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.once('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, out, err, error: e.message });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

/**
 * Find strace and its version, then attach it for real to a short-lived child of ours: root,
 * CAP_SYS_PTRACE, Yama and container seccomp rules all decide that, and only trying tells.
 */
export async function probeStrace(bin = 'strace'): Promise<TracerAvailability> {
  const v = await run(bin, ['-V'], 5000);
  if (v.code === null) return { available: false, reason: `${bin} not found (${v.error ?? 'did not run'}): install strace (apt-get install strace)` };
  const version = /version\s+(\d+(?:\.\d+)+)/.exec(v.out)?.[1];
  if (v.code !== 0 || !version) return { available: false, reason: `\`${bin} -V\` failed (code ${v.code}): ${(v.err || v.out).trim().slice(0, 200)}` };

  const sleeper = spawn('sleep', ['2'], { stdio: 'ignore' });
  if (sleeper.pid === undefined) return { available: false, version, reason: 'cannot start `sleep` to test ptrace attach' };
  const attach = spawn(bin, ['-e', 'trace=none', '-o', '/dev/null', '-p', String(sleeper.pid)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const verdict = await new Promise<{ ok: boolean; why: string }>((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, why: 'strace did not attach within 5 s' }), 5000);
    attach.stderr!.setEncoding('utf8');
    attach.stderr!.on('data', (c: string) => {
      err += c;
      if (/Process \d+ attached/.test(err)) {
        clearTimeout(timer);
        resolve({ ok: true, why: '' });
      }
    });
    attach.once('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, why: e.message });
    });
    attach.once('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: false, why: `exited with code ${code}: ${err.trim().split('\n').at(-1) ?? ''}` });
    });
  });
  sleeper.kill('SIGKILL');
  attach.kill('SIGKILL');
  if (!verdict.ok) {
    return {
      available: false,
      version,
      reason: `strace cannot ptrace-attach here (${verdict.why}); run as root or grant CAP_SYS_PTRACE (containers: --cap-add SYS_PTRACE)`,
    };
  }
  return { available: true, version };
}
