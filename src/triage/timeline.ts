import type { AccessOp } from '../core/events.js';
import type { RunRecord, TraceStore } from '../store/store.js';
import type { ParsedTranscript, TranscriptItem } from '../transcript/index.js';
import { processTasks, relativeTo, runNotices, runSpans, type SpanView } from './queries.js';

/**
 * One timeline of a run (`show --full`): io-trace's spans, the build's processes, every recorded file
 * access (by first time seen) and the transcript's tool calls and messages, interleaved by time.
 * Accesses stream from SQLite in time order; the rest is small and merged in.
 */
export type TimelineEntry =
  | { kind: 'span'; ts: number; span: SpanView }
  | { kind: 'process'; ts: number; procKey: number; pid: number; task: string | null; role: string; exe: string | null; argv: string[] | null; endedAt: number | null }
  | { kind: 'access'; ts: number; lastTs: number; procKey: number; task: string | null; op: AccessOp; errno: number; path: string; count: number }
  | { kind: 'transcript'; ts: number; approx: boolean; item: TranscriptItem }
  | { kind: 'notice'; ts: number; name: string; message: string | null };

/** Transcript kinds worth a place on the timeline (thinking and plain output stay in `io-trace transcript`). */
const TIMELINE_TRANSCRIPT_KINDS = new Set(['system', 'message', 'tool_call', 'tool_result', 'result', 'event']);

export interface TimelineOptions {
  transcript?: ParsedTranscript;
  /** Only this task's processes and accesses (spans and transcript stay). */
  task?: string;
}

/** An access row as read for the timeline: [firstTs, procKey, op, errno, path, count, lastTs]. */
export type AccessRow = [number, number, AccessOp, number, string, number, number];

export interface TimelineSources {
  /** Spans, notices, processes and transcript items, sorted by time. */
  small: TimelineEntry[];
  /** The accesses in time order, as arrays (a run can hold millions: no object per row). */
  accesses: Iterable<AccessRow>;
  /** proc key -> task. */
  procs: Map<number, string | null>;
}

export function timelineSources(store: TraceStore, run: RunRecord, options: TimelineOptions = {}): TimelineSources {
  const small: TimelineEntry[] = [];
  for (const span of runSpans(store, run.id)) {
    if (options.task !== undefined && span.name === 'task' && span.attributes.task !== options.task) continue;
    small.push({ kind: 'span', ts: span.startTs, span });
  }
  for (const n of runNotices(store, run.id)) small.push({ kind: 'notice', ts: n.ts, name: n.name, message: n.message });
  for (const p of store.loadProcesses(run.id)) {
    if (options.task !== undefined && p.taskId !== options.task) continue;
    if (p.startedAt === null) continue;
    small.push({ kind: 'process', ts: p.startedAt, procKey: p.key, pid: p.pid, task: p.taskId, role: p.role, exe: p.exe, argv: p.argv, endedAt: p.endedAt });
  }
  if (options.transcript) {
    // Items without a time keep their order, placed at the last known time before them.
    let last = run.startedAt;
    for (const item of options.transcript.items) {
      const approx = item.ts === undefined;
      const ts = item.ts ?? last;
      last = ts;
      if (!TIMELINE_TRANSCRIPT_KINDS.has(item.kind) && !(item.kind === 'text' && !approx)) continue;
      small.push({ kind: 'transcript', ts, approx, item });
    }
  }
  // Stable: equal times keep the order above (spans, notices, processes, transcript).
  small.sort((a, b) => a.ts - b.ts);

  const procs = processTasks(store, run.id);
  let scope: { sql: string; params: number[] };
  if (options.task !== undefined) {
    const keys = [...procs].filter(([, t]) => t === options.task).map(([k]) => k);
    scope = { sql: `run_id = ? AND proc_key IN (${keys.map(() => '?').join(',') || 'NULL'})`, params: [run.id, ...keys] };
  } else {
    scope = store.accessScope(run.id);
  }
  const accesses = store.db
    .prepare(`SELECT first_ts, proc_key, op, errno, path, count, last_ts FROM accesses WHERE ${scope.sql} ORDER BY first_ts, id`)
    .iterateArrays(...scope.params) as Iterable<AccessRow>;
  return { small, accesses, procs };
}

/** Interleave the small entries with the access rows by time; `onRow` / `onEntry` turn each into output. */
export function* mergeTimeline<T>(sources: TimelineSources, onEntry: (e: TimelineEntry) => T, onRow: (r: AccessRow) => T): Generator<T> {
  const { small } = sources;
  let i = 0;
  for (const r of sources.accesses) {
    while (i < small.length && small[i].ts <= r[0]) yield onEntry(small[i++]);
    yield onRow(r);
  }
  while (i < small.length) yield onEntry(small[i++]);
}

export function* runTimeline(store: TraceStore, run: RunRecord, options: TimelineOptions = {}): Generator<TimelineEntry> {
  const sources = timelineSources(store, run, options);
  yield* mergeTimeline<TimelineEntry>(
    sources,
    (e) => e,
    ([ts, procKey, op, errno, path, count, lastTs]) => ({ kind: 'access', ts, lastTs, procKey, task: sources.procs.get(procKey) ?? null, op, errno, path, count }),
  );
}

const ERRNO: Record<number, string> = {
  1: 'EPERM', 2: 'ENOENT', 9: 'EBADF', 13: 'EACCES', 16: 'EBUSY', 17: 'EEXIST', 18: 'EXDEV', 20: 'ENOTDIR', 21: 'EISDIR',
  22: 'EINVAL', 28: 'ENOSPC', 30: 'EROFS', 36: 'ENAMETOOLONG', 39: 'ENOTEMPTY', 40: 'ELOOP',
};

export function errnoName(errno: number): string {
  return ERRNO[errno] ?? `errno ${errno}`;
}

/** Workspace-relative path for display (the exact absolute path stays in JSON). */
export function shownPath(run: RunRecord, abs: string): string {
  return relativeTo(run.workspaceRoot ?? run.cwd, abs);
}
