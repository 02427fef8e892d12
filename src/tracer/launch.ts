import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { ConfigurationError, TracerError } from '../core/errors.js';

export interface LaunchOptions {
  /** argv of the build; a single element containing spaces is NOT split (use ['sh','-c',s] for that). */
  command: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Run the build as this user (name or numeric uid) while io-trace and the tracer stay root. */
  user?: string;
  /** stdin for the build: inherit io-trace's (interactive use) or none (CI). */
  stdin?: 'inherit' | 'ignore';
  /**
   * The shell that runs the launcher script (default /bin/sh): a standby tracer's launcher, a symlink
   * to /bin/sh whose name is how the standby recognises the build's root.
   */
  shell?: string;
}

export interface BuildExit {
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface LaunchedBuild {
  pid: number;
  child: ChildProcess;
  /** Let the stopped build run (SIGCONT). Call once the tracer is attached. */
  resume(): void;
  /** Send a signal to the build's whole process group (processes that made their own group excepted). */
  signal(signal: NodeJS.Signals): void;
  /** Resolves when the build's root process exits. */
  exited: Promise<BuildExit>;
}

export interface ResolvedUser {
  uid: number;
  gid: number;
  name: string;
  home: string;
}

/** Look a user up in /etc/passwd (no getpwnam in Node). */
export function resolveUser(spec: string): ResolvedUser {
  let passwd: string;
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch (e) {
    throw new ConfigurationError(`--user ${spec}: cannot read /etc/passwd (${(e as Error).message})`);
  }
  for (const line of passwd.split('\n')) {
    const f = line.split(':');
    if (f.length < 7) continue;
    if (f[0] === spec || f[2] === spec) {
      return { name: f[0], uid: Number(f[2]), gid: Number(f[3]), home: f[5] };
    }
  }
  throw new ConfigurationError(`--user ${spec}: no such user in /etc/passwd; create it or pass an existing user name`);
}

// The build starts stopped so the tracer can attach to its pid before it does anything:
// `kill -STOP $$` stops the shell, and after SIGCONT `exec` replaces it with the build, keeping the pid.
const STOP_THEN_EXEC = 'kill -STOP $$; exec "$@"';

/**
 * Start the build in the stopped state and wait until the kernel reports it stopped.
 * The returned pid stays the build's root pid through setpriv and sh's exec.
 */
export async function launchStopped(options: LaunchOptions): Promise<LaunchedBuild> {
  if (options.command.length === 0) {
    throw new ConfigurationError('no build command given: put it after `--`, e.g. `io-trace run -- npm run build`');
  }
  let file = options.shell ?? '/bin/sh';
  let args = ['-c', STOP_THEN_EXEC, 'io-trace-build', ...options.command];
  const env = { ...options.env };
  if (options.user !== undefined) {
    const user = resolveUser(options.user);
    if (process.getuid?.() !== 0 && userInfo().uid !== user.uid) {
      throw new ConfigurationError(`--user ${options.user}: io-trace must run as root to start the build as another user`);
    }
    // setpriv execs in place (same pid) and sets supplementary groups, which Node's spawn({uid}) drops.
    args = ['--reuid', String(user.uid), '--regid', String(user.gid), '--init-groups', '--', file, ...args];
    file = 'setpriv';
    env.HOME = user.home;
    env.USER = user.name;
    env.LOGNAME = user.name;
  }
  const child = spawn(file, args, {
    cwd: options.cwd,
    env,
    stdio: [options.stdin ?? 'inherit', 'pipe', 'pipe'],
    // Its own process group, so a cancel reaches the whole build (a shell waiting for a child ignores
    // SIGINT until the child exits), and io-trace's own group is left alone.
    detached: true,
  });
  const exited = new Promise<BuildExit>((resolve, reject) => {
    child.once('error', (e) => reject(new TracerError(`cannot start the build (${file}): ${e.message}`)));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  // Keep a rejected `exited` from being reported as unhandled before the caller awaits it.
  exited.catch(() => {});
  const pid = child.pid;
  if (pid === undefined) {
    await exited;
    throw new TracerError(`cannot start the build: ${file} did not start`);
  }
  const deadline = Date.now() + 10_000;
  for (;;) {
    const state = processState(pid);
    if (state === 'T' || state === 't') break;
    if (state === undefined || state === 'Z' || child.exitCode !== null || child.signalCode !== null) {
      const exit = await exited;
      throw new TracerError(
        `the build's launcher exited before it could be traced (code ${exit.code}, signal ${exit.signal}); ` +
          (options.user ? `check that user ${options.user} may run ${options.command[0]}` : 'is /bin/sh present?'),
      );
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new TracerError(`the build's launcher (pid ${pid}) did not stop within 10 s`);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  let resumed = false;
  return {
    pid,
    child,
    exited,
    resume() {
      if (resumed) return;
      resumed = true;
      process.kill(pid, 'SIGCONT');
    },
    signal(sig) {
      try {
        process.kill(-pid, sig);
      } catch {
        try {
          process.kill(pid, sig); // the group is gone; the root may not be
        } catch {
          // already gone
        }
      }
    },
  };
}

/** The start time (clock ticks since boot) and state of `pid`, or undefined when there is no such process. */
export function processStart(pid: number): { startTicks: number; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // comm may hold spaces and parentheses: the fields after it start past the LAST ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], startTicks: Number(fields[19]) };
  } catch {
    return undefined;
  }
}

/** The one-letter state from /proc/PID/stat (R, S, T, Z...), or undefined if the process is gone. */
export function processState(pid: number): string | undefined {
  return processStart(pid)?.state;
}
