import type { AccessOp } from './events.js';

/** Linux open(2) flag bits (x86_64 and arm64 share these), as both tracer backends decode them. */
export const O_ACCMODE = 0o3;
export const O_RDONLY = 0;
export const O_CREAT = 0o100;
export const O_TRUNC = 0o1000;
export const O_DIRECTORY = 0o200000;
export const O_PATH = 0o10000000;

/**
 * The access an open makes, from its flags. One rule for every backend, so bpftrace and strace agree:
 * O_PATH opens nothing (a probe), O_DIRECTORY lists (O_TMPFILE included), O_CREAT may create, O_TRUNC
 * empties (Linux truncates even with O_RDONLY), then the access mode decides.
 */
export function classifyOpenFlags(flags: number): AccessOp {
  if (flags & O_PATH) return 'stat';
  if (flags & O_DIRECTORY) return 'readdir';
  if (flags & O_CREAT) return 'create';
  if (flags & O_TRUNC) return 'truncate';
  return (flags & O_ACCMODE) === O_RDONLY ? 'read' : 'write';
}
