import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { ConfigurationError } from '../core/errors.js';
import { looksLikeClaude, parseClaudeLine } from './claude.js';
import { looksLikeCodex, parseCodexLine } from './codex.js';
import { parseJsonlLine } from './jsonl.js';
import { parseChunkTimes, splitLines, type Line } from './lines.js';
import { parseTextLine } from './text.js';
import type { ChunkTimes, ParsedTranscript, TranscriptFormat, TranscriptItem } from './types.js';

export type { ChunkTimes, ParsedTranscript, TranscriptFormat, TranscriptItem, TranscriptItemKind } from './types.js';
export { AGENT_FORMATS } from './types.js';
export { toolCallSpans, type ToolCallSpan } from './tool-calls.js';

/**
 * Transcript adapters: pick one by an agent/format hint (`claude`, `codex`, `jsonl`, `text`, or `auto`),
 * and fall back (Claude or Codex -> generic JSONL -> text) when the file does not look like what the
 * hint says.
 */
export const TRANSCRIPT_HINTS = ['auto', 'claude', 'claude-code', 'stream-json', 'claude-stream-json', 'codex', 'codex-exec-json', 'jsonl', 'generic', 'text', 'plain'] as const;
export type TranscriptHint = (typeof TRANSCRIPT_HINTS)[number];

const HINT_FORMAT: Record<TranscriptHint, TranscriptFormat | 'auto'> = {
  auto: 'auto',
  claude: 'claude-stream-json',
  'claude-code': 'claude-stream-json',
  'stream-json': 'claude-stream-json',
  'claude-stream-json': 'claude-stream-json',
  codex: 'codex-exec-json',
  'codex-exec-json': 'codex-exec-json',
  jsonl: 'jsonl',
  generic: 'jsonl',
  text: 'text',
  plain: 'text',
};

export function checkHint(hint: string | undefined): TranscriptHint {
  if (hint === undefined) return 'auto';
  if (!(TRANSCRIPT_HINTS as readonly string[]).includes(hint)) {
    throw new ConfigurationError(`--agent ${JSON.stringify(hint)}: use one of ${TRANSCRIPT_HINTS.join(', ')}`);
  }
  return hint as TranscriptHint;
}

const SAMPLE_LINES = 200;

/** What a transcript looks like, from its first lines. */
export function detectFormat(lines: readonly Line[]): { format: TranscriptFormat; why: string } {
  let nonEmpty = 0;
  let objects = 0;
  let claude = 0;
  let codex = 0;
  for (const line of lines.slice(0, SAMPLE_LINES * 4)) {
    if (line.text.trim() === '') continue;
    if (++nonEmpty > SAMPLE_LINES) break;
    try {
      const v = JSON.parse(line.text);
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        objects++;
        if (looksLikeClaude(v as Record<string, unknown>)) claude++;
        else if (looksLikeCodex(v as Record<string, unknown>)) codex++;
      }
    } catch {
      // not JSON
    }
  }
  if (nonEmpty === 0) return { format: 'text', why: 'empty' };
  if (objects * 2 >= nonEmpty) {
    if (claude * 2 >= objects) return { format: 'claude-stream-json', why: `${claude} of ${nonEmpty} sampled lines are Claude Code stream-json` };
    if (codex * 2 >= objects) return { format: 'codex-exec-json', why: `${codex} of ${nonEmpty} sampled lines are Codex exec --json events` };
    return { format: 'jsonl', why: `${objects} of ${nonEmpty} sampled lines are JSON objects` };
  }
  return { format: 'text', why: `${nonEmpty - objects} of ${nonEmpty} sampled lines are not JSON` };
}

export interface ParseOptions {
  hint?: TranscriptHint;
  times?: ChunkTimes;
}

export function parseTranscript(data: Buffer | string, options: ParseOptions = {}): ParsedTranscript {
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  const lines = [...splitLines(buf)];
  const wanted = HINT_FORMAT[options.hint ?? 'auto'];
  const detected = detectFormat(lines);
  let format: TranscriptFormat;
  let reason: string;
  if (wanted === 'auto') {
    format = detected.format;
    reason = `detected: ${detected.why}`;
  } else if (wanted === detected.format || wanted === 'text' || (wanted === 'jsonl' && (detected.format === 'claude-stream-json' || detected.format === 'codex-exec-json'))) {
    format = wanted;
    reason = `hint ${options.hint}`;
  } else {
    // Hinted one agent but it is another's JSONL, other JSONL or text, or hinted JSONL but it is text: say so and fall back.
    format = detected.format;
    reason = `hint ${options.hint}, but the file does not look like ${wanted} (${detected.why}): read as ${detected.format}`;
  }
  const items: TranscriptItem[] = [];
  let badLines = 0;
  const toolNames = new Map<string, string>();
  for (const line of lines) {
    if (format === 'claude-stream-json') {
      const r = parseClaudeLine(line, options.times, toolNames);
      items.push(...r.items);
      if (r.bad) badLines++;
    } else if (format === 'codex-exec-json') {
      const r = parseCodexLine(line, options.times);
      items.push(...r.items);
      if (r.bad) badLines++;
    } else if (format === 'jsonl') {
      const r = parseJsonlLine(line, options.times);
      items.push(...r.items);
      if (r.bad) badLines++;
    } else {
      items.push(...parseTextLine(line, options.times));
    }
  }
  return { format, items, badLines, reason };
}

/** The timing index written beside a captured output file (`<file>.times`), if any. */
export function timingIndexPath(file: string): string {
  return `${file}.times`;
}

/**
 * Parse a transcript file; its timing index is `timesFile` when given (a `--transcript` file's index
 * lives with the run's logs), else `<file>.times` when present.
 */
export function readTranscriptFile(file: string, options: { hint?: TranscriptHint; timesFile?: string | null } = {}): ParsedTranscript {
  const idx = options.timesFile ?? timingIndexPath(file);
  const times = existsSync(idx) ? parseChunkTimes(readFileSync(idx, 'utf8')) : undefined;
  return parseTranscript(readFileSync(file), { ...(options.hint ? { hint: options.hint } : {}), ...(times ? { times } : {}) });
}

/** The format of a file from its first bytes (a build's stdout can be gigabytes): detection only. */
export function detectFileFormat(file: string, maxBytes = 256 * 1024): { format: TranscriptFormat; why: string } {
  const buf = Buffer.alloc(maxBytes);
  let n = 0;
  const fd = openSync(file, 'r');
  try {
    n = readSync(fd, buf, 0, maxBytes, 0);
  } finally {
    closeSync(fd);
  }
  const data = buf.subarray(0, n);
  // A cut last line is not evidence either way.
  const lastNl = n === maxBytes ? data.lastIndexOf(0x0a) : -1;
  return detectFormat([...splitLines(lastNl > 0 ? data.subarray(0, lastNl) : data)]);
}
