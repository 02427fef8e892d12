import { READ_OPS, WRITE_OPS, type AccessOp } from '../core/events.js';
import { StoreError } from '../core/errors.js';
import type { ProcessRecord, RunRecord, TraceStore } from '../store/store.js';
import { toolCallSpans, type ParsedTranscript, type ToolCallSpan } from '../transcript/index.js';
import { relativeTo } from './queries.js';

/**
 * Which tool call of an agent run made each file access. A tool call spans from its request to its
 * result in the transcript. A process the agent started inside that span belongs to the call, with all
 * its descendants (a `Bash` call's shell and everything it ran); an access by the agent's own processes
 * (those started outside any call: the agent, its wrapper, MCP servers it started up front) belongs to
 * the call in flight when it happened (an in-process Read, Edit or Write; an MCP call served by its
 * server), or to none: outside any tool call.
 *
 * Limits, said where they show: transcript times are arrival times at io-trace (or the line's own
 * timestamp), which can lag the agent; a process the agent started within START_SLACK_MS before its
 * call's line arrived still counts (when spans overlap that way, the call asked for last wins). An
 * access by the agent's own process gets no such slack (agents read files of their own right before
 * asking for a tool): it counts from the line's arrival;
 * an agent-process access is placed by its first time (accesses are stored folded per process, op and
 * path): a file the agent itself read in two calls is listed under the first.
 */
export const START_SLACK_MS = 250;

export interface CallFile {
  path: string;
  display: string;
  op: AccessOp;
  errno: number;
  count: number;
  firstTs: number;
}

export interface CallProcess {
  key: number;
  pid: number;
  argv: string[] | null;
  exe: string | null;
  startedAt: number | null;
}

export interface ToolCallFiles extends ToolCallSpan {
  /** Processes the call started (its own, with their descendants). */
  processes: CallProcess[];
  files: CallFile[];
}

export interface ToolCallAttribution {
  calls: ToolCallFiles[];
  /** What the agent's own processes touched outside any tool call. */
  outside: CallFile[];
  /** The agent's own processes (started outside any call). */
  agentProcesses: CallProcess[];
  /** Calls with no time (transcript without timestamps and no timing index): nothing can be tied to them. */
  untimed: number;
  /** The call of one access row (the timeline tags rows with it); undefined: outside any call. */
  callOf(procKey: number, ts: number, path: string): string | undefined;
}

/** Decide the tool call of every process and access of a run. */
export function attributeToolCalls(store: TraceStore, run: RunRecord, transcript: ParsedTranscript, runEnd = run.endedAt ?? Infinity): ToolCallAttribution {
  const spans = toolCallSpans(transcript);
  const calls: ToolCallFiles[] = spans.map((s) => ({ ...s, processes: [], files: [] }));
  const byId = new Map(calls.map((c) => [c.id, c]));
  const timed = calls.filter((c) => c.startTs !== undefined);
  const endOf = (c: ToolCallFiles) => c.endTs ?? runEnd;

  const procs = store.loadProcesses(run.id).sort((a, b) => a.key - b.key);
  const callOfProc = new Map<number, string>();
  const agentProcesses: CallProcess[] = [];
  for (const p of procs) {
    const inheritedId = p.parentKey !== null ? callOfProc.get(p.parentKey) : undefined;
    const call = inheritedId !== undefined ? byId.get(inheritedId) : p.parentKey !== null ? callStarting(p, timed, endOf) : undefined;
    if (call !== undefined) {
      callOfProc.set(p.key, call.id);
      call.processes.push(view(p));
    } else {
      agentProcesses.push(view(p));
    }
  }

  const root = run.workspaceRoot ?? run.cwd;
  const outside: CallFile[] = [];
  const rows = store.db
    .prepare('SELECT proc_key, op, errno, path, count, first_ts FROM accesses WHERE run_id = ? ORDER BY first_ts, id')
    .iterateArrays(run.id) as Iterable<[number, AccessOp, number, string, number, number]>;
  // Folded per call over processes: one row per (op, errno, path).
  const folded = new Map<string, CallFile>();
  const callOf = (procKey: number, ts: number, p: string): ToolCallFiles | undefined => {
    const own = callOfProc.get(procKey);
    return own !== undefined ? byId.get(own) : inFlight(ts, p, timed, endOf);
  };
  for (const [procKey, op, errno, p, count, firstTs] of rows) {
    const call = callOf(procKey, firstTs, p);
    const key = `${call?.id ?? ''}\0${op}\0${errno}\0${p}`;
    const seen = folded.get(key);
    if (seen) {
      seen.count += count;
      continue;
    }
    const f: CallFile = { path: p, display: relativeTo(root, p), op, errno, count, firstTs };
    folded.set(key, f);
    (call ? call.files : outside).push(f);
  }
  return { calls, outside, agentProcesses, untimed: calls.length - timed.length, callOf: (k, ts, p) => callOf(k, ts, p)?.id };
}

/** The call a direct child of an agent process belongs to: started within its span (latest-started wins). */
function callStarting(p: ProcessRecord, timed: ToolCallFiles[], endOf: (c: ToolCallFiles) => number): ToolCallFiles | undefined {
  if (p.startedAt === null) return undefined;
  const t = p.startedAt;
  const candidates = timed.filter((c) => c.startTs! - START_SLACK_MS <= t && t <= endOf(c));
  if (candidates.length <= 1) return candidates[0];
  // Concurrent calls: the one whose command this process runs, else the one asked for last.
  const argv = (p.argv ?? []).join(' ');
  const byCommand = candidates.filter((c) => c.command !== undefined && c.command !== '' && argv.includes(c.command));
  const pool = byCommand.length ? byCommand : candidates;
  return pool.reduce((a, b) => (b.startTs! > a.startTs! ? b : a));
}

/** The call in flight when an agent process touched `path` (several: the one whose input names it, else the latest). */
function inFlight(ts: number, path: string, timed: ToolCallFiles[], endOf: (c: ToolCallFiles) => number): ToolCallFiles | undefined {
  const candidates = timed.filter((c) => c.startTs! <= ts && ts <= endOf(c));
  if (candidates.length <= 1) return candidates[0];
  const named = candidates.filter((c) => c.input !== undefined && JSON.stringify(c.input).includes(JSON.stringify(path).slice(1, -1)));
  const pool = named.length ? named : candidates;
  return pool.reduce((a, b) => (b.startTs! > a.startTs! ? b : a));
}

function view(p: ProcessRecord): CallProcess {
  return { key: p.key, pid: p.pid, argv: p.argv, exe: p.exe, startedAt: p.startedAt };
}

export function findCall(attribution: ToolCallAttribution, id: string, runId: number): ToolCallFiles {
  const call = attribution.calls.find((c) => c.id === id);
  if (!call) {
    const ids = attribution.calls.map((c) => JSON.stringify(c.id));
    throw new StoreError(`tool call ${JSON.stringify(id)} is not in the transcript of run ${runId}${ids.length ? `; its tool calls: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ` and ${ids.length - 10} more` : ''}` : '; it has no tool calls'}`);
  }
  return call;
}

/** Successful reads and writes (what `show --full` lists under a call); the rest is counted. */
export function readsAndWrites(files: readonly CallFile[]): { reads: CallFile[]; writes: CallFile[]; other: number } {
  const reads = files.filter((f) => f.errno === 0 && READ_OPS.has(f.op));
  const writes = files.filter((f) => f.errno === 0 && WRITE_OPS.has(f.op));
  return { reads, writes, other: files.length - reads.length - writes.length };
}
