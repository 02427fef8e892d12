import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RunRecord } from '../store/store.js';

/** The run's saved logs, resolved against the database's directory (paths are stored relative to it). */
export interface RunFile {
  which: 'transcript' | 'stdout' | 'stderr';
  /** As stored (relative to the database directory), null when the run recorded none. */
  stored: string | null;
  /** Absolute path on this machine. */
  path: string | null;
  exists: boolean;
  bytes: number | null;
}

export function runFile(dbFile: string, run: RunRecord, which: RunFile['which']): RunFile {
  const stored = which === 'transcript' ? run.transcriptPath : which === 'stdout' ? run.stdoutPath : run.stderrPath;
  if (!stored) return { which, stored: null, path: null, exists: false, bytes: null };
  const abs = path.resolve(path.dirname(dbFile), stored);
  const exists = existsSync(abs);
  return { which, stored, path: abs, exists, bytes: exists ? statSync(abs).size : null };
}

export function runFiles(dbFile: string, run: RunRecord): RunFile[] {
  return (['transcript', 'stdout', 'stderr'] as const).map((w) => runFile(dbFile, run, w));
}
