/**
 * A standby tracer: bpftrace started before the build exists (the action's `pre:` step, or
 * `io-trace tracer start`), so its compile and attach (1-2 s, most of the tracer's fixed cost) happen
 * while the job does other things. It follows nothing until a process execs a program named by the
 * standby's nonce (a symlink to /bin/sh in the standby's folder); `io-trace run` starts the build through
 * that launcher and reads bpftrace's output from the file it writes.
 *
 * The folder holds standby.json (this record), iotrace.bt (the script as loaded), the launcher symlink,
 * bpftrace-output.jsonl and bpftrace-stderr.log. A run claims it by renaming the folder (atomic: two runs
 * never share one standby); an unclaimed standby exits by itself after its idle limit.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, readSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { TracerError } from '../core/errors.js';
import { processStart } from './launch.js';

/** Environment variable naming the standby folder (`io-trace tracer start` prints it). */
export const STANDBY_ENV = 'IO_TRACE_STANDBY';
export const STANDBY_RECORD = 'standby.json';
export const STANDBY_OUTPUT = 'bpftrace-output.jsonl';
export const STANDBY_STDERR = 'bpftrace-stderr.log';
export const STANDBY_SCRIPT = 'iotrace.bt';
export const STANDBY_SAMPLING = 'tracepoint-sampling.txt';
/** How the ready record starts in bpftrace's -f json output (the JSON escapes the TAB after the tag). */
export const READY_RECORD = '"R\\t';
/** BEGIN prints it first, so it is in the output's first 4 KiB. */
export const READY_RECORD_WITHIN = 4096;

export interface StandbyRecord {
  ioTraceVersion: string;
  /** sha256 of bpf/iotrace.bt as shipped: a run refuses a standby of another script. */
  scriptHash: string;
  /**
   * bpftrace's pid (the process to watch and signal) and its start time in clock ticks since boot
   * (/proc/PID/stat field 22: survives the exec of a wrapper such as `chroot DIR bpftrace`, and tells a
   * reused pid apart, so io-trace never signals another process).
   */
  pid: number;
  startTicks: number;
  /** Signal it through `sudo -n kill` (io-trace is not root). */
  sudo: boolean;
  /** The program name the script adopts as root, and the launcher symlink of that name. */
  nonce: string;
  launcher: string;
  bpftraceVersion: string | null;
  startedAt: number;
  idleSeconds: number;
}

/** $IO_TRACE_STANDBY, else <RUNNER_TEMP or the temp folder>/io-trace-standby. */
export function standbyDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env[STANDBY_ENV] || path.join(env.RUNNER_TEMP || tmpdir(), 'io-trace-standby'));
}

export function scriptHash(script: string): string {
  return createHash('sha256').update(script).digest('hex').slice(0, 16);
}

/** A fresh nonce: the launcher's (and so the root's) comm, 15 bytes at most. */
export function newNonce(): string {
  return `iot-${randomBytes(5).toString('hex')}`;
}

export interface StandbyFiles {
  dir: string;
  launcher: string;
  output: string;
  stderr: string;
  script: string;
  /** What the helper that stops its tracepoint events from sampling said (tracepoint-sampling.ts). */
  sampling: string;
}

/** Create the standby's folder (readable by a build run as another user: it execs the launcher). */
export function prepareStandbyDir(dir: string, nonce: string): StandbyFiles {
  if (existsSync(dir)) {
    throw new TracerError(`a standby tracer folder exists already at ${dir}: stop it first (io-trace tracer stop) or pick another folder with ${STANDBY_ENV}`);
  }
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  chmodSync(dir, 0o755);
  const launcher = path.join(dir, nonce);
  symlinkSync('/bin/sh', launcher);
  return { dir, launcher, output: path.join(dir, STANDBY_OUTPUT), stderr: path.join(dir, STANDBY_STDERR), script: path.join(dir, STANDBY_SCRIPT), sampling: path.join(dir, STANDBY_SAMPLING) };
}

export function writeStandbyRecord(dir: string, record: StandbyRecord): void {
  const tmp = path.join(dir, `.${STANDBY_RECORD}.${process.pid}`);
  writeFileSync(tmp, JSON.stringify(record, null, 2) + '\n');
  renameSync(tmp, path.join(dir, STANDBY_RECORD));
}

export function readStandbyRecord(dir: string): StandbyRecord {
  const file = path.join(dir, STANDBY_RECORD);
  let record: StandbyRecord;
  try {
    record = JSON.parse(readFileSync(file, 'utf8')) as StandbyRecord;
  } catch (e) {
    throw new TracerError(`standby tracer at ${dir}: cannot read ${STANDBY_RECORD} (${(e as Error).message})`);
  }
  if (!Number.isInteger(record.pid) || !Number.isInteger(record.startTicks) || typeof record.nonce !== 'string' || typeof record.launcher !== 'string') {
    throw new TracerError(`standby tracer at ${dir}: ${STANDBY_RECORD} is malformed`);
  }
  return record;
}

/** Whether the record's bpftrace still runs (same pid and start time, not a zombie). */
export function standbyAlive(record: Pick<StandbyRecord, 'pid' | 'startTicks'>): boolean {
  const p = processStart(record.pid);
  return p !== undefined && p.startTicks === record.startTicks && p.state !== 'Z';
}

/** Send `signal` to the standby's bpftrace, only while the pid is still it. */
export function signalStandby(record: Pick<StandbyRecord, 'pid' | 'startTicks' | 'sudo'>, signal: NodeJS.Signals): void {
  // Only ever bpftrace: a record is a file, and its pid must not make io-trace signal anything else.
  if (!standbyAlive(record) || processComm(record.pid) !== 'bpftrace') return;
  const viaSudo = () => {
    const k = spawn('sudo', ['-n', 'kill', '-s', signal.replace(/^SIG/, ''), String(record.pid)], { stdio: 'ignore' });
    k.on('error', () => {});
  };
  if (record.sudo) return viaSudo();
  try {
    process.kill(record.pid, signal);
  } catch (e) {
    // A standby root started (`sudo io-trace tracer start`) and a run that is not root: through sudo.
    if ((e as NodeJS.ErrnoException).code === 'EPERM') viaSudo();
  }
}

/** Stop a standby (when its record is known) and remove its folder. */
export function discardStandby(dir: string, record: StandbyRecord | undefined, signal: NodeJS.Signals = 'SIGINT'): void {
  if (record) signalStandby(record, signal);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Stop the unclaimed standby in `dir` and remove the folder (`io-trace tracer stop`, the action's post
 * step). Undefined when there is none; else whether its bpftrace was still running.
 */
export function stopStandby(dir: string): { wasAlive: boolean } | undefined {
  if (!existsSync(dir)) return undefined;
  let record: StandbyRecord | undefined;
  try {
    record = readStandbyRecord(dir);
  } catch {
    // a malformed record: nothing to signal, the folder still goes
  }
  const wasAlive = record !== undefined && standbyAlive(record);
  discardStandby(dir, record);
  return { wasAlive };
}

function processComm(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * Whether a standby folder may be trusted: io-trace runs the build through its launcher, so it must be
 * a real folder of this user (or root's when io-trace is root) that nobody else can write, as
 * prepareStandbyDir makes it; a shared /tmp must not let another user plant one.
 */
function untrustedFolder(dir: string): string | undefined {
  let st;
  try {
    st = lstatSync(dir);
  } catch {
    return undefined; // gone: nothing to claim
  }
  const uid = process.geteuid?.() ?? 0;
  if (!st.isDirectory()) return `${dir} is not a folder`;
  if (st.uid !== uid) return `${dir} belongs to uid ${st.uid}, not to this user (uid ${uid})`;
  if ((st.mode & 0o022) !== 0) return `${dir} can be written by other users`;
  return undefined;
}

export interface ClaimedStandby {
  record: StandbyRecord;
  /** The claimed folder (renamed: no other run can take it). */
  dir: string;
  files: StandbyFiles;
}

export type ClaimResult = { claimed: ClaimedStandby } | { claimed?: undefined; none: true } | { claimed?: undefined; none?: false; unusable: string };

/**
 * Take the standby at `dir` for this run. None there: `{none}`. There but unusable (another io-trace's
 * script, its bpftrace gone: it failed to load or hit its idle limit): `{unusable}` with the reason, the
 * folder removed and its bpftrace stopped.
 */
export function claimStandby(dir: string, ownScriptHash: string): ClaimResult {
  if (!existsSync(path.join(dir, STANDBY_RECORD))) return { none: true };
  const untrusted = untrustedFolder(dir);
  if (untrusted) return { unusable: `not using the standby tracer folder: ${untrusted}` };
  const claimedDir = `${dir}.claimed-${process.pid}-${Date.now()}`;
  try {
    renameSync(dir, claimedDir);
  } catch {
    return { none: true }; // another run took it first
  }
  const files: StandbyFiles = {
    dir: claimedDir,
    launcher: '',
    output: path.join(claimedDir, STANDBY_OUTPUT),
    stderr: path.join(claimedDir, STANDBY_STDERR),
    script: path.join(claimedDir, STANDBY_SCRIPT),
    sampling: path.join(claimedDir, STANDBY_SAMPLING),
  };
  const drop = (why: string, record?: StandbyRecord): ClaimResult => {
    discardStandby(claimedDir, record);
    return { unusable: why };
  };
  let record: StandbyRecord;
  try {
    record = readStandbyRecord(claimedDir);
  } catch (e) {
    return drop((e as Error).message);
  }
  files.launcher = path.join(claimedDir, record.nonce);
  let launcherTarget = '';
  try {
    launcherTarget = lstatSync(files.launcher).isSymbolicLink() ? readlinkSync(files.launcher) : '';
  } catch {
    // missing: refused below
  }
  if (!/^iot-[0-9a-f]{10}$/.test(record.nonce) || launcherTarget !== '/bin/sh') {
    return drop(`the standby tracer's launcher is not a link to /bin/sh named by its nonce: not used`, record);
  }
  if (record.scriptHash !== ownScriptHash) {
    return drop(`the standby tracer was started by another io-trace (${record.ioTraceVersion}, another script)`, record);
  }
  if (!standbyAlive(record)) {
    const why = stderrTail(files.stderr);
    const idle = Date.now() - record.startedAt > record.idleSeconds * 1000;
    return drop(`the standby tracer (pid ${record.pid}) is gone${idle ? ` (idle limit of ${record.idleSeconds} s reached)` : ''}${why ? `: ${why}` : ''}`);
  }
  return { claimed: { record, dir: claimedDir, files } };
}

/** Whether bpftrace has printed its ready record (BEGIN's output arrives once every probe is attached). */
export function standbyReady(files: Pick<StandbyFiles, 'output'>): boolean {
  try {
    return readFileSync(files.output, 'utf8').slice(0, READY_RECORD_WITHIN).includes(READY_RECORD);
  } catch {
    return false;
  }
}

/**
 * Wait until a claimed standby is attached (a pre step that did not wait may have started it seconds
 * ago): a launcher exec'd before that would not be adopted. Resolves null when ready, else why not.
 */
export async function waitStandbyReady(claimed: ClaimedStandby, timeoutMs: number): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  while (!standbyReady(claimed.files)) {
    if (!standbyAlive(claimed.record)) {
      const why = stderrTail(claimed.files.stderr);
      return `the standby tracer (pid ${claimed.record.pid}) exited before it attached${why ? `: ${why}` : ''}`;
    }
    if (Date.now() > deadline) return `the standby tracer (pid ${claimed.record.pid}) did not attach within ${timeoutMs / 1000} s`;
    await new Promise((r) => setTimeout(r, 10));
  }
  const comm = processComm(claimed.record.pid);
  return comm === 'bpftrace' ? null : `the standby tracer's pid ${claimed.record.pid} is ${JSON.stringify(comm)}, not bpftrace: not used`;
}

function stderrTail(file: string): string {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !/RLIMIT_MEMLOCK|^Attach/.test(l))
      .slice(-4)
      .join(' | ');
  } catch {
    return '';
  }
}

/**
 * bpftrace as seen through a standby's files: what a ChildProcess gives the session (stdout and stderr
 * streams, 'exit', kill), made from files it appends to and its pid. Polls the files every `pollMs` and
 * the pid every 100 ms; once bpftrace is gone, reads what is left, ends the streams and emits 'exit'
 * (code and signal unknown: null).
 */
export class StandbyProcess extends EventEmitter {
  readonly pid: number;
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  private readonly out: number;
  private readonly err: number;
  private outPos = 0;
  private errPos = 0;
  private readonly buf = Buffer.alloc(1 << 20);
  private timer: NodeJS.Timeout | undefined;
  private lastAliveCheck = 0;
  private gone = false;

  constructor(
    private readonly record: StandbyRecord,
    files: StandbyFiles,
    pollMs = 5,
  ) {
    super();
    this.pid = record.pid;
    this.out = openSync(files.output, 'r');
    this.err = openSync(files.stderr, 'r');
    this.timer = setInterval(() => this.poll(), pollMs);
    setImmediate(() => this.poll());
  }

  private readAll(fd: number, from: number, into: PassThrough): number {
    let pos = from;
    for (;;) {
      const n = readSync(fd, this.buf, 0, this.buf.length, pos);
      if (n <= 0) return pos;
      into.write(Buffer.from(this.buf.subarray(0, n)));
      pos += n;
    }
  }

  private poll(): void {
    if (this.gone) return;
    this.outPos = this.readAll(this.out, this.outPos, this.stdout);
    this.errPos = this.readAll(this.err, this.errPos, this.stderr);
    const now = Date.now();
    if (now - this.lastAliveCheck < 100) return;
    this.lastAliveCheck = now;
    if (standbyAlive(this.record)) return;
    // Gone: what it wrote before exiting is in the files already.
    this.outPos = this.readAll(this.out, this.outPos, this.stdout);
    this.errPos = this.readAll(this.err, this.errPos, this.stderr);
    this.close();
    this.exitCode = -1;
    this.emit('exit', null, null);
  }

  private close(): void {
    this.gone = true;
    clearInterval(this.timer);
    for (const fd of [this.out, this.err]) {
      try {
        closeSync(fd);
      } catch {
        // closed already
      }
    }
    this.stdout.end();
    this.stderr.end();
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    if (this.gone) return false;
    signalStandby(this.record, signal);
    return true;
  }

  /** Stop reading (the session lets bpftrace detach on its own). */
  unref(): void {
    if (!this.gone) this.close();
  }
}
