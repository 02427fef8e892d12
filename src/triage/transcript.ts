import type { RunRecord } from '../store/store.js';
import { readTranscriptFile, type ParsedTranscript, type TranscriptHint } from '../transcript/index.js';
import { runFile, type RunFile } from './run-files.js';

/** A run's agent transcript, parsed (undefined: the run has none, or its file is missing). */
export function loadRunTranscript(dbFile: string, run: RunRecord, hint: TranscriptHint = 'auto'): { file: RunFile; parsed: ParsedTranscript } | undefined {
  const file = runFile(dbFile, run, 'transcript');
  if (!file.path || !file.exists) return undefined;
  return { file, parsed: readTranscriptFile(file.path, { hint, timesFile: file.times ?? null }) };
}

/** The console output parsed as a transcript (plain builds: its lines on the `show --full` timeline). */
export function loadRunLog(dbFile: string, run: RunRecord, hint: TranscriptHint = 'auto'): ParsedTranscript | undefined {
  const file = runFile(dbFile, run, 'log');
  if (!file.path || !file.exists) return undefined;
  return readTranscriptFile(file.path, { hint });
}
