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
 * strace also follows a keeper process of ours, so it cannot exit (losing a just-forked child)
 * before finish() has seen every process of the build exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readlinkSync } from 'node:fs';
import { join } from 'node:path';
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
  /** Also keep strace's raw output as `strace.log` in the session's workDir (for triage). */
  keepRawLog?: boolean;
}

/**
 * strace's arguments to follow `pid` and everything it starts; `keeper` is a process of ours that
 * strace also follows so it never runs out of tracees on its own (see StraceSession).
 */
export function straceArgs(pid: number, keeper?: number): string[] {
  return [
    '-f', // follow forks, vforks and clones (ptrace options: nothing created escapes)
    '-ttt', // epoch seconds with microseconds
    '-y', // print the path of every fd, and the cwd as AT_FDCWD<path>
    '-xx', // every string byte as \xHH: hostile names cannot break the line syntax
    '-s', String(STRACE_MAX_STRLEN), // never cut a path or an argv string
    // Print execve's environment whole (other calls stay abbreviated): the task identity variables
    // are read from it, since a process that exits at once has no /proc/PID/environ left to read.
    '-e', 'abbrev=!execve,execveat',
    '-e', `trace=${STRACE_SYSCALLS.join(',')}`,
    // Not signal=none: strace prints "+++ killed by SIG +++" only for signals in this set.
    '-e', 'signal=all',
    // ptrace cannot see operations submitted through io_uring, nor tell a harmless ring (libuv's
    // epoll_ctl batching, set up by every Node process) from one that opens files. So the build gets
    // ENOSYS from io_uring_setup, as on a kernel without io_uring, and falls back to plain syscalls.
    '-e', 'inject=io_uring_setup:error=ENOSYS',
    // strace pipes its output into `cat`, whose stdout is ours (Node's stdio pipes are socketpairs,
    // which `-o /dev/stdout` cannot open: ENXIO).
    '-o', '|cat',
    '-p', String(pid),
    ...(keeper === undefined ? [] : ['-p', String(keeper)]),
  ];
}

const MAX_DIAGNOSTICS = 100;

export class StraceTracer implements Tracer {
  readonly name = 'strace' as const;
  private availability: Promise<TracerAvailability> | undefined;
  private readonly bin: string;
  private readonly lingerMs: number;
  private readonly readyTimeoutMs: number;
  private readonly keepRawLog: boolean;

  constructor(options: StraceTracerOptions = {}) {
    this.keepRawLog = options.keepRawLog ?? false;
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
    return new StraceSession(this.bin, options, this.lingerMs, this.readyTimeoutMs, this.keepRawLog);
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
  private readonly keeper: ChildProcess | undefined;
  private eventCount = 0;
  private ioUring = new Set<number>();
  private truncatedPaths = 0;
  private sinkFailed = false;
  private attached = false;
  private stopping = false;
  private finishing: Promise<TracerOutcome> | undefined;

  constructor(bin: string, options: AttachOptions, private readonly lingerMs: number, readyTimeoutMs: number, keepRawLog: boolean) {
    this.sink = options.sink;
    this.log = options.log;
    this.pid = options.pid;
    let rootCwd: string | undefined;
    try {
      rootCwd = readlinkSync(`/proc/${options.pid}/cwd`);
    } catch {
      // Learnt from the first AT_FDCWD<path> instead; only legacy relative calls before it miss.
    }
    // strace exits as soon as every tracee it knows of is gone, and it learns of a new child only
    // when it next waits: if the last known process exits right after forking (`cmd &` as the
    // build's last line), strace exits and the kernel detaches the child, which runs on untraced
    // (seen here: 1 run in ~4). Following a keeper process of ours as well keeps strace waiting;
    // finish() ends the keeper once every build process has been seen to exit. `cat` on a pipe
    // from us exits by itself if io-trace dies.
    let keeper: ChildProcess | undefined = spawn('cat', [], { stdio: ['pipe', 'ignore', 'ignore'] });
    keeper.on('error', () => {});
    if (keeper.pid === undefined) {
      this.diagnostic('cannot start `cat` as strace keeper: children forked just before the last process exits may be missed');
      keeper = undefined;
    }
    this.keeper = keeper;
    this.parser = new StraceParser({ rootPid: options.pid, rootCwd, ignorePids: keeper?.pid === undefined ? [] : [keeper.pid] });
    const args = straceArgs(options.pid, keeper?.pid);
    this.log.debug(`strace: ${bin} ${args.join(' ')}`);
    // Own process group: a terminal's Ctrl-C reaches the build (and io-trace, which then calls
    // finish()), not strace, which would detach and let the build run on untraced.
    this.child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.closed = new Promise((resolve) => {
      this.child.once('close', (code, signal) => resolve({ code, signal }));
      this.child.once('error', () => resolve({ code: null, signal: null }));
    });

    this.child.stdout!.setEncoding('latin1'); // -xx output is ASCII; names are decoded from \xHH
    const raw = keepRawLog ? createWriteStream(join(options.workDir, 'strace.log'), { encoding: 'latin1' }) : undefined;
    raw?.on('error', (e) => this.log.debug(`strace raw output not saved: ${e.message}`)); // a full disk must not end the run
    this.child.stdout!.on('data', (chunk: string) => {
      raw?.write(chunk);
      this.deliver(this.parser.pushChunk(chunk));
    });
    this.child.stdout!.once('end', () => raw?.end());

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
      let keeperDone = this.keeper === undefined;
      this.child.stderr!.setEncoding('utf8');
      this.child.stderr!.on('data', (chunk: string) => {
        errBuf += chunk;
        const lines = errBuf.split('\n');
        errBuf = lines.pop() ?? '';
        for (const line of lines) {
          const m = /^strace: Process (\d+) (attached|detached)/.exec(line);
          if (m) {
            if (m[2] === 'attached' && Number(m[1]) === this.pid) this.attached = true;
            if (m[2] === 'attached' && Number(m[1]) === this.keeper?.pid) keeperDone = true;
            continue;
          }
          if (line.trim() === '') continue;
          // e.g. "pid K: entering, ptrace_syscall_info.op == 2": the keeper was attached inside read()
          if (this.keeper && line.startsWith(`strace: pid ${this.keeper.pid}: `)) {
            this.log.debug(line);
            continue;
          }
          this.diagnostic(`strace: ${line.replace(/^strace: /, '')}`);
          const attachError = /^strace: attach: \w+\(\w+, (\d+)\)/.exec(line);
          if (attachError && Number(attachError[1]) === this.keeper?.pid) {
            keeperDone = true; // traced all the same, with the race the keeper is there to close
          } else if (!this.attached && (attachError || /ptrace|Operation not permitted|No such process/.test(line))) {
            fail(`strace cannot attach to pid ${this.pid}: ${line.replace(/^strace: /, '')}. ` +
              'It needs root or CAP_SYS_PTRACE (and kernel.yama.ptrace_scope < 3; containers need SYS_PTRACE)');
          }
        }
        if (this.attached && keeperDone) {
          clearTimeout(timer);
          resolve();
        }
      });
      this.child.once('error', (e) => fail(`cannot run ${bin}: ${e.message}; install strace (apt-get install strace)`));

      this.closed.then(({ code, signal }) => {
        if (!this.attached) fail(`strace exited before attaching to pid ${this.pid} (code ${code}, signal ${signal})${this.lastDiagnostic()}`);
      });
    });
    // finish() reports a failed attach too; keep an unobserved rejection quiet. With the keeper
    // still followed, strace would not exit after failing to attach the build: end it.
    this.ready.catch(() => this.endKeeper());
  }

  finish(): Promise<TracerOutcome> {
    this.finishing ??= this.doFinish();
    return this.finishing;
  }

  private async doFinish(): Promise<TracerOutcome> {
    // Wait until strace has reported the end of every process of the build, then let it go by
    // ending the keeper. Descendants still running after lingerMs are detached from (SIGINT).
    const deadline = Date.now() + this.lingerMs;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    while (!exit && this.attached && this.parser.running > 0 && Date.now() < deadline) {
      exit = await within(this.closed, 10);
    }
    if (!exit && this.attached && this.parser.running > 0) {
      this.stopping = true;
      const msg = `${this.parser.running} process(es) of the build were still running ${this.lingerMs} ms after it exited; strace detached from them (their later file accesses are not traced)`;
      this.log.warn(msg);
      this.diagnostic(msg);
      for (const [signal, wait] of [['SIGINT', 2000], ['SIGINT', 3000], ['SIGKILL', 5000]] as const) {
        this.child.kill(signal);
        exit = await within(this.closed, wait);
        if (exit) break;
      }
    }
    this.endKeeper();
    if (!exit) {
      exit = await within(this.closed, 5000);
      if (!exit) {
        this.stopping = true;
        this.child.kill('SIGINT');
        exit = (await within(this.closed, 3000)) ?? (this.child.kill('SIGKILL'), await this.closed);
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

  private endKeeper(): void {
    if (!this.keeper) return;
    this.keeper.stdin?.end();
    const k = this.keeper;
    // cat exits on end of input; make sure of it once strace is gone.
    this.closed.then(() => k.exitCode === null && k.signalCode === null && k.kill('SIGKILL'));
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
