import type { ParsedTranscript } from './types.js';

/**
 * A tool call as a span: from the line that asked for it (Claude `tool_use`, Codex `item.started`) to
 * the line that returned its result (`tool_result`, `item.completed`). Times are ms since epoch, from
 * the transcript's own timestamps or the capture's timing index; undefined when neither says.
 */
export interface ToolCallSpan {
  id: string;
  name: string;
  /** One line saying what it did (the command, the file, the query). */
  text: string;
  input?: unknown;
  /** The shell command of a Bash-like call, to tell concurrent calls' processes apart. */
  command?: string;
  /** Transcript line of the call, and of its result (undefined: no result recorded). */
  line: number;
  resultLine?: number;
  startTs?: number;
  endTs?: number;
  isError: boolean;
}

/**
 * Pair each tool call with its result by id. A call without a result stays open (the agent was killed,
 * or the result is past the end); a result without a call (Codex file changes only complete) spans
 * from the transcript line before it.
 */
export function toolCallSpans(transcript: ParsedTranscript): ToolCallSpan[] {
  const out: ToolCallSpan[] = [];
  const open = new Map<string, ToolCallSpan>();
  let lastTs: number | undefined;
  for (const item of transcript.items) {
    const prevTs = lastTs;
    if (item.ts !== undefined) lastTs = item.ts;
    if (item.kind === 'tool_call') {
      const id = item.id ?? `line-${item.line}`;
      const command = commandOf(item.input);
      const span: ToolCallSpan = {
        id,
        name: item.name ?? 'tool',
        text: item.text ?? '',
        ...(item.input !== undefined ? { input: item.input } : {}),
        ...(command !== undefined ? { command } : {}),
        line: item.line,
        ...(item.ts !== undefined ? { startTs: item.ts } : {}),
        isError: false,
      };
      out.push(span);
      if (item.id !== undefined) open.set(item.id, span);
    } else if (item.kind === 'tool_result') {
      const span = item.id !== undefined ? open.get(item.id) : undefined;
      if (span) {
        open.delete(item.id!);
        span.resultLine = item.line;
        if (item.ts !== undefined) span.endTs = item.ts;
        span.isError = item.isError === true;
        continue;
      }
      const command = commandOf(item.input);
      out.push({
        id: item.id ?? `line-${item.line}`,
        name: item.name ?? 'tool',
        text: item.text ?? '',
        ...(item.input !== undefined ? { input: item.input } : {}),
        ...(command !== undefined ? { command } : {}),
        line: item.line,
        resultLine: item.line,
        ...(prevTs !== undefined ? { startTs: prevTs } : item.ts !== undefined ? { startTs: item.ts } : {}),
        ...(item.ts !== undefined ? { endTs: item.ts } : {}),
        isError: item.isError === true,
      });
    }
  }
  return out;
}

function commandOf(input: unknown): string | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const c = (input as Record<string, unknown>).command ?? (input as Record<string, unknown>).cmd;
  if (typeof c === 'string') return c;
  if (Array.isArray(c) && c.every((x) => typeof x === 'string')) return c.join(' ');
  return undefined;
}
