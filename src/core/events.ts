/**
 * The normalised trace event model: what every tracer backend (bpftrace, strace) emits, and what the
 * store ingests. Backends must produce the same events for the same build, so this model only holds
 * what both can observe.
 */

/**
 * What a process did to a path. Classified by the backend from the syscall and its flags, so that the
 * analyser never looks at raw flags.
 */
export const ACCESS_OPS = [
  'read', //        open(O_RDONLY) of a non-directory, or a file execve'd
  'write', //       open with O_WRONLY/O_RDWR, without O_CREAT/O_TRUNC
  'create', //      open with O_CREAT (the file may or may not have existed)
  'truncate', //    open with O_TRUNC, or truncate()
  'stat', //        stat/lstat/newfstatat/statx/access/faccessat/readlink: a probe, not a content read
  'readdir', //     open(O_DIRECTORY) or getdents: a directory listing
  'unlink', //      unlink/unlinkat (non-directory)
  'rmdir', //       rmdir / unlinkat(AT_REMOVEDIR)
  'mkdir', //       mkdir/mkdirat
  'rename_from', // rename*: the old path
  'rename_to', //   rename*: the new path
  'link', //        link/symlink: the new path (a write of a directory entry)
  'exec', //        execve/execveat of this path (also a read of it)
] as const;
export type AccessOp = (typeof ACCESS_OPS)[number];

/** Ops that change the file system at the path (count as writes for the analyser). */
export const WRITE_OPS: ReadonlySet<AccessOp> = new Set([
  'write',
  'create',
  'truncate',
  'unlink',
  'rename_from',
  'rename_to',
  'link',
]);

/** Ops that read a file's content. */
export const READ_OPS: ReadonlySet<AccessOp> = new Set(['read', 'exec']);

export interface AccessEvent {
  type: 'access';
  /** Milliseconds since the Unix epoch (fractional). */
  ts: number;
  /** Process id (thread group id), not thread id. */
  pid: number;
  op: AccessOp;
  /**
   * Absolute path as the process named it, resolved against its cwd or dirfd, decoded from the
   * kernel's bytes as UTF-8 (names that are not valid UTF-8 are a known limit). Never cut short: a path
   * the backend could not recover whole is reported with a 'truncated_path' notice instead. Not
   * normalised: may contain `.`/`..`, `//` or symlinks; the store normalises (src/store/normalise-path.ts).
   */
  path: string;
  /** 0 on success, the positive errno on failure (ENOENT = 2). */
  errno: number;
}

/** A new process (not a thread) created by fork/vfork/clone without CLONE_THREAD. */
export interface ForkEvent {
  type: 'fork';
  ts: number;
  /** Parent process id. */
  pid: number;
  child: number;
}

/** A successful execve: the process now runs `path` with `argv`. */
export interface ExecEvent {
  type: 'exec';
  ts: number;
  pid: number;
  path: string;
  /** argv as far as the backend could read it (may be cut short; argvTruncated says so). */
  argv: string[];
  argvTruncated?: boolean;
  /** Process cwd at exec, absolute, when the backend knows it. */
  cwd?: string;
  /**
   * The task identity variables (IDENTITY_ENV_VARS) of the new program's environment, read by the
   * backend at the exec itself; {} when it has none. Undefined when the backend could not read the
   * environment whole: then (only then) the process table reads /proc/PID/environ, which a process
   * that already exited no longer has.
   */
  env?: Record<string, string>;
}

/** Environment variables that name a process's task, which backends read at exec (any plan source). */
export const IDENTITY_ENV_VARS: readonly string[] = [
  'IO_TRACE_TASK',
  'NX_TASK_TARGET_PROJECT',
  'NX_TASK_TARGET_TARGET',
  'NX_TASK_TARGET_CONFIGURATION',
  'NX_TASK_HASH',
  'TURBO_HASH',
];

export interface ExitEvent {
  type: 'exit';
  ts: number;
  pid: number;
}

/**
 * Something that makes the trace incomplete, or otherwise worth recording about the tracer itself.
 * `kind` values: 'lost' (count events dropped), 'truncated_path' (a path could not be recovered whole),
 * 'io_uring' (a process set up io_uring: its I/O is invisible), 'map_full' (pid tracking stopped),
 * 'tracer_error' (message).
 */
export interface TracerNoticeEvent {
  type: 'notice';
  ts: number;
  kind: 'lost' | 'truncated_path' | 'io_uring' | 'map_full' | 'tracer_error';
  pid?: number;
  count?: number;
  message: string;
}

export type TraceEvent = AccessEvent | ForkEvent | ExecEvent | ExitEvent | TracerNoticeEvent;

/** Notice kinds that make a run `incomplete`. */
export const INCOMPLETE_NOTICE_KINDS: ReadonlySet<TracerNoticeEvent['kind']> = new Set([
  'lost',
  'truncated_path',
  'io_uring',
  'map_full',
  'tracer_error',
]);
