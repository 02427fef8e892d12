/**
 * The bpftrace backend: runs bpf/iotrace.bt as root against the stopped build's pid, decodes its
 * output (bpftrace-decode.ts) into TraceEvents and stops it when the build is done.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { closeSync, existsSync, mkdirSync, createWriteStream, openSync, readFileSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { availableParallelism, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TracerError } from '../core/errors.js';
import { stopTracepointSampling } from './tracepoint-sampling.js';
import { KERNEL_BTF, KernelBtf } from './btf.js';
import { inlineStructOffsets } from './struct-offsets.js';
import { INCOMPLETE_NOTICE_KINDS, type TraceEvent, type TracerNoticeEvent } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import { IO_TRACE_VERSION } from '../version.js';
import type { AttachOptions, Tracer, TracerAvailability, TracerOutcome, TracerSession } from './types.js';
import { BpftraceDecoder, lostNotice, parseLostEvents } from './bpftrace-decode.js';
import { processStart } from './launch.js';
import {
  claimStandby,
  newNonce,
  prepareStandbyDir,
  scriptHash,
  discardStandby,
  StandbyProcess,
  waitStandbyReady,
  writeStandbyRecord,
  type ClaimedStandby,
  type StandbyRecord,
} from './standby.js';

export interface BpftraceTracerOptions {
  /**
   * The command that runs bpftrace, as words (default: IO_TRACE_BPFTRACE split on spaces, else
   * `bpftrace` on PATH). May be a wrapper, e.g. `chroot /srv/sid bpftrace`: it must exec bpftrace
   * (so signals reach it) and pass the arguments and environment through.
   */
  command?: string[];
  /** The script (default: bpf/iotrace.bt of this package). */
  scriptPath?: string;
  /**
   * BPFTRACE_PERF_RB_PAGES, a power of 2 (default IO_TRACE_BPF_PERF_PAGES, else defaultPerfPages() for
   * this machine and the bpftrace version check() found).
   */
  perfPages?: number;
  /**
   * Keys per BPF map (default IO_TRACE_BPF_MAP_KEYS or 16384). Maps are preallocated: 16384 attaches in
   * ~1.3 s here, 65536 in ~4.9 s. Bounds the live processes followed and the de-duplication memory.
   */
  mapKeys?: number;
  /** check() also attaches a test probe (default false: the real attach is the probe; see doCheck). */
  probeOnCheck?: boolean;
  /** Whether the kernel has the io_uring_submit_req tracepoint (default: look; tests set false to load the fallback script). */
  submitTracepoint?: boolean;
  /** How long compiling and attaching may take before attach fails (default 60 s). */
  readyTimeoutMs?: number;
  /** After SIGINT, how long to wait before resending it, then before SIGKILL (default 3 s each). */
  stopTimeoutMs?: number;
  /**
   * Once every record up to the build's exit is read and none was lost, let bpftrace detach its probes
   * after finish() returns instead of waiting for it (default true; IO_TRACE_BPF_WAIT_DETACH=1 waits).
   * The kernel takes ~35 ms per probe to detach (~0.9 s for the script's 19): nobody needs to wait.
   */
  detachInBackground?: boolean;
}

const MIN_VERSION = [0, 17, 0];

/** Environment variable naming the command that runs bpftrace (words split on spaces). */
export const BPFTRACE_COMMAND_ENV = 'IO_TRACE_BPFTRACE';

/** The bpftrace command: `text` (a flag's value), else IO_TRACE_BPFTRACE, else `bpftrace`. */
export function bpftraceCommand(text: string | undefined = process.env[BPFTRACE_COMMAND_ENV]): string[] {
  const words = (text ?? '').trim().split(/\s+/).filter(Boolean);
  return words.length > 0 ? words : ['bpftrace'];
}

/**
 * BPFTRACE_PERF_RB_PAGES for this machine and bpftrace. Before 0.19 output goes through per-CPU perf
 * buffers of that many pages each; from 0.19 (on kernels with BPF ring buffers, 5.8+) through one ring
 * shared by all CPUs, of that many pages in all. 4096 pages (16 MiB) per CPU in all: a burst of 200k
 * distinct stats on a busy 2-CPU VM lost 0 events on 0.17 with 1024 pages per CPU; with a ring of 4096
 * pages 0.20.2 lost 57.7k (0.23.2 none), 0.27.1 lost 6.3k with 2048; with 8192 none of them lost any.
 * Where strings stay at bpftrace's 1024-byte default (0.24-0.26, see bpftraceEnv) a record is about
 * four times bigger: 0.25.0 lost 59k with 8192 pages and none with 32768, so those get four times the
 * pages. At most 128 MiB in all, and at most 1/32 of the memory.
 */
export function defaultPerfPages(ncpus = onlineCpus().length, version?: string, memBytes = totalmem()): number {
  const cpus = Math.max(1, ncpus);
  const perCpu = (version !== undefined && stringsAtDefaultLength(version) ? 4 : 1) * 4096;
  const total = Math.max(64 * cpus, Math.min(perCpu * cpus, 32_768, Math.floor(memBytes / 32 / 4096)));
  const shared = version !== undefined && versionAtLeast(version, [0, 19, 0]);
  const pages = shared ? total : Math.max(64, Math.floor(total / cpus));
  return 2 ** Math.floor(Math.log2(pages));
}

/**
 * bpftrace 0.25.0 (Ubuntu 26.04's) fails to load the script with any max_strlen but its default of 1024
 * ("Error loading BPF program ... -13", after the verifier passed it); 0.23 and 0.27 take 200. So on
 * 0.24-0.26 it is left at the default: strings are then up to 1023 bytes and the chunks stay 199 bytes
 * (the decoder cuts a chunk that has a successor).
 */
function stringsAtDefaultLength(version: string): boolean {
  return versionAtLeast(version, [0, 24, 0]) && !versionAtLeast(version, [0, 27, 0]);
}

/** Messages bpftrace prints on every run that mean nothing for us (0.24+ says "Attached N probes"). */
const HARMLESS_STDERR = [/couldn't set RLIMIT_MEMLOCK/, /^\s*$/, /^Attach(ing|ed) \d+ probes?/];

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

function run(command: string[], args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string; error?: NodeJS.ErrnoException }> {
  return new Promise((resolve) => {
    execFile(command[0], [...command.slice(1), ...args], { timeout: timeoutMs, encoding: 'utf8', maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
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

export function versionAtLeast(v: string, min: number[]): boolean {
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
  private readonly command: string[];
  /** The version `check()` found (the script is fitted to it). */
  private version: string | undefined;
  private readonly scriptPath: string | undefined;
  private readonly perfPages: number | undefined;
  private readonly mapKeys: number;
  private readonly readyTimeoutMs: number;
  private readonly stopTimeoutMs: number;
  private readonly detachInBackground: boolean;
  private checked: Promise<TracerAvailability> | undefined;
  private readonly probeOnCheck: boolean;
  /** Prefix to run bpftrace as root: [] as root, ['sudo', '-n'] otherwise. */
  private asRoot: string[] = [];
  /** Prefix to run bpftrace as SCHED_BATCH (`chrt -b 0`), [] where chrt cannot: see check(). */
  private schedBatch: string[] = [];
  /**
   * Whether the kernel has the io_uring_submit_req tracepoint (check(): tracefs is readable by root only,
   * so as another user it is looked up through sudo). Undefined: not checked, adaptScript looks itself.
   */
  private hasSubmitTracepoint: boolean | undefined;
  /** A standby tracer this run claimed (claimStandby): attach() adopts it instead of starting bpftrace. */
  private standby: ClaimedStandby | undefined;

  constructor(options: BpftraceTracerOptions = {}) {
    this.command = options.command ?? bpftraceCommand();
    this.scriptPath = options.scriptPath;
    this.perfPages = options.perfPages ?? (process.env.IO_TRACE_BPF_PERF_PAGES ? envInt('IO_TRACE_BPF_PERF_PAGES', 0) : undefined);
    if (this.perfPages !== undefined && (this.perfPages & (this.perfPages - 1)) !== 0) {
      throw new TracerError(`IO_TRACE_BPF_PERF_PAGES=${this.perfPages}: must be a power of 2 (perf ring buffers are)`);
    }
    this.mapKeys = options.mapKeys ?? envInt('IO_TRACE_BPF_MAP_KEYS', 16384);
    this.readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
    this.probeOnCheck = options.probeOnCheck ?? false;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 3_000;
    this.detachInBackground = options.detachInBackground ?? process.env.IO_TRACE_BPF_WAIT_DETACH !== '1';
    this.hasSubmitTracepoint = options.submitTracepoint;
  }

  /** Binary, version, root (or passwordless sudo), tracefs, and (probeOnCheck) a real probe. Cached. */
  check(): Promise<TracerAvailability> {
    this.checked ??= this.doCheck();
    return this.checked;
  }

  private async doCheck(): Promise<TracerAvailability> {
    if (!isRoot()) {
      const sudo = await run(['sudo'], ['-n', 'true'], 5_000);
      if (sudo.code !== 0) {
        return { available: false, reason: 'bpftrace needs root: run io-trace as root or allow passwordless `sudo -n`' };
      }
      this.asRoot = ['sudo', '-n'];
    }
    const shown = this.command.join(' ');
    // The version comes from the command that will trace (a wrapper may run another bpftrace).
    const ver = await run([...this.asRoot, ...this.command], ['--version'], 15_000);
    if (ver.error?.code === 'ENOENT') {
      return { available: false, reason: `${this.asRoot.length ? this.command[0] : shown} not found on PATH: install bpftrace (e.g. \`apt-get install bpftrace\`) or set ${BPFTRACE_COMMAND_ENV}` };
    }
    const version = parseBpftraceVersion(ver.stdout + ver.stderr);
    if (ver.code !== 0 || version === undefined) {
      return { available: false, reason: `\`${shown} --version\` failed: ${(ver.stderr || ver.stdout).trim() || `exit code ${ver.code}`}` };
    }
    this.version = version;
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
    // bpftrace's only work is reading its buffers. As SCHED_BATCH it does not preempt a build process each
    // time a record wakes it, so it reads several records per wakeup: on the bench's real build 0.17-0.19 s
    // of bpftrace CPU instead of 0.25-0.30 s (the script run by hand, 6-7 runs each), at the same share of CPU time (no starvation:
    // its buffer must not fill). chrt is util-linux's; without it, bpftrace runs as before.
    this.schedBatch = (await run(['chrt'], ['-b', '0', 'true'], 5_000)).code === 0 ? ['chrt', '-b', '0'] : [];
    this.hasSubmitTracepoint ??= isRoot() ? existsSync(IO_URING_SUBMIT_TRACEPOINT) : (await run(['sudo'], ['-n', 'test', '-e', IO_URING_SUBMIT_TRACEPOINT], 5_000)).code === 0;
    // A real probe (attach a tracepoint, read a BTF-typed kernel struct) costs ~0.35 s of every run's
    // fixed cost, and the attach that follows proves the same: a failed attach names bpftrace's error and,
    // under --tracer auto, hands over to the next tracer (run-build.ts). So it runs only on request.
    if (this.probeOnCheck) {
      const probe = await run(
        [...this.asRoot, ...this.command],
        [
          '-e',
          'tracepoint:raw_syscalls:sys_enter /pid == 0/ { } BEGIN { printf("iotrace-ok %d\\n", curtask->fs->pwd.dentry != 0); exit(); }',
        ],
        15_000,
      );
      if (!/iotrace-ok 1/.test(probe.stdout)) {
        const why = meaningfulStderr(probe.stderr).join('; ') || `exit code ${probe.code}`;
        return { available: false, version, reason: `bpftrace ${version} (${shown}) cannot attach a tracepoint here (BPF not permitted, or no BTF): ${why}` };
      }
    }
    return { available: true, version };
  }

  /**
   * Take the standby tracer at `dir` for this run, if one is there and usable: the build must then be
   * launched through the returned launcher (its name is how the standby recognises the root). A standby
   * that cannot be used is reported and removed; this run then starts its own bpftrace.
   */
  async claimStandby(dir: string, log: Logger): Promise<string | undefined> {
    const result = claimStandby(dir, scriptHash(readFileSync(this.scriptPath ?? defaultScriptPath(), 'utf8')));
    if (result.claimed) {
      const notReady = await waitStandbyReady(result.claimed, this.readyTimeoutMs);
      if (notReady) {
        discardStandby(result.claimed.dir, result.claimed.record, 'SIGKILL');
        log.warn(`${notReady}; starting bpftrace now`);
        return undefined;
      }
      this.standby = result.claimed;
      log.info(`using the standby tracer of ${dir} (bpftrace pid ${result.claimed.record.pid}, started ${((Date.now() - result.claimed.record.startedAt) / 1000).toFixed(1)} s ago)`);
      return result.claimed.files.launcher;
    }
    if (!result.none) log.warn(`${result.unusable}; starting bpftrace now`);
    return undefined;
  }

  /**
   * Start a standby tracer in `dir` and return its record once bpftrace runs (waitReady: once its probes
   * are attached, or with the reason it failed). It outlives this process, writing to files in `dir`.
   */
  async startStandby(dir: string, options: { idleSeconds: number; waitReady: boolean; log: Logger }): Promise<StandbyRecord> {
    const a = await this.check();
    if (!a.available) throw new TracerError(`bpftrace cannot run here: ${a.reason ?? 'unavailable'}`);
    const shipped = readFileSync(this.scriptPath ?? defaultScriptPath(), 'utf8');
    const nonce = newNonce();
    const script = scriptToRun(shipped, { version: this.version, hasSubmitTracepoint: this.hasSubmitTracepoint, standby: { comm: nonce, idleSeconds: options.idleSeconds } }, options.log);
    const files = prepareStandbyDir(dir, nonce);
    writeFileSync(files.script, script);
    const out = openSync(files.output, 'w');
    const err = openSync(files.stderr, 'w');
    const { words, env } = bpftraceInvocation(
      { command: this.command, asRoot: this.asRoot, schedBatch: this.schedBatch, version: this.version, perfPages: this.perfPages ?? defaultPerfPages(onlineCpus().length, this.version), mapKeys: this.mapKeys },
      script,
      0,
    );
    // Its own session, no pipes: it outlives io-trace (the action's pre step ends long before the build).
    const child = spawn(words[0], words.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', out, err], detached: true });
    closeSync(out);
    closeSync(err);
    const started = await new Promise<number>((resolve, reject) => {
      child.once('error', (e) => reject(new TracerError(`cannot start bpftrace (${this.command.join(' ')}): ${e.message}`)));
      child.once('spawn', () => resolve(child.pid!));
    }).catch((e: Error) => {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    });
    child.unref();
    const fail = (why: string): never => {
      const said = readFileSync(files.stderr, 'utf8').split('\n').filter((l) => l.trim() && !HARMLESS_STDERR.some((re) => re.test(l)));
      rmSync(dir, { recursive: true, force: true });
      throw new TracerError(`${why}${said.length ? `: ${said.slice(0, 8).join(' | ')}` : ''}`);
    };
    // Under sudo the process to watch and signal is bpftrace, sudo's child.
    const deadline = Date.now() + this.readyTimeoutMs;
    let pid = started;
    while (this.asRoot.length > 0 && pid === started) {
      pid = childPids(started)[0] ?? started;
      if (child.exitCode !== null || child.signalCode !== null) fail(`sudo could not start bpftrace as a standby tracer (code ${child.exitCode})`);
      if (Date.now() > deadline) fail('sudo did not start bpftrace within the attach timeout');
      if (pid === started) await new Promise((r) => setTimeout(r, 5));
    }
    const start = processStart(pid);
    if (start === undefined) fail(`bpftrace exited at once (code ${child.exitCode}, signal ${child.signalCode})`);
    const record: StandbyRecord = {
      ioTraceVersion: IO_TRACE_VERSION,
      scriptHash: scriptHash(shipped),
      pid,
      startTicks: start!.startTicks,
      sudo: this.asRoot.length > 0,
      nonce,
      launcher: files.launcher,
      bpftraceVersion: this.version ?? null,
      startedAt: Date.now(),
      idleSeconds: options.idleSeconds,
    };
    writeStandbyRecord(dir, record);
    // Detached, so it also does its work for `tracer start --no-wait` (the action's pre step), once
    // bpftrace is ready: until then there are no events to stop, afterwards every syscall pays for them.
    await stopTracepointSampling(pid, { asRoot: this.asRoot, ready: { file: files.output, waitSeconds: Math.ceil(this.readyTimeoutMs / 1000) }, detached: { outputFile: files.sampling } });
    const notReady = options.waitReady ? await waitStandbyReady({ record, dir, files }, Math.max(0, deadline - Date.now())) : null;
    if (notReady) {
      discardStandby(dir, record, 'SIGKILL');
      throw new TracerError(notReady);
    }
    options.log.debug(`standby bpftrace pid ${record.pid} in ${dir}, launcher ${files.launcher}`);
    return record;
  }

  releaseStandby(): void {
    if (this.standby) discardStandby(this.standby.dir, this.standby.record);
    this.standby = undefined;
  }

  attach(options: AttachOptions): TracerSession {
    const standby = this.standby;
    this.standby = undefined;
    return new BpftraceSession(this, options, {
      standby,
      hasSubmitTracepoint: this.hasSubmitTracepoint,
      command: this.command,
      version: this.version,
      asRoot: this.asRoot,
      schedBatch: this.schedBatch,
      scriptPath: this.scriptPath ?? defaultScriptPath(),
      perfPages: this.perfPages ?? defaultPerfPages(onlineCpus().length, this.version),
      mapKeys: this.mapKeys,
      readyTimeoutMs: this.readyTimeoutMs,
      stopTimeoutMs: this.stopTimeoutMs,
      detachInBackground: this.detachInBackground,
    });
  }
}

/**
 * The command line and environment that run bpftrace on `script` following `pid` (0 for a standby). The
 * program goes on the command line (-e), not as a file: a wrapper that runs bpftrace in a chroot or
 * container needs no path of ours. --no-warnings: newer releases warn about casts and deprecations in
 * every run, which would bury a real error. Through sudo the settings go in with `env`.
 */
function bpftraceInvocation(
  c: { command: string[]; asRoot: string[]; schedBatch: string[]; version: string | undefined; perfPages: number; mapKeys: number },
  script: string,
  pid: number,
): { words: string[]; env: Record<string, string> } {
  const env = bpftraceEnv(c.version, c.perfPages, c.mapKeys);
  const args = ['--no-warnings', '-B', 'line', '-f', 'json', '-e', script, String(pid)];
  const words = [...c.schedBatch, ...(c.asRoot.length > 0 ? [...c.asRoot, 'env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`)] : []), ...c.command, ...args];
  return { words, env };
}

function meaningfulStderr(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => !HARMLESS_STDERR.some((re) => re.test(l)));
}

/** What a session needs of bpftrace: its child process, or a standby's files and pid (StandbyProcess). */
interface BpftraceProcess extends EventEmitter {
  readonly pid?: number | undefined;
  readonly exitCode: number | null;
  readonly signalCode: NodeJS.Signals | null;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  kill(signal?: NodeJS.Signals): boolean;
  unref(): void;
}

interface SessionConfig {
  /** Adopt this standby tracer instead of starting bpftrace. */
  standby: ClaimedStandby | undefined;
  /** See BpftraceTracer.hasSubmitTracepoint. */
  hasSubmitTracepoint: boolean | undefined;
  command: string[];
  /** From check(); undefined when attach() is called without it (the script is then fitted to 0.17). */
  version: string | undefined;
  asRoot: string[];
  schedBatch: string[];
  scriptPath: string;
  perfPages: number;
  mapKeys: number;
  readyTimeoutMs: number;
  stopTimeoutMs: number;
  detachInBackground: boolean;
}

class BpftraceSession implements TracerSession {
  readonly ready: Promise<void>;
  private readonly child: BpftraceProcess;
  private readonly decoder: BpftraceDecoder;
  private readonly log: Logger;
  private readonly sink: AttachOptions['sink'];
  private readonly config: SessionConfig;
  private readonly diagnostics: string[] = [];
  private readonly notices = new Map<TracerNoticeEvent['kind'], { count: number; first: string }>();
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly stdoutDone: Promise<void>;
  private readonly stderrDone: Promise<void>;
  private readonly raw: WriteStream | undefined;
  private rawPending: Buffer[] = [];
  private rawPendingBytes = 0;
  private eventCount = 0;
  private isReady = false;
  private stopping = false;
  private finished: Promise<TracerOutcome> | undefined;
  private stderrText = '';
  /** bpftrace's own total of lost events, when it prints one at exit. */
  private totalLost = 0;

  constructor(_tracer: BpftraceTracer, options: AttachOptions, config: SessionConfig) {
    this.log = options.log;
    this.sink = options.sink;
    this.config = config;
    mkdirSync(options.workDir, { recursive: true });
    const standby = config.standby;
    // Run a copy kept with the run's files, so the record says exactly what was traced.
    const script = standby
      ? readFileSync(standby.files.script, 'utf8')
      : scriptToRun(readFileSync(config.scriptPath, 'utf8'), { version: config.version, hasSubmitTracepoint: config.hasSubmitTracepoint }, this.log);
    writeFileSync(join(options.workDir, 'iotrace.bt'), script);
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
    // A standby attached long ago: it is ready for this build once it adopted the build's launcher.
    let adopted: number | undefined;
    const readyNow = () => {
      if (this.isReady || !this.decoder.ready || (standby && adopted === undefined)) return;
      if (standby && adopted !== options.pid) {
        clearTimeout(timer);
        onFail(new TracerError(`the standby tracer adopted process ${adopted}, not the build's launcher (pid ${options.pid})`));
        this.kill('SIGINT');
        return;
      }
      this.isReady = true;
      clearTimeout(timer);
      this.log.debug(`bpftrace attached ${this.decoder.stats.probes} probes, following pid ${options.pid}${standby ? ' (standby tracer)' : ''}`);
      // Before the build starts, its tracepoint events stop sampling (tracepoint-sampling.ts: on CPU 0
      // they cost more than the programs). ~10 ms; a standby's helper did it long ago, unless the run
      // claimed it right after `tracer start --no-wait`. Bounded: it only changes the speed.
      const done = standby ? readIfThere(standby.files.sampling) : '';
      const pid = standby ? standby.record.pid : this.child.pid;
      const said = /^disabled /.test(done) || pid === undefined ? Promise.resolve(done) : stopTracepointSampling(pid, { asRoot: config.asRoot });
      void Promise.race([said, new Promise<string>((r) => setTimeout(() => r('tracepoint events: no answer within 3 s, not waited for'), 3000).unref())]).then((r) => {
        this.log.debug(`${standby ? 'standby: ' : ''}${r}`);
        onReady();
      });
    };
    this.decoder = new BpftraceDecoder({
      toEpochMs: (ns) => ns / 1e6 + offsetMs,
      onReady: readyNow,
      onRoot: (pid) => {
        adopted ??= pid;
        readyNow();
      },
      onOther: (text) => this.diagnostic(text),
    });

    if (standby) {
      this.child = new StandbyProcess(standby.record, standby.files);
    } else {
      const { words, env } = bpftraceInvocation(config, script, options.pid);
      this.log.debug(`starting ${words.slice(0, -3).join(' ')} <iotrace.bt> ${options.pid}`);
      this.child = spawn(words[0], words.slice(1), {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    }
    const version = standby ? standby.record.bpftraceVersion : config.version;
    const named = `${standby ? 'the standby ' : ''}bpftrace ${version ?? '(version unknown)'} (${config.command.join(' ')})`;

    const timer = setTimeout(() => {
      onFail(new TracerError(`${named} did not attach within ${config.readyTimeoutMs / 1000} s${this.stderrSummary()}`));
      this.kill('SIGKILL');
    }, config.readyTimeoutMs);

    this.exited = new Promise((resolve) => {
      this.child.once('error', (e) => {
        clearTimeout(timer);
        onFail(new TracerError(`cannot start ${named}: ${e.message}`));
        resolve({ code: null, signal: null });
      });
      this.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (!this.isReady) {
          // 'exit' can come before the last of stderr: its error is the reason, so wait for it (bounded).
          const drained = Promise.race([this.stderrDone, new Promise<void>((r) => setTimeout(r, 2000).unref())]);
          void drained.then(() => onFail(new TracerError(`${named} could not load bpf/iotrace.bt (exited before attaching, code ${code}, signal ${signal})${this.stderrSummary()}`)));
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
    let partial = '';
    this.child.stderr!.on('data', (s: string) => {
      // bpftrace 0.24+ prints "Lost N events" on stderr (earlier ones on stdout, where the decoder sees it).
      const lines = (partial + s).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.stderrLine(line);
    });
    this.stderrDone = new Promise((resolve) => {
      this.child.stderr!.once('close', () => {
        if (partial) this.stderrLine(partial);
        partial = '';
        resolve();
      });
    });
    this.stdoutDone = new Promise((resolve) => {
      this.child.stdout!.on('data', (chunk: Buffer) => {
        this.saveRaw(chunk);
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
      if (synced) {
        // The script counts what it printed: records missing at the sync were lost, even where bpftrace
        // has not said so (yet). Reported as a loss, so io-trace also waits for bpftrace's own total.
        const more = this.decoder.countUnreportedLoss();
        if (more > 0) {
          this.notice(lostNotice(more, 'counted by the script, not yet reported by bpftrace'));
        }
      }
      if (synced && this.canDetachInBackground()) {
        this.detachLater();
        return this.outcome();
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
    await this.stderrDone;
    this.deliver(this.decoder.end());
    for (const line of meaningfulStderr(this.stderrText)) this.diagnostic(line);
    this.removeStandbyDir();
    return this.outcome();
  }

  /**
   * Whether bpftrace may be left to stop on its own: every CPU's records up to the build's exit are read
   * (the caller checked), nothing was lost (every loss report, on stdout or stderr, adds to the decoder's
   * count; 0.27 prints its exact total only at exit, so after any loss io-trace waits for it), bpftrace
   * is not a child run through sudo (whose SIGKILL needs the relay in kill(); a standby is signalled by
   * its own pid, through sudo when it is root's), and it is still running.
   */
  private canDetachInBackground(): boolean {
    return (
      this.config.detachInBackground &&
      (this.config.standby !== undefined || this.config.asRoot.length === 0) &&
      this.decoder.stats.lostEvents === 0 &&
      this.child.pid !== undefined &&
      this.child.exitCode === null &&
      this.child.signalCode === null
    );
  }

  /**
   * Stop bpftrace without waiting for it: SIGINT now, and a detached watchdog that repeats it and then
   * kills bpftrace if it is still there (it sometimes ignores a SIGINT that lands while it is busy).
   * What it prints from here on (processes that outlived the build) is not read: the pipes are closed.
   */
  private detachLater(): void {
    const pid = this.child.pid!;
    let comm = '';
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      // Gone already.
    }
    this.kill('SIGINT');
    if (comm) {
      // Only signal the pid while it is still bpftrace (never a process that reused the pid).
      const same = `[ "$(cat /proc/$0/comm 2>/dev/null)" = "$1" ]`;
      // A standby started through sudo is root's: signalled through sudo too.
      const kill = this.config.standby?.record.sudo ? 'sudo -n kill' : 'kill';
      const watchdog = spawn('sh', ['-c', `sleep 1.5; ${same} && ${kill} -INT $0; sleep 3; ${same} && ${kill} -KILL $0`, String(pid), comm], { stdio: 'ignore', detached: true });
      watchdog.on('error', () => {});
      watchdog.unref();
    }
    this.log.debug(`bpftrace (pid ${pid}) detaches its probes in the background`);
    this.child.stdout?.removeAllListeners('data');
    this.child.stdout?.destroy();
    this.child.stderr?.removeAllListeners('data');
    this.child.stderr?.destroy();
    this.child.unref();
    // A record cut off at the end belongs to what came after the build: drop it.
    this.deliver(this.decoder.end({ dropPartial: true }));
    for (const line of meaningfulStderr(this.stderrText)) this.diagnostic(line);
    this.removeStandbyDir();
  }

  /** A standby's folder goes once its output is read (its copy of the output is in the run's folder). */
  private removeStandbyDir(): void {
    if (this.config.standby) rmSync(this.config.standby.dir, { recursive: true, force: true });
  }

  private async outcome(): Promise<TracerOutcome> {
    this.flushRaw();
    await new Promise<void>((resolve) => (this.raw ? this.raw.end(resolve) : resolve()));
    const stats = this.decoder.stats;
    if (this.totalLost > stats.lostEvents) {
      const more = this.totalLost - stats.lostEvents;
      stats.lostEvents = this.totalLost;
      this.notice(lostNotice(more, 'from its exit total'));
    }
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

  /**
   * Keep bpftrace's output with the run, in writes of 256 KiB: with -B line it arrives a record or a few
   * at a time, and one write per chunk cost ~0.3 s of io-trace's CPU on a 17k-record build.
   */
  private saveRaw(chunk: Buffer): void {
    if (!this.raw) return;
    this.rawPending.push(chunk);
    this.rawPendingBytes += chunk.length;
    if (this.rawPendingBytes >= 256 * 1024) this.flushRaw();
  }

  private flushRaw(): void {
    if (!this.raw || this.rawPending.length === 0) return;
    this.raw.write(this.rawPending.length === 1 ? this.rawPending[0] : Buffer.concat(this.rawPending, this.rawPendingBytes));
    this.rawPending = [];
    this.rawPendingBytes = 0;
  }

  private stderrLine(line: string): void {
    // 0.27 ends with "WARNING: Total lost event count: N" (the per-batch counts came as JSON).
    const total = /Total lost event count: (\d+)/.exec(line);
    if (total) {
      this.totalLost = Number(total[1]);
      return;
    }
    const lost = parseLostEvents(line);
    if (lost !== undefined) {
      const count = this.decoder.reportedLoss(lost);
      if (count > 0) this.deliver([lostNotice(count)]);
      return;
    }
    // Keep the first 64 KiB: enough to say what went wrong.
    if (this.stderrText.length < 65_536) this.stderrText += line + '\n';
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

  /** bpftrace's own words, errors first (a warning must not hide the error that follows it). */
  private stderrSummary(): string {
    const lines = meaningfulStderr(this.stderrText);
    const errors = lines.filter((l) => /error/i.test(l));
    const shown = [...errors, ...lines.filter((l) => !errors.includes(l))].slice(0, 8);
    return shown.length > 0 ? `: ${shown.join(' | ')}` : '';
  }

  /** Resolves true once S records from all online CPUs arrived, false after `ms` or if bpftrace exits. */
  private waitForSync(ms: number): Promise<boolean> {
    const cpus = onlineCpus();
    const done = () => cpus.every((c) => this.decoder.syncedCpus.has(c));
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      // The script prints a CPU's S on a profile tick (49 Hz) or on an exec there: exec `true` on each
      // CPU that has not sent it yet, one after the other (one process whatever the number of CPUs).
      const unsynced = cpus.filter((c) => !this.decoder.syncedCpus.has(c));
      const kick = spawn('sh', ['-c', 'for c; do taskset -c "$c" true; done', 'sh', ...unsynced.map(String)], { stdio: 'ignore' });
      kick.on('error', () => {});
      // Should that fail (no taskset, a standby started by an older io-trace whose script has no exec
      // probe), an idle CPU of a tickless VM takes no profile interrupts at all: after a short grace
      // (30 ms: a CPU that ticks prints its S within 20.4 ms at 49 Hz), keep each silent CPU busy until
      // its S arrives.
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
      }, 30);
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

export interface AdaptOptions {
  /** Whether the kernel has the io_uring_submit_req tracepoint (default: look in tracefs). */
  hasSubmitTracepoint?: boolean;
  /** The bpftrace version that will run the script (undefined: fit it to the oldest, 0.17). */
  version?: string;
  /**
   * A standby tracer (started before the build, PID 0): adopt as root the first process that execs a
   * program whose name (comm, at most 15 bytes of [A-Za-z0-9_.-]) is `comm`, and exit by itself after
   * `idleSeconds` if no such process came, or 20-30 s after the root exited.
   */
  standby?: { comm: string; idleSeconds: number };
}

/**
 * Fit the script to this kernel and this bpftrace:
 * - A standby's raw_syscalls predicates start with the syscall-number gate (gateRawSyscalls): it
 *   costs ~0.15 s more of compiling, paid before the build by a standby, not by a run that starts
 *   bpftrace itself (there it would take as long as it saves on a build of ~500k syscalls).
 * - With the io_uring_submit_req tracepoint (5.19+) io-trace reports only path-based io_uring
 *   operations; without it, the probe is removed (bpftrace would refuse to attach) and any ring set
 *   up is reported instead, since its operations cannot be told apart.
 * - On bpftrace 0.24+ every `while (COND) { // $c from S` becomes
 *   `for $loopK : S..N { $c = (uint64)$loopK; if (!(COND)) { break; }` (N = 1 + the largest number
 *   in COND, the loop's bound; the script's loops step their counter once per pass, last). 0.25
 *   deprecated `while`, and 0.27.1 rejects the chunk-counting loop (two 200-byte strings) as a
 *   `while` ("BPF stack limit is exceeded") but takes it as a range loop, which 0.17-0.23 lack.
 * - The shebang line is dropped: the program is passed with -e.
 */
export function adaptScript(script: string, options: AdaptOptions = {}): string {
  let out = script.replace(/^#!.*\n/, '');
  if (options.standby) out = gateRawSyscalls(out);
  if (!(options.hasSubmitTracepoint ?? existsSync(IO_URING_SUBMIT_TRACEPOINT))) {
    out = out
      .replace(/\/\* IO_URING_SUBMIT_BEGIN[\s\S]*?\/\* IO_URING_SUBMIT_END \*\//, '')
      .replace(/^.*IO_URING_SUBMIT_ONLY.*\n/gm, '')
      .replace('&& 0 /* IO_URING_SETUP_FALLBACK */', '');
  }
  if (options.standby) {
    const { comm, idleSeconds } = options.standby;
    if (!/^[A-Za-z0-9_.-]{1,15}$/.test(comm)) throw new TracerError(`standby tracer: ${JSON.stringify(comm)} cannot be a process name`);
    if (!Number.isInteger(idleSeconds) || idleSeconds <= 0) throw new TracerError(`standby tracer: idle limit ${idleSeconds} s must be a positive whole number`);
    // sched_process_exec fires after the new program's name is set and before it runs a single
    // instruction, so nothing the root does is missed; only the first such process is adopted.
    // One program for the tracepoint, so it also prints the S record of the CPU an exec runs on once the
    // root is gone (EXEC_SYNC in iotrace.bt): bpftrace 0.17 attaches the first of two programs on one
    // tracepoint twice and never runs the second.
    const probes = [
      'tracepoint:sched:sched_process_exec',
      '/@root == 0 || @rootgone/',
      '{',
      '\tif (@root == 0) {',
      `\t\tif (comm == "${comm}") {`,
      '\t\t\t@root = (uint64)pid;',
      '\t\t\t@tracked[(uint64)pid] = 1;',
      '\t\t\t@inst[(uint64)pid] = nsecs;',
      '\t\t\tprintf("G\\t%lu\\t%d\\n", nsecs, pid);',
      '\t\t\t@sent[cpu] = @sent[cpu] + 1; /* counted like every record but R and S (see S in iotrace.bt) */',
      '\t\t}',
      '\t} else {',
      '\t\tif (@synced[cpu] == 0) {',
      '\t\t\t@synced[cpu] = 1;',
      '\t\t\tprintf("S\\t%d\\t%d\\n", cpu, @sent[cpu]);',
      '\t\t}',
      '\t}',
      '}',
      '',
      // A standby nobody claimed (the job failed before the build step) must not trace forever.
      `interval:s:${idleSeconds}`,
      '/@root == 0/',
      '{',
      '\texit();',
      '}',
      '',
      // Nor one whose run died after adopting the build: its output goes to a file, so no broken pipe
      // ends it. 20-30 s after the root exited it exits (a live run stops it within a second).
      'interval:s:10',
      '/@rootgone/',
      '{',
      '\t@rootgone = @rootgone + 1;',
      '\tif (@rootgone > 3) {',
      '\t\texit();',
      '\t}',
      '}',
    ].join('\n');
    out = out
      .replace(/^.*STANDBY_DROP.*\n/gm, '')
      .replace(/,\ntracepoint:sched:sched_process_exec \/\* EXEC_SYNC.*\*\/$/m, '')
      .replace(/^\/\* STANDBY_PROBES .*\*\/$/m, probes);
  }
  if (options.version !== undefined && versionAtLeast(options.version, [0, 24, 0])) {
    let k = 0;
    out = out.replace(/^(\s*)while \((.*)\) \{(?: \/\/ (\$\w+) from (\d+))?$/gm, (_m, indent: string, cond: string, counter?: string, from?: string) => {
      const bound = Math.max(...(cond.match(/\b\d+\b/g) ?? ['0']).map(Number)) + 1;
      k++;
      // The counter taken from the loop variable is a value the verifier does not know, so it checks
      // the body once instead of once per step (0.27 runs range loops through bpf_loop; counting in
      // a variable of our own, the env scan alone went past the 1M-instruction budget).
      const take = counter ? ` ${counter} = (uint64)$loop${k};` : '';
      return `${indent}for $loop${k} : ${from ?? 0}..${bound} {${take} if (!(${cond})) { break; }`;
    });
  }
  return out;
}

/**
 * The script bpftrace runs: adaptScript's, and on bpftrace before 0.25 with its kernel struct reads at
 * offsets taken from the kernel's BTF (struct-offsets.ts: 0.4-0.55 s less to compile). If that cannot be
 * done (no BTF file, a member missing), the adapted script as written, and why in the debug log.
 */
export function scriptToRun(shipped: string, options: AdaptOptions, log: Logger, btfFile = KERNEL_BTF): string {
  const script = adaptScript(shipped, options);
  if (options.version === undefined || versionAtLeast(options.version, [0, 25, 0])) return script;
  try {
    return inlineStructOffsets(script, KernelBtf.fromFile(btfFile));
  } catch (e) {
    log.debug(`kernel struct offsets not inlined, bpftrace resolves them itself (~0.5 s slower): ${(e as Error).message}`);
    return script;
  }
}

/**
 * The syscall-number gate put in front of every raw_syscalls predicate (see gateRawSyscalls):
 * bit ((id * MULTIPLIER) >> 49) & 63 of the mask is set for each syscall in the script's @sc table.
 * The multiplier was chosen (by a search over random odd 63-bit numbers) so the 31 traced syscalls
 * fall on 20 of the 64 bits and the syscalls builds make most of that io-trace does not trace (read,
 * write, close, fstat, mmap, mprotect, futex, epoll_wait, clock_gettime, rt_sigprocmask, ioctl, fcntl,
 * getrandom...) on none of them; the few that share a bit (mremap, getcwd, umask, statfs...) only
 * go on to the map lookup they make without the gate.
 */
const GATE_MULTIPLIER = 0x4b2f32bf9d481cbdn;
const GATE_SHIFT = 49n;

/** The gate's bit for syscall number `id`, computed as the BPF program does (64-bit wrapping product). */
export function gateBit(id: number): number {
  return Number((((BigInt(id) * GATE_MULTIPLIER) & 0xffffffffffffffffn) >> GATE_SHIFT) & 63n);
}

/**
 * Put a test of the syscall number in front of every raw_syscalls program's predicate, so a syscall
 * the script does not trace costs each of the 14 programs a multiply and two shifts instead of a
 * hash-map lookup. Those programs run for every syscall of every process on the machine: on 0.17 a
 * syscall loop paid 0.77 us per syscall with the script loaded and following nobody, 0.43 us with the
 * gate; an idle standby taxes every other process on the machine that much less. One mask and one
 * branch: a gate of one mask per 64 syscall numbers (six tests joined by ||, tried earlier) doubled the
 * verifier's work, since it walks each body once per way into it. This one adds ~0.15 s to bpftrace's
 * compile on 0.17 and 0.20.2 (LLVM: any test in front of the predicates costs that much, even
 * `args->id != 1234`), so only a standby, which compiles before the build, uses it. The mask is
 * computed from the @sc table, so the two cannot disagree.
 */
export function gateRawSyscalls(script: string): string {
  const ids = [...script.matchAll(/^\s*@sc\[(\d+)\] = /gm)].map((m) => Number(m[1]));
  if (ids.length === 0) return script;
  let mask = 0n;
  for (const id of ids) mask |= 1n << BigInt(gateBit(id));
  // Bit 63 would make the literal negative in bpftrace; the multiplier keeps every traced id off it.
  if (mask >> 63n) throw new TracerError('the syscall gate puts a traced syscall on bit 63: choose another multiplier');
  const gate = `((0x${mask.toString(16)} >> ((((uint64)args->id * ${GATE_MULTIPLIER}) >> ${GATE_SHIFT}) & 63)) & 1)`;
  return script.replace(/^(tracepoint:raw_syscalls:sys_(?:enter|exit)\n)\/(.*)\/$/gm, (_m, probe: string, predicate: string) => `${probe}/${gate} && ${predicate}/`);
}

/**
 * bpftrace's settings for this script, by version: strings of 200 bytes (the most before 0.21; the
 * script reads longer paths in 199-byte chunks, and a longer string would make every record that much
 * bigger in the output buffer), no ".." trailer on a cut string (0.18+), the buffer and map sizes.
 * 0.20 renamed BPFTRACE_STRLEN and BPFTRACE_MAP_KEYS_MAX (0.24 dropped the old names, 0.23 warns).
 */
export function bpftraceEnv(version: string | undefined, perfPages: number, mapKeys: number): Record<string, string> {
  const env: Record<string, string> = {
    BPFTRACE_STR_TRUNC_TRAILER: '',
    BPFTRACE_PERF_RB_PAGES: String(perfPages),
  };
  const renamed = version !== undefined && versionAtLeast(version, [0, 20, 0]);
  const old = version === undefined || !renamed;
  const defaultStrlen = version !== undefined && stringsAtDefaultLength(version);
  if (renamed || version === undefined) Object.assign(env, { ...(defaultStrlen ? {} : { BPFTRACE_MAX_STRLEN: '200' }), BPFTRACE_MAX_MAP_KEYS: String(mapKeys) });
  if (old) Object.assign(env, { BPFTRACE_STRLEN: '200', BPFTRACE_MAP_KEYS_MAX: String(mapKeys) });
  return env;
}

/** The incomplete reason for lost events: one total, as `lostEvents` in the database and JSON report. */
export function lostEventsReason(total: number, reports: number): string {
  return `bpftrace lost ${total} events (output buffer full${reports > 1 ? `; ${reports} reports` : ''})`;
}

/** A small file's text, trimmed, or '' when it is not there. */
function readIfThere(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}
