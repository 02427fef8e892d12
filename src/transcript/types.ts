/**
 * What a transcript adapter produces: the messages and tool calls of an agent run (or the lines of a
 * plain build log), each with the time it happened when the transcript or its timing index says so.
 */
export type TranscriptFormat = 'claude-stream-json' | 'codex-exec-json' | 'jsonl' | 'text';

/** Formats that are an agent's own JSONL (a build's stdout in one of them is the run's transcript). */
export const AGENT_FORMATS: ReadonlySet<TranscriptFormat> = new Set(['claude-stream-json', 'codex-exec-json', 'jsonl']);

export type TranscriptItemKind =
  | 'system' //      session start, model, tools
  | 'message' //     text from the user or the assistant
  | 'thinking' //    the assistant's reasoning, when the transcript includes it
  | 'tool_call' //   a tool the agent called, with its input
  | 'tool_result' // what the tool returned (isError when it failed)
  | 'result' //      the session's end: outcome, turns, cost
  | 'event' //       any other structured line
  | 'text'; //       a line that is not structured (plain text, or a bad JSONL line)

export interface TranscriptItem {
  kind: TranscriptItemKind;
  /** 1-based line in the transcript file. */
  line: number;
  /** ms since epoch; undefined when neither the line nor a timing index says. */
  ts?: number;
  role?: string;
  /** Tool name (tool_call / tool_result), or the line's own type for events. */
  name?: string;
  /** Tool call id, linking a tool_result to its tool_call. */
  id?: string;
  /** Message text, tool result text, or a one-line rendering of a tool call's input. */
  text?: string;
  input?: unknown;
  isError?: boolean;
}

export interface ParsedTranscript {
  format: TranscriptFormat;
  items: TranscriptItem[];
  /** Lines that were expected to be JSON but were not (the generic parser keeps them as text items). */
  badLines: number;
  /** Why this format was picked (hint, detection, or a fallback). */
  reason: string;
}

/** Arrival time of each chunk of a captured output file: chunk i starts at byte offsets[i], arrived at times[i]. */
export interface ChunkTimes {
  offsets: number[];
  times: number[];
}
