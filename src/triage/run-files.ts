import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RunRecord } from '../store/store.js';
import { AGENT_FORMATS, detectFileFormat } from '../transcript/index.js';

/** The run's saved logs, resolved against the database's directory (paths are stored relative to it). */
export interface RunFile {
  /** transcript: the agent's own JSONL; log: stdout and stderr interleaved. */
  which: 'transcript' | 'log' | 'stdout' | 'stderr';
  /** As stored (relative to the database directory), null when the run recorded none. */
  stored: string | null;
  /** Absolute path on this machine. */
  path: string | null;
  exists: boolean;
  bytes: number | null;
  /** For the transcript: its timing index, when there is one. */
  times?: string | null;
}

export function runFile(dbFile: string, run: RunRecord, which: RunFile['which']): RunFile {
  const dir = path.dirname(dbFile);
  let stored = which === 'transcript' ? run.transcriptPath : which === 'log' ? run.logPath : which === 'stdout' ? run.stdoutPath : run.stderrPath;
  let times: string | null = which === 'transcript' && run.transcriptTimesPath ? path.resolve(dir, run.transcriptTimesPath) : null;
  if (which === 'transcript' && !stored && run.stdoutPath && !run.transcriptFormat) {
    // Not decided when recorded (schema 1 runs): the stdout, when it is an agent's JSONL.
    const stdout = path.resolve(dir, run.stdoutPath);
    try {
      if (AGENT_FORMATS.has(detectFileFormat(stdout).format)) {
        stored = run.stdoutPath;
        times = null;
      }
    } catch {
      // no stdout: no transcript
    }
  }
  if (!stored) return { which, stored: null, path: null, exists: false, bytes: null };
  const abs = path.resolve(dir, stored);
  const exists = existsSync(abs);
  return { which, stored, path: abs, exists, bytes: exists ? statSync(abs).size : null, ...(which === 'transcript' ? { times } : {}) };
}

export function runFiles(dbFile: string, run: RunRecord): RunFile[] {
  return (['transcript', 'log', 'stdout', 'stderr'] as const).map((w) => runFile(dbFile, run, w));
}
