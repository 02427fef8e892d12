import { readFileSync } from 'node:fs';
import { IDENTITY_ENV_VARS } from '../core/events.js';
import type { Plan } from '../plan/types.js';
import type { ProcessRecord, ProcessTracker } from '../core/records.js';
import { cachedResolver, DISCOVERING_ORCHESTRATORS, packageManagerOf, type PackageManager, type ProgramFacts } from './package-managers.js';

/** Environment variable that assigns a process (and its descendants) to a task, for any plan source. */
export const TASK_ENV_VAR = 'IO_TRACE_TASK';

/** Reads a process's environment; undefined when the process is gone or unreadable. */
export type EnvironReader = (pid: number) => Map<string, string> | undefined;

export const readProcEnviron: EnvironReader = (pid) => {
  let raw: string;
  try {
    raw = readFileSync(`/proc/${pid}/environ`, 'utf8');
  } catch {
    return undefined;
  }
  const env = new Map<string, string>();
  for (const entry of raw.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return env;
};

/** Reads a process's full argv (`/proc/PID/cmdline`); undefined when the process is gone. */
export type CmdlineReader = (pid: number) => string[] | undefined;

export const readProcCmdline: CmdlineReader = (pid) => {
  let raw: string;
  try {
    raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined;
  }
  if (raw === '') return undefined;
  return (raw.endsWith('\0') ? raw.slice(0, -1) : raw).split('\0');
};

/** Finds the task whose identity a process environment carries. */
export class TaskMatcher {
  private readonly byTaskEnv = new Map<string, string>();
  private readonly identities: { taskId: string; entries: [string, string][] }[] = [];
  private readonly keys = new Set<string>([TASK_ENV_VAR]);
  /** Shell command -> task, for commands only one task runs. */
  private readonly byCommand = new Map<string, string | null>();

  constructor(plan: Pick<Plan, 'tasks'>) {
    for (const t of plan.tasks) {
      this.byTaskEnv.set(t.id, t.id);
      const entries = Object.entries(t.identity ?? {});
      if (entries.length) {
        this.identities.push({ taskId: t.id, entries });
        for (const [k] of entries) this.keys.add(k);
      }
    }
    for (const t of plan.tasks) {
      for (const c of t.commands ?? []) this.byCommand.set(c, this.byCommand.has(c) && this.byCommand.get(c) !== t.id ? null : t.id);
    }
    // Most specific identity first (Nx: project+target+configuration beats project+target).
    this.identities.sort((a, b) => b.entries.length - a.entries.length);
  }

  /** Env var names worth reading; a process lacking all of them inherits its parent's task. */
  get envKeys(): ReadonlySet<string> {
    return this.keys;
  }

  match(env: Map<string, string>): string | undefined {
    const explicit = env.get(TASK_ENV_VAR);
    if (explicit !== undefined && this.byTaskEnv.has(explicit)) return explicit;
    for (const { taskId, entries } of this.identities) {
      if (entries.every(([k, v]) => env.get(k) === v)) return taskId;
    }
    return undefined;
  }

  /** The task whose `sh -c <command>` this argv is, when exactly one task runs that command. */
  matchCommand(argv: readonly string[] | null): string | undefined {
    if (!argv || argv.length !== 3 || argv[1] !== '-c' || !/(^|\/)sh$/.test(argv[0])) return undefined;
    return this.byCommand.get(argv[2]) ?? undefined;
  }

  /** A value of IO_TRACE_TASK that names no task (reported, so a typo does not go unnoticed). */
  unknownExplicit(env: Map<string, string>): string | undefined {
    const explicit = env.get(TASK_ENV_VAR);
    return explicit !== undefined && !this.byTaskEnv.has(explicit) ? explicit : undefined;
  }
}

interface ProcState {
  key: number;
  pid: number;
  parentKey: number | null;
  ppid: number | null;
  /** Task named by this process's own environment (read at exec), if any. */
  ownTask: string | undefined;
  exe: string | null;
  argv: string[] | null;
  cwd: string | null;
  startedAt: number | null;
  endedAt: number | null;
  /** The package manager this process runs (its own I/O is discovery, charged to no task). */
  packageManager: PackageManager | undefined;
  /** When the program it runs now was exec'd (the latest exec wins, whatever order events arrive in). */
  execAt?: number;
  /** Identity variables it carried that named no planned task (see ProcessTable.adopt). */
  identityEnv?: Map<string, string>;
}

export interface ProcessTableOptions {
  rootPid: number;
  matcher: TaskMatcher;
  /** The task owning processes that match no identity: set for a one-task plan (it owns the whole tree). */
  defaultTask?: string;
  /** Role of processes outside every task: orchestrator (nx, turbo) or unattributed (native plans). */
  outsideRole: 'orchestrator' | 'unattributed';
  readEnviron?: EnvironReader;
  /** Full argv when the tracer had to cut it (default: /proc/PID/cmdline). */
  readCmdline?: CmdlineReader;
  /** Which package manager a program is (default: packageManagerOf on the real file system). */
  packageManagerOf?: (facts: ProgramFacts) => PackageManager | undefined;
  startedAt: number;
}

/**
 * The build's process tree, fed by fork/exec/exit events, and the task each process belongs to.
 * Tasks are decided at the end (finalize), not when an event arrives, because a tracer may deliver
 * a child's events before its fork event (bpftrace reads per-CPU buffers in no global order).
 */
export class ProcessTable implements ProcessTracker {
  private readonly byPid = new Map<number, ProcState>();
  private readonly all: ProcState[] = [];
  private readonly dirty = new Set<ProcState>();
  private readonly readEnviron: EnvironReader;
  private readonly readCmdline: CmdlineReader;
  private readonly classify: (facts: ProgramFacts) => PackageManager | undefined;
  /** Processes whose environment could not be read at exec (too short-lived): they inherit. */
  environMisses = 0;
  readonly unknownTaskNames = new Set<string>();

  constructor(private readonly options: ProcessTableOptions) {
    this.readEnviron = options.readEnviron ?? readProcEnviron;
    this.readCmdline = options.readCmdline ?? readProcCmdline;
    const resolve = cachedResolver();
    this.classify = options.packageManagerOf ?? ((facts) => packageManagerOf(facts, resolve));
    const root = this.create(options.rootPid, null, null, options.startedAt);
    this.readTask(root);
  }

  /** The per-run key of the process currently holding `pid` (creating a placeholder if unseen). */
  keyFor(pid: number, ts: number): number {
    return (this.byPid.get(pid) ?? this.create(pid, null, null, ts)).key;
  }

  fork(parentPid: number, childPid: number, ts: number): void {
    const parent = this.byPid.get(parentPid) ?? this.create(parentPid, null, null, ts);
    const existing = this.byPid.get(childPid);
    if (existing && existing.parentKey === null && existing.key !== 1 && existing.endedAt === null) {
      // Its events arrived before its fork event: adopt the placeholder.
      existing.parentKey = parent.key;
      existing.ppid = parentPid;
      existing.startedAt = Math.min(existing.startedAt ?? ts, ts);
      existing.cwd ??= parent.cwd;
      this.dirty.add(existing);
      return;
    }
    const child = this.create(childPid, parent.key, parentPid, ts);
    child.exe = parent.exe;
    child.argv = parent.argv;
    child.cwd = parent.cwd;
    // Until it execs, a forked child runs its parent's program.
    child.packageManager = parent.packageManager;
  }

  /**
   * `argvTruncated`: the tracer cut argv (bpftrace's string limit): read it whole from /proc if still there.
   * `env`: the identity variables the tracer read at the exec itself (ExecEvent.env). Used when it
   * covers every variable the plan's identities use; otherwise (or when absent) /proc/PID/environ is
   * read, which a process that already exited no longer has.
   */
  exec(pid: number, exe: string, argv: string[], cwd: string | undefined, ts: number, argvTruncated = false, env?: Readonly<Record<string, string>>): void {
    const p = this.byPid.get(pid) ?? this.create(pid, null, null, ts);
    // Execs of one process can arrive out of order: the kernel may move a process to another CPU at
    // exec (sched_exec), and each CPU's records come in their own stream. `env node pnpm ...` must end
    // as node running pnpm (a package manager), not as the env that started it.
    if (p.execAt !== undefined && ts < p.execAt) return;
    p.execAt = ts;
    p.exe = exe;
    p.argv = argvTruncated ? wholeArgv(argv, this.readCmdline(pid)) : argv;
    if (cwd !== undefined) p.cwd = cwd;
    const usable = env !== undefined && [...this.options.matcher.envKeys].every((k) => IDENTITY_ENV_VARS.includes(k));
    this.readTask(p, usable ? new Map(Object.entries(env)) : undefined);
    p.packageManager = this.classify({ exe: p.exe, argv: p.argv, cwd: p.cwd });
    this.dirty.add(p);
  }

  exit(pid: number, ts: number): void {
    const p = this.byPid.get(pid);
    if (!p) return;
    p.endedAt = ts;
    this.dirty.add(p);
  }

  private create(pid: number, parentKey: number | null, ppid: number | null, ts: number): ProcState {
    const p: ProcState = { key: this.all.length + 1, pid, parentKey, ppid, ownTask: undefined, exe: null, argv: null, cwd: null, startedAt: ts, endedAt: null, packageManager: undefined };
    this.all.push(p);
    this.byPid.set(pid, p);
    this.dirty.add(p);
    return p;
  }

  private readTask(p: ProcState, fromTracer?: Map<string, string>): void {
    const env = fromTracer ?? this.readEnviron(p.pid);
    if (!env) {
      this.environMisses++;
      // Gone before we could look: the tool's own command line for a task still says whose it is.
      const byCommand = this.options.matcher.matchCommand(p.argv);
      if (byCommand !== undefined) p.ownTask = byCommand;
      return;
    }
    const unknown = this.options.matcher.unknownExplicit(env);
    if (unknown !== undefined) this.unknownTaskNames.add(unknown);
    const task = this.options.matcher.match(env);
    // A process that carries no identity keeps what it inherits (undefined = ask the parent).
    if (task !== undefined) p.ownTask = task;
    else {
      const ids = [...this.options.matcher.envKeys].filter((k) => k !== TASK_ENV_VAR && env.has(k));
      if (ids.length) p.identityEnv = new Map(ids.map((k) => [k, env.get(k)!]));
    }
  }

  /**
   * Processes whose identity variables named no planned task, matched again with what the run itself
   * said (turbo prints each task's hash: a task `env` variable the dry run did not see gives the build's
   * tasks other hashes). Returns how many were adopted; every record is then re-emitted (descendants
   * inherit).
   */
  adopt(match: (env: ReadonlyMap<string, string>) => string | undefined): number {
    let n = 0;
    for (const p of this.all) {
      if (p.ownTask !== undefined || !p.identityEnv) continue;
      const task = match(p.identityEnv);
      if (task === undefined) continue;
      p.ownTask = task;
      n++;
    }
    if (n) for (const p of this.all) this.dirty.add(p);
    return n;
  }

  /** Task of a process: its own identity, else its nearest ancestor's, else the default task. */
  private taskOf(p: ProcState, memo: Map<number, string | null>): string | null {
    const chain: ProcState[] = [];
    let cur: ProcState | undefined = p;
    let found: string | null = null;
    while (cur) {
      const known = memo.get(cur.key);
      if (known !== undefined) {
        found = known;
        break;
      }
      chain.push(cur);
      if (cur.ownTask !== undefined) {
        found = cur.ownTask;
        break;
      }
      cur = cur.parentKey !== null ? this.all[cur.parentKey - 1] : undefined;
    }
    if (found === null && !cur) found = this.options.defaultTask ?? null;
    for (const c of chain) memo.set(c.key, found);
    return found;
  }

  /** Records with tasks decided; `onlyDirty` returns just those changed since the last call. */
  records(onlyDirty = false): ProcessRecord[] {
    const memo = new Map<number, string | null>();
    const list = onlyDirty ? [...this.dirty] : this.all;
    this.dirty.clear();
    return list.map((p) => {
      // A package manager, at any depth, reads every workspace package.json, .npmrc... to find what to
      // run: its I/O is discovery, no task's. The programs it starts still inherit the task.
      const pm = p.packageManager !== undefined;
      const taskId = pm ? null : this.taskOf(p, memo);
      return {
        key: p.key,
        pid: p.pid,
        parentKey: p.parentKey,
        ppid: p.ppid,
        taskId,
        role: pm ? (DISCOVERING_ORCHESTRATORS.has(p.packageManager!) ? 'orchestrator' : 'package-manager') : taskId !== null ? 'task' : this.options.outsideRole,
        exe: p.exe,
        argv: p.argv,
        cwd: p.cwd,
        startedAt: p.startedAt,
        endedAt: p.endedAt,
      };
    });
  }

  get size(): number {
    return this.all.length;
  }
}

/**
 * The whole argv from /proc when it is the same program (each traced argument a prefix of the one read
 * there; the process may have exec'd again since), else the cut one.
 */
function wholeArgv(cut: string[], full: string[] | undefined): string[] {
  if (!full || full.length < cut.length) return cut;
  for (let i = 0; i < cut.length; i++) if (!full[i].startsWith(cut[i])) return cut;
  return full;
}
