/**
 * The bpftrace backend: runs bpf/iotrace.bt as root against the stopped build's pid, decodes its
 * output (bpftrace-decode.ts) into TraceEvents and stops it when the build is done.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, createWriteStream, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TracerError } from '../core/errors.js';
import { INCOMPLETE_NOTICE_KINDS, type TraceEvent, type TracerNoticeEvent } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { AttachOptions, Tracer, TracerAvailability, TracerOutcome, TracerSession } from './types.js';
import { BpftraceDecoder } from './bpftrace-decode.js';

export interface BpftraceTracerOptions {
  /** The bpftrace binary (default: `bpftrace` on PATH). */
  binary?: string;
  /** The script (default: bpf/iotrace.bt of this package). */
  scriptPath?: string;
  /** Perf ring buffer pages per CPU, a power of 2 (default IO_TRACE_BPF_PERF_PAGES or defaultPerfPages()). */
  perfPages?: number;
  /**
   * Keys per BPF map (default IO_TRACE_BPF_MAP_KEYS or 16384). Maps are preallocated: 16384 attaches in
   * ~1.3 s here, 65536 in ~4.9 s. Bounds the live processes followed and the de-duplication memory.
   */
  mapKeys?: number;
  /** How long compiling and attaching may take before attach fails (default 60 s). */
  readyTimeoutMs?: number;
  /** After SIGINT, how long to wait before resending it, then before SIGKILL (default 3 s each). */
  stopTimeoutMs?: number;
}

const MIN_VERSION = [0, 17, 0];

/**
 * Perf ring buffer pages per CPU: 1024 (4 MiB) lost no event in a burst of 200k distinct opens here,
 * where 64 (bpftrace's default) lost 3k and 256 lost ~100. One burst fills one CPU's buffer, so keep
 * 1024 per CPU up to 32 CPUs and stay within 128 MiB of locked memory beyond that.
 */
export function defaultPerfPages(ncpus = availableParallelism()): number {
  const pages = Math.min(1024, Math.max(128, Math.floor(32_768 / Math.max(1, ncpus))));
  return 2 ** Math.floor(Math.log2(pages));
}

/** Warnings bpftrace prints on every run that mean nothing for us. */
const HARMLESS_STDERR = [/couldn't set RLIMIT_MEMLOCK/, /^\s*$/, /^Attaching \d+ probes?/];

/** Find bpf/iotrace.bt next to the source tree or the bundled dist/. */
export function defaultScriptPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'bpf', 'iotrace.bt');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new TracerError('bpf/iotrace.bt not found next to io-trace: reinstall the package (its "bpf" directory is missing)');
}

function envInt(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new TracerError(`${name}=${v}: expected a positive integer`);
  return n;
}

function run(file: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string; error?: NodeJS.ErrnoException }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      const e = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
      resolve({
        code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
        stdout,
        stderr,
        ...(e && typeof e.code === 'string' ? { error: e } : {}),
      });
    });
  });
}

export function parseBpftraceVersion(text: string): string | undefined {
  return /v?(\d+\.\d+\.\d+)/.exec(text)?.[1];
}

function versionAtLeast(v: string, min: number[]): boolean {
  const parts = v.split('.').map(Number);
  for (let i = 0; i < min.length; i++) {
    if ((parts[i] ?? 0) !== min[i]) return (parts[i] ?? 0) > min[i];
  }
  return true;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

export class BpftraceTracer implements Tracer {
  readonly name = 'bpftrace' as const;
  private readonly binary: string;
  private readonly scriptPath: string | undefined;
  private readonly perfPages: number;
  private readonly mapKeys: number;
  private readonly readyTimeoutMs: number;
  private readonly stopTimeoutMs: number;
  private checked: Promise<TracerAvailability> | undefined;
  /** Prefix to run bpftrace as root: [] as root, ['sudo', '-n'] otherwise. */
  private asRoot: string[] = [];

  constructor(options: BpftraceTracerOptions = {}) {
    this.binary = options.binary ?? 'bpftrace';
    this.scriptPath = options.scriptPath;
    this.perfPages = options.perfPages ?? envInt('IO_TRACE_BPF_PERF_PAGES', defaultPerfPages());
    if ((this.perfPages & (this.perfPages - 1)) !== 0) {
      throw new TracerError(`IO_TRACE_BPF_PERF_PAGES=${this.perfPages}: must be a power of 2 (perf ring buffers are)`);
    }
    this.mapKeys = options.mapKeys ?? envInt('IO_TRACE_BPF_MAP_KEYS', 16384);
    this.readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 3_000;
  }

  /** Binary, version, root (or passwordless sudo), tracefs, and a real probe. Cached. */
  check(): Promise<TracerAvailability> {
    this.checked ??= this.doCheck();
    return this.checked;
  }

  private async doCheck(): Promise<TracerAvailability> {
    if (!isRoot()) {
      const sudo = await run('sudo', ['-n', 'true'], 5_000);
      if (sudo.code !== 0) {
        return { available: false, reason: 'bpftrace needs root: run io-trace as root or allow passwordless `sudo -n`' };
      }
      this.asRoot = ['sudo', '-n'];
    }
    const ver = await run(this.binary, ['--version'], 5_000);
    if (ver.error?.code === 'ENOENT') {
      return { available: false, reason: `${this.binary} not found on PATH: install it (e.g. \`apt-get install bpftrace\`)` };
    }
    const version = parseBpftraceVersion(ver.stdout + ver.stderr);
    if (ver.code !== 0 || version === undefined) {
      return { available: false, reason: `\`${this.binary} --version\` failed: ${(ver.stderr || ver.stdout).trim() || `exit code ${ver.code}`}` };
    }
    if (!versionAtLeast(version, MIN_VERSION)) {
      return { available: false, version, reason: `bpftrace ${version} is too old: io-trace needs ${MIN_VERSION.join('.')} or newer` };
    }
    if (isRoot() && !existsSync('/sys/kernel/tracing/events/raw_syscalls') && !existsSync('/sys/kernel/debug/tracing/events/raw_syscalls')) {
      return {
        available: false,
        version,
        reason: 'tracefs is not mounted (no /sys/kernel/tracing/events): run `mount -t tracefs nodev /sys/kernel/tracing`',
      };
    }
    // A real probe: attaches the tracepoint the script relies on and reads a BTF-typed kernel struct.
    const probe = await run(
      this.asRoot[0] ?? this.binary,
      [
        ...this.asRoot.slice(1),
        ...(this.asRoot.length > 0 ? [this.binary] : []),
        '-e',
        'tracepoint:raw_syscalls:sys_enter /pid == 0/ { } BEGIN { printf("iotrace-ok %d\\n", curtask->fs->pwd.dentry != 0); exit(); }',
      ],
      15_000,
    );
    if (!/iotrace-ok 1/.test(probe.stdout)) {
      const why = meaningfulStderr(probe.stderr).join('; ') || `exit code ${probe.code}`;
      return { available: false, version, reason: `bpftrace cannot attach a tracepoint here (BPF not permitted, or no BTF): ${why}` };
    }
    return { available: true, version };
  }

  attach(options: AttachOptions): TracerSession {
    return new BpftraceSession(this, options, {
      binary: this.binary,
      asRoot: this.asRoot,
      scriptPath: this.scriptPath ?? defaultScriptPath(),
      perfPages: this.perfPages,
      mapKeys: this.mapKeys,
      readyTimeoutMs: this.readyTimeoutMs,
      stopTimeoutMs: this.stopTimeoutMs,
    });
  }
}

function meaningfulStderr(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => !HARMLESS_STDERR.some((re) => re.test(l)));
}

interface SessionConfig {
  binary: string;
  asRoot: string[];
  scriptPath: string;
  perfPages: number;
  mapKeys: number;
  readyTimeoutMs: number;
  stopTimeoutMs: number;
}

class BpftraceSession implements TracerSession {
  readonly ready: Promise<void>;
  private readonly child: ChildProcess;
  private readonly decoder: BpftraceDecoder;
  private readonly log: Logger;
  private readonly sink: AttachOptions['sink'];
  private readonly config: SessionConfig;
  private readonly diagnostics: string[] = [];
  private readonly notices = new Map<TracerNoticeEvent['kind'], { count: number; first: string }>();
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly stdoutDone: Promise<void>;
  private readonly raw: WriteStream | undefined;
  private eventCount = 0;
  private isReady = false;
  private stopping = false;
  private finished: Promise<TracerOutcome> | undefined;
  private stderrText = '';

  constructor(_tracer: BpftraceTracer, options: AttachOptions, config: SessionConfig) {
    this.log = options.log;
    this.sink = options.sink;
    this.config = config;
    mkdirSync(options.workDir, { recursive: true });
    // Run a copy kept with the run's files, so the record says exactly what was traced.
    const script = join(options.workDir, 'iotrace.bt');
    writeFileSync(script, adaptScript(readFileSync(config.scriptPath, 'utf8')));
    this.raw = createWriteStream(join(options.workDir, 'bpftrace-output.jsonl'));
    this.raw.on('error', (e) => this.log.debug(`bpftrace raw output not saved: ${e.message}`));

    // bpftrace's nsecs is CLOCK_MONOTONIC, as is process.hrtime.
    const offsetMs = Date.now() - Number(process.hrtime.bigint()) / 1e6;
    let onReady: () => void = () => {};
    let onFail: (e: Error) => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      onReady = resolve;
      onFail = reject;
    });
    // The caller may only await finish(): keep an early failure from being an unhandled rejection.
    this.ready.catch(() => {});
    this.decoder = new BpftraceDecoder({
      toEpochMs: (ns) => ns / 1e6 + offsetMs,
      onReady: () => {
        this.isReady = true;
        clearTimeout(timer);
        this.log.debug(`bpftrace attached ${this.decoder.stats.probes} probes, following pid ${options.pid}`);
        onReady();
      },
      onOther: (text) => this.diagnostic(text),
    });

    const env: Record<string, string> = {
      // 200 is the most bpftrace < 0.21 allows; 0.20 renamed the variables (old names still work).
      BPFTRACE_STRLEN: '200',
      BPFTRACE_MAX_STRLEN: '200',
      // 0.18+ appends ".." to a cut string: the script detects cuts and prints the rest itself.
      BPFTRACE_STR_TRUNC_TRAILER: '',
      BPFTRACE_PERF_RB_PAGES: String(config.perfPages),
      BPFTRACE_MAP_KEYS_MAX: String(config.mapKeys),
      BPFTRACE_MAX_MAP_KEYS: String(config.mapKeys),
    };
    const args = ['-B', 'line', '-f', 'json', script, String(options.pid)];
    const [file, argv] =
      config.asRoot.length > 0
        ? [config.asRoot[0], [...config.asRoot.slice(1), 'env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), config.binary, ...args]]
        : [config.binary, args];
    this.log.debug(`starting ${file} ${argv.join(' ')}`);
    this.child = spawn(file, argv, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

    const timer = setTimeout(() => {
      onFail(new TracerError(`bpftrace did not attach within ${config.readyTimeoutMs / 1000} s${this.stderrSummary()}`));
      this.kill('SIGKILL');
    }, config.readyTimeoutMs);

    this.exited = new Promise((resolve) => {
      this.child.once('error', (e) => {
        clearTimeout(timer);
        onFail(new TracerError(`cannot start bpftrace (${file}): ${e.message}`));
        resolve({ code: null, signal: null });
      });
      this.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (!this.isReady) {
          onFail(new TracerError(`bpftrace exited before attaching (code ${code}, signal ${signal})${this.stderrSummary()}`));
        } else if (!this.stopping) {
          this.notice({
            type: 'notice',
            ts: Date.now(),
            kind: 'tracer_error',
            message: `bpftrace exited while the build ran (code ${code}, signal ${signal})${this.stderrSummary()}`,
          });
        }
        resolve({ code, signal });
      });
    });

    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (s: string) => {
      this.stderrText += s;
      // Keep the first 64 KiB: enough to say what went wrong.
      if (this.stderrText.length > 65_536) this.stderrText = this.stderrText.slice(0, 65_536);
    });
    this.stdoutDone = new Promise((resolve) => {
      this.child.stdout!.on('data', (chunk: Buffer) => {
        this.raw?.write(chunk);
        this.deliver(this.decoder.push(chunk));
      });
      this.child.stdout!.once('close', () => resolve());
    });
  }

  finish(): Promise<TracerOutcome> {
    this.finished ??= this.doFinish();
    return this.finished;
  }

  private async doFinish(): Promise<TracerOutcome> {
    this.stopping = true;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      // On SIGINT bpftrace may leave records unread (the poll it interrupts consumed the perf fds'
      // readiness), so first wait until it has read every CPU's buffer up to the root's exit: the
      // script prints an S record on each CPU after the root exited.
      const synced = await this.waitForSync(this.config.stopTimeoutMs);
      if (!synced) {
        const missing = onlineCpus().filter((c) => !this.decoder.syncedCpus.has(c));
        this.notice({
          type: 'notice',
          ts: Date.now(),
          kind: 'tracer_error',
          message: `bpftrace did not confirm reading CPU ${missing.join(', ')} up to the build's exit within ${this.config.stopTimeoutMs} ms: events at the end of the build may be missing`,
        });
      }
      // bpftrace sometimes ignores a SIGINT that lands while it is busy (then a stop took 4 s in 3 of
      // 4 runs here): a normal stop takes ~0.9 s, so resend it every 1.2 s.
      const deadline = Date.now() + 2 * this.config.stopTimeoutMs;
      let done = false;
      while (!done && Date.now() < deadline) {
        this.kill('SIGINT');
        done = await this.waitExit(Math.min(1200, deadline - Date.now()));
        if (!done) this.log.debug('bpftrace did not stop on SIGINT yet; sending it again');
      }
      if (!done) {
        this.log.warn('bpftrace did not stop after two SIGINTs: killing it (events still buffered are lost)');
        this.diagnostic('bpftrace killed with SIGKILL after ignoring SIGINT');
        this.kill('SIGKILL');
        await this.exited;
      }
    }
    await this.exited;
    await this.stdoutDone;
    this.deliver(this.decoder.end());
    await new Promise<void>((resolve) => (this.raw ? this.raw.end(resolve) : resolve()));
    for (const line of meaningfulStderr(this.stderrText)) this.diagnostic(line);
    const stats = this.decoder.stats;
    if (stats.strays > 0) this.diagnostic(`${stats.strays} bpftrace records could not be matched (after lost events)`);
    const reasons: string[] = [];
    for (const [kind, { count, first }] of this.notices) {
      if (!INCOMPLETE_NOTICE_KINDS.has(kind)) continue;
      // Lost events: the total, the same number as the run's lostEvents (not the first report's count).
      if (kind === 'lost') reasons.push(lostEventsReason(stats.lostEvents, count));
      else reasons.push(count > 1 ? `${first} (and ${count - 1} more ${kind} notices)` : first);
    }
    return { lostEvents: stats.lostEvents, incompleteReasons: reasons, eventCount: this.eventCount, diagnostics: this.diagnostics };
  }

  private deliver(events: TraceEvent[]): void {
    if (events.length === 0) return;
    for (const e of events) if (e.type === 'notice') this.remember(e);
    this.eventCount += events.length;
    try {
      this.sink(events);
    } catch (e) {
      this.log.error(`trace event sink failed: ${(e as Error).message}`);
      this.diagnostic(`sink error: ${(e as Error).message}`);
    }
  }

  /** A notice the session itself raises (not from the decoder). */
  private notice(n: TracerNoticeEvent): void {
    this.deliver([n]);
  }

  private remember(n: TracerNoticeEvent): void {
    const seen = this.notices.get(n.kind);
    if (seen) seen.count++;
    else this.notices.set(n.kind, { count: 1, first: n.message });
  }

  private diagnostic(line: string): void {
    if (this.diagnostics.length < 200) this.diagnostics.push(line);
  }

  private stderrSummary(): string {
    const lines = meaningfulStderr(this.stderrText);
    return lines.length > 0 ? `: ${lines.slice(0, 8).join(' | ')}` : '';
  }

  /** Resolves true once S records from all online CPUs arrived, false after `ms` or if bpftrace exits. */
  private waitForSync(ms: number): Promise<boolean> {
    const cpus = onlineCpus();
    const done = () => cpus.every((c) => this.decoder.syncedCpus.has(c));
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      // The S records come from a profile probe, and an idle CPU of a tickless VM takes no profile
      // interrupts at all: after a short grace, keep each silent CPU busy until its S arrives.
      const wakers: ChildProcess[] = [];
      const wake = setTimeout(() => {
        for (const c of cpus) {
          if (this.decoder.syncedCpus.has(c)) continue;
          // Its own process group, so the kill below takes the busy shell with it (killing `timeout`
          // alone would orphan a shell that spins forever); `timeout` bounds it if io-trace dies.
          const w = spawn('taskset', ['-c', String(c), 'timeout', String(ms / 1000), 'sh', '-c', 'while :; do :; done'], { stdio: 'ignore', detached: true });
          w.on('error', () => {}); // no taskset: the timeout below still ends the wait
          wakers.push(w);
        }
      }, 100);
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        clearTimeout(wake);
        for (const w of wakers) {
          try {
            if (w.pid !== undefined) process.kill(-w.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
        this.child.stdout!.off('data', check);
        resolve(ok);
      };
      // Registered after the decoding listener, so the decoder has seen the chunk.
      const check = () => {
        if (done()) finish(true);
      };
      const timer = setTimeout(() => finish(done()), ms);
      this.child.stdout!.on('data', check);
      void this.exited.then(() => finish(done()));
    });
  }

  private waitExit(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve(false), ms);
      void this.exited.then(() => {
        clearTimeout(t);
        resolve(true);
      });
    });
  }

  private kill(signal: NodeJS.Signals): void {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.config.asRoot.length > 0 && signal === 'SIGKILL') {
      // sudo relays SIGINT but cannot relay SIGKILL: kill its child (bpftrace) directly.
      for (const pid of childPids(this.child.pid)) {
        execFile('sudo', ['-n', 'kill', '-KILL', String(pid)], () => {});
      }
    }
    try {
      this.child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

/** CPUs the kernel has online (a build may run on CPUs outside io-trace's own affinity). */
export function onlineCpus(): number[] {
  let spec: string;
  try {
    spec = readFileSync('/sys/devices/system/cpu/online', 'utf8').trim();
  } catch {
    return Array.from({ length: availableParallelism() }, (_, i) => i);
  }
  const cpus: number[] = [];
  for (const part of spec.split(',')) {
    const [a, b] = part.split('-').map(Number);
    for (let c = a; c <= (b ?? a); c++) cpus.push(c);
  }
  return cpus;
}

function childPids(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

const IO_URING_SUBMIT_TRACEPOINT = '/sys/kernel/tracing/events/io_uring/io_uring_submit_req';

/**
 * Fit the script to this kernel: with the io_uring_submit_req tracepoint (5.19+) io-trace reports only
 * path-based io_uring operations; without it, the probe is removed (bpftrace would refuse to attach)
 * and any ring set up is reported instead, since its operations cannot be told apart.
 */
export function adaptScript(script: string, hasSubmitTracepoint = existsSync(IO_URING_SUBMIT_TRACEPOINT)): string {
  if (hasSubmitTracepoint) return script;
  return script
    .replace(/\/\* IO_URING_SUBMIT_BEGIN[\s\S]*?\/\* IO_URING_SUBMIT_END \*\//, '')
    .replace('&& 0 /* IO_URING_SETUP_FALLBACK */', '');
}

/** The incomplete reason for lost events: one total, as `lostEvents` in the database and JSON report. */
export function lostEventsReason(total: number, reports: number): string {
  return `bpftrace lost ${total} events (perf buffer full${reports > 1 ? `; ${reports} reports` : ''})`;
}
