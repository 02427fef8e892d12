import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Logger } from '../core/logger.js';
import { bpftraceCommand } from '../tracer/bpftrace.js';
import type { TracerName } from '../tracer/types.js';
import type { TracerRequest } from '../tracer/select.js';

/**
 * Runner set-up: who may run the tracer (root, passwordless sudo, or nobody), which tracer can run
 * (installing bpftrace and mounting tracefs when allowed), and the command line that runs io-trace.
 * Everything here degrades: the result always names a tracer, `none` at worst, with the reasons.
 */

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}
export type Exec = (file: string, args: string[], options?: { timeoutMs?: number }) => Promise<ExecResult>;

export const exec: Exec = (file, args, options = {}) =>
  new Promise((resolve) => {
    execFile(file, args, { timeout: options.timeoutMs ?? 30_000, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const e = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stdout, stderr: stderr || (e && typeof e.code !== 'number' ? e.message : '') });
    });
  });

/** How io-trace gets root for the tracer. */
export interface Privilege {
  /** root: already root; sudo: `sudo -n` works; none: neither (strace only, as this user). */
  kind: 'root' | 'sudo' | 'none';
  /** The user the build must run as (the runner user), when kind is sudo. */
  user: string;
  uid: number;
  gid: number;
}

export async function detectPrivilege(run: Exec, who: { uid: number; gid: number; user: string }): Promise<Privilege> {
  if (who.uid === 0) return { kind: 'root', ...who };
  const sudo = await run('sudo', ['-n', 'true'], { timeoutMs: 10_000 });
  return { kind: sudo.code === 0 ? 'sudo' : 'none', ...who };
}

/** `file args` as root: unchanged when root, `sudo -n` otherwise. */
export function asRoot(p: Privilege, file: string, args: string[]): [string, string[]] {
  return p.kind === 'sudo' ? ['sudo', ['-n', file, ...args]] : [file, args];
}

export interface TracingSetup {
  /** What to pass to `io-trace run --tracer`. */
  tracer: TracerRequest;
  /** Tracers that passed the checks here, best first. */
  usable: TracerName[];
  /** Why tracing is degraded (shown in the log and the summary); empty when the best tracer works. */
  notes: string[];
  /** Set-up steps and their time, for the log and the overhead benchmark. */
  steps: { name: string; ms: number; ok: boolean }[];
}

export interface PrepareOptions {
  request: TracerRequest;
  privilege: Privilege;
  /** Tracers this io-trace build has (registry names, best first). */
  backends: readonly TracerName[];
  installBpftrace: boolean;
  platform: NodeJS.Platform;
  exec: Exec;
  log: Logger;
  /** /proc/mounts text (injected for tests). */
  mounts?: () => string;
  /**
   * The command that runs bpftrace (default: IO_TRACE_BPFTRACE split on spaces, else `bpftrace`), the
   * one io-trace itself will use. A command of the user's own is checked as it is, never apt-installed.
   */
  bpftrace?: string[];
  /**
   * A standby bpftrace the pre step started is running: it loaded and attached the real script, which
   * proves more than the self-test, so that is skipped (~0.35 s of the build step).
   */
  standbyRunning?: boolean;
}

const firstLine = (s: string) => s.trim().split('\n').filter((l) => !/RLIMIT_MEMLOCK/.test(l))[0]?.slice(0, 300) ?? '';

/**
 * Find the best tracer that really works here. bpftrace needs root: install it when missing, mount
 * tracefs when absent, then load one tiny tracepoint program. strace needs only ptrace on our own
 * children. `auto` falls back bpftrace -> strace -> none; an explicit tracer falls back to none.
 */
export async function prepareTracing(o: PrepareOptions): Promise<TracingSetup> {
  const notes: string[] = [];
  const steps: TracingSetup['steps'] = [];
  const step = async <T>(name: string, fn: () => Promise<T>, ok: (t: T) => boolean): Promise<T> => {
    const t0 = Date.now();
    const r = await fn();
    steps.push({ name, ms: Date.now() - t0, ok: ok(r) });
    return r;
  };
  const none = (why: string): TracingSetup => ({ tracer: 'none', usable: [], notes: [...notes, why], steps });
  if (o.request === 'none') return { tracer: 'none', usable: [], notes: ['tracing turned off (tracer: none)'], steps };
  if (o.platform !== 'linux') return none(`io-trace traces builds on Linux only; this runner is ${o.platform}: the build ran untraced`);

  const wanted: TracerName[] = (o.request === 'auto' ? (['bpftrace', 'strace'] as const) : [o.request]).filter((t) => {
    if (o.backends.includes(t)) return true;
    notes.push(`${t}: this io-trace build has no ${t} backend`);
    return false;
  });
  const usable: TracerName[] = [];
  for (const t of wanted) {
    const why = t === 'bpftrace' ? await checkBpftrace(o, step) : await checkStrace(o, step);
    if (why === null) usable.push(t);
    else notes.push(`${t} unavailable: ${why}`);
    if (usable.length) break; // the best working one is enough
  }
  if (!usable.length) return none(o.request === 'auto' ? 'no tracer works on this runner: the build ran untraced' : `tracer ${o.request} cannot run here: the build ran untraced`);
  if (notes.length) notes.push(`using ${usable[0]}`);
  // auto stays auto when its first choice works, so io-trace's own selection records the same reason.
  return { tracer: o.request === 'auto' && usable[0] !== wanted[0] ? usable[0] : o.request, usable, notes, steps };
}

type Step = <T>(name: string, fn: () => Promise<T>, ok: (t: T) => boolean) => Promise<T>;

async function checkBpftrace(o: PrepareOptions, step: Step): Promise<string | null> {
  const p = o.privilege;
  if (p.kind === 'none') return 'it needs root, and this runner has no passwordless sudo (container job or locked-down runner)';
  const root = (file: string, args: string[], timeoutMs?: number) => {
    const [f, a] = asRoot(p, file, args);
    return o.exec(f, a, { timeoutMs });
  };
  const [bin, ...pre] = o.bpftrace ?? bpftraceCommand();
  const custom = !(bin === 'bpftrace' && pre.length === 0);
  const shown = [bin, ...pre].join(' ');
  const bpftrace = (args: string[], timeoutMs: number) => root(bin, [...pre, ...args], timeoutMs);
  let version = await step(`${shown} --version`, () => bpftrace(['--version'], 10_000), (r) => r.code === 0);
  if (version.code !== 0 && custom) return `${shown} (IO_TRACE_BPFTRACE) does not run: ${firstLine(version.stderr) || `exit ${version.code}`}`;
  if (version.code !== 0 && o.installBpftrace) {
    o.log.info('io-trace: bpftrace is missing; installing it with apt-get');
    const install = () => root('apt-get', ['-o', 'DPkg::Lock::Timeout=60', 'install', '-y', '--no-install-recommends', 'bpftrace'], 300_000);
    let r = await step('apt-get install bpftrace', install, (x) => x.code === 0);
    if (r.code !== 0) {
      await step('apt-get update', () => root('apt-get', ['-o', 'DPkg::Lock::Timeout=60', 'update'], 300_000), (x) => x.code === 0);
      r = await step('apt-get install bpftrace (after update)', install, (x) => x.code === 0);
    }
    if (r.code !== 0) return `not installed, and apt-get install bpftrace failed: ${firstLine(r.stderr) || `exit ${r.code}`}`;
    version = await bpftrace(['--version'], 10_000);
  }
  if (version.code !== 0) return `not installed (${firstLine(version.stderr) || 'bpftrace --version failed'})`;
  const mounts = (o.mounts ?? (() => readFileSync('/proc/mounts', 'utf8')))();
  if (!/^\S+ \S+ tracefs /m.test(mounts)) {
    const m = await step('mount tracefs', () => root('mount', ['-t', 'tracefs', 'nodev', '/sys/kernel/tracing'], 10_000), (x) => x.code === 0);
    if (m.code !== 0) return `tracefs is not mounted and mounting it failed: ${firstLine(m.stderr)}`;
  }
  if (o.standbyRunning) return null;
  // Loads and attaches one tracepoint program: proves BPF is allowed (not just that the binary exists).
  const probe = await step(
    'bpftrace self-test',
    () => bpftrace(['-e', 'tracepoint:sched:sched_process_fork { } BEGIN { printf("io-trace-ok\\n"); exit(); }'], 30_000),
    (x) => x.code === 0 && x.stdout.includes('io-trace-ok'),
  );
  if (probe.code !== 0 || !probe.stdout.includes('io-trace-ok')) return `cannot load BPF programs here: ${firstLine(probe.stderr) || `exit ${probe.code}`}`;
  return null;
}

async function checkStrace(o: PrepareOptions, step: Step): Promise<string | null> {
  const v = await step('strace -V', () => o.exec('strace', ['-V'], { timeoutMs: 10_000 }), (r) => r.code === 0);
  if (v.code !== 0) return `not installed (${firstLine(v.stderr) || 'strace -V failed'}); apt-get install strace`;
  // ptrace can be denied in containers (seccomp) or by Yama: trace `true` to find out.
  const t = await step('strace self-test', () => o.exec('strace', ['-f', '-qq', '-e', 'trace=execve', '-o', '/dev/null', 'true'], { timeoutMs: 10_000 }), (r) => r.code === 0);
  if (t.code !== 0) return `cannot trace processes here: ${firstLine(t.stderr) || `exit ${t.code}`}`;
  return null;
}

/** How to start io-trace itself. */
export interface CliInvocation {
  file: string;
  args: string[];
  /** The tracer runs as root while the build runs as this user (sudo case). */
  buildUser: string | null;
  sudo: boolean;
}

export interface InvocationOptions {
  node: string;
  cli: string;
  privilege: Privilege;
  tracer: TracerRequest;
  plan: string;
  tasks: string[];
  config: string | null;
  ignore: string[];
  outDir: string;
  dbPath: string;
  reportPath: string;
  command: string[];
  /** PATH to hand to the build (sudo's secure_path would replace it). */
  path: string;
  /**
   * Who gets root. `tracer` (default): io-trace runs as this user and the bpftrace backend starts only
   * bpftrace with `sudo -n` (least privilege: the build, io-trace and its files stay the runner's).
   * `io-trace`: all of io-trace runs as root and the build as the runner user, for a backend that cannot
   * elevate itself.
   */
  elevate?: 'tracer' | 'io-trace';
  /** Debug logging (`--verbose`): the runner's debug mode (RUNNER_DEBUG=1, "Enable debug logging"). */
  verbose?: boolean;
}

/**
 * The io-trace command line. By default io-trace runs as the caller and only the tracer is elevated
 * (the bpftrace backend runs `sudo -n bpftrace`). With `elevate: 'io-trace'`, when not root but sudo
 * works and the tracer needs root: run io-trace as root with `--user <runner>` so the build itself
 * runs as the runner user (setpriv), keeping the caller's environment (-E) and PATH (sudo's
 * secure_path resets it; tools from setup-node live there). strace and untraced runs never need root.
 */
export function cliInvocation(o: InvocationOptions): CliInvocation {
  const io = [
    'run',
    '--tracer', o.tracer,
    '--plan', o.plan,
    ...(o.tasks.length ? ['--tasks', o.tasks.join(',')] : []),
    ...(o.config ? ['--config', o.config] : []),
    ...o.ignore.flatMap((g) => ['--ignore', g]),
    '--out-dir', o.outDir,
    '--db', o.dbPath,
    '--json', o.reportPath,
    ...(o.verbose ? ['--verbose'] : []),
  ];
  const needsRoot = o.tracer === 'bpftrace' || o.tracer === 'auto';
  if (o.elevate === 'io-trace' && o.privilege.kind === 'sudo' && needsRoot) {
    return {
      file: 'sudo',
      args: ['-n', '-E', 'env', `PATH=${o.path}`, o.node, o.cli, ...io, '--user', o.privilege.user, '--', ...o.command],
      buildUser: o.privilege.user,
      sudo: true,
    };
  }
  return { file: o.node, args: [o.cli, ...io, '--', ...o.command], buildUser: null, sudo: false };
}

/**
 * The build command: a single plain command line runs as argv (so io-trace can read `nx run-many -t
 * build` or `turbo run build` from it); anything else runs as a bash script with GitHub's own
 * `shell: bash` flags (-e, pipefail).
 */
export function buildCommand(run: string): string[] {
  const s = run.trim();
  if (!s.includes('\n') && /^[A-Za-z0-9_@%+=:,./ -]+$/.test(s)) return s.split(/ +/);
  return ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', run];
}
