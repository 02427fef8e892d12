import { closeSync, existsSync, mkdirSync, openSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { StoreError } from '../core/errors.js';

/** The trace database cannot be written where it should be (full disk, read-only folder...): `problem` says which. */
export class StoreWriteError extends StoreError {
  override name = 'StoreWriteError';
  constructor(message: string, readonly problem: string) {
    super(message);
  }
}

const ERRNO_PROBLEM: Record<string, string> = {
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'I/O error',
};

// SQLite primary result codes for "the file system would not take it" (https://sqlite.org/rescode.html).
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_PROBLEM: Record<number, string> = {
  [SQLITE_READONLY]: 'read-only',
  [SQLITE_IOERR]: 'I/O error',
  [SQLITE_FULL]: 'disk full',
  [SQLITE_CANTOPEN]: 'cannot create or open the file',
};
const SQLITE_CODE_NAMES: Record<string, number> = { SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN };

/**
 * Why the file system would not take a write to `file`, in a few words ("disk full", "read-only file
 * system", "permission denied"); undefined when `e` is some other failure (a bug, a damaged database).
 * SQLite says only "unable to open" or "readonly" for several causes, so for those the file system is asked.
 */
export function writeProblem(e: unknown, file?: string): string | undefined {
  const err = e instanceof StoreWriteError ? { problem: e.problem } : (e as { code?: unknown; errcode?: unknown; problem?: string } | null);
  if (typeof err?.problem === 'string') return err.problem;
  if (typeof err?.code === 'string' && ERRNO_PROBLEM[err.code]) return ERRNO_PROBLEM[err.code];
  const primary = sqlitePrimaryCode(err);
  if (primary === undefined) return undefined;
  if (primary === SQLITE_FULL) return SQLITE_PROBLEM[SQLITE_FULL];
  return (file !== undefined ? probe(file) : undefined) ?? SQLITE_PROBLEM[primary];
}

/** One line for a failed database write: the file system's reason when it has one, else the error's first line. */
export function describeWriteFailure(e: unknown, file?: string): string {
  return writeProblem(e, file) ?? firstLine(e instanceof Error ? e.message : String(e));
}

/**
 * `mkdir -p` that fails with the real reason: Node's recursive mkdir reports ENOENT where the file
 * system said EROFS (seen with Node 24 on a read-only mount), so the first missing folder is made alone.
 */
export function makeDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    let missing = path.resolve(dir);
    while (!existsSync(path.dirname(missing)) && path.dirname(missing) !== missing) missing = path.dirname(missing);
    mkdirSync(missing); // throws the file system's own reason
    throw e;
  }
}

function sqlitePrimaryCode(err: { code?: unknown; errcode?: unknown } | null): number | undefined {
  if (!err) return undefined;
  // node:sqlite: errcode is the extended result code; better-sqlite3: code is its name (SQLITE_IOERR_WRITE).
  const n = typeof err.errcode === 'number' ? err.errcode & 0xff : typeof err.code === 'string' ? SQLITE_CODE_NAMES[err.code.split('_').slice(0, 2).join('_')] : undefined;
  return n !== undefined && n in SQLITE_PROBLEM ? n : undefined;
}

function probe(file: string): string | undefined {
  try {
    closeSync(openSync(file, 'a'));
  } catch (e) {
    const p = ERRNO_PROBLEM[(e as NodeJS.ErrnoException).code ?? ''];
    if (p) return p;
  }
  try {
    const s = statfsSync(path.dirname(path.resolve(file)));
    // btrfs reports no inode counts at all (files = 0).
    if (s.bavail === 0 || (s.files > 0 && s.ffree === 0)) return 'disk full';
  } catch {
    // no answer from the file system
  }
  return undefined;
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0].trim();
}
