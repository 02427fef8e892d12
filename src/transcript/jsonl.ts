import { oneLine, timeAt, tsOf, type Line } from './lines.js';
import type { ChunkTimes, TranscriptItem } from './types.js';

/**
 * Any JSONL transcript (other agents, custom loggers): guesses tool calls and messages from the usual
 * field names. Never throws: a line that is not JSON becomes a text item and is counted as bad.
 */
export function parseJsonlLine(line: Line, times: ChunkTimes | undefined): { items: TranscriptItem[]; bad: boolean } {
  if (line.text.trim() === '') return { items: [], bad: false };
  let obj: unknown;
  try {
    obj = JSON.parse(line.text);
  } catch {
    return { items: [{ kind: 'text', line: line.no, text: line.text, ...when(undefined, times, line) }], bad: true };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return { items: [{ kind: 'event', line: line.no, text: oneLine(obj), ...when(undefined, times, line) }], bad: false };
  }
  const o = obj as Record<string, unknown>;
  const base = { line: line.no, ...when(tsOf(o), times, line) };
  const type = str(o.type) ?? str(o.event) ?? str(o.kind) ?? '';
  const message = o.message && typeof o.message === 'object' ? (o.message as Record<string, unknown>) : undefined;
  const toolName = str(o.tool_name) ?? str(o.toolName) ?? str(o.tool) ?? (/tool|function/i.test(type) ? str(o.name) : undefined);
  const isResult = /result|output|response/i.test(type);
  if (toolName !== undefined || /tool|function_call/i.test(type)) {
    const id = str(o.id) ?? str(o.tool_use_id) ?? str(o.call_id) ?? str(o.tool_call_id);
    if (isResult) {
      return {
        items: [{ ...base, kind: 'tool_result', ...(toolName ? { name: toolName } : {}), ...(id ? { id } : {}), text: textOf(o.output ?? o.result ?? o.content ?? ''), isError: o.is_error === true || o.isError === true || o.error !== undefined && o.error !== null && o.error !== false }],
        bad: false,
      };
    }
    const input = o.input ?? o.arguments ?? o.args ?? o.params ?? o.parameters;
    return { items: [{ ...base, kind: 'tool_call', name: toolName ?? 'tool', ...(id ? { id } : {}), input, text: oneLine(input ?? '') }], bad: false };
  }
  const role = str(o.role) ?? (message ? str(message.role) : undefined);
  const text = str(o.text) ?? str(o.content) ?? (typeof o.message === 'string' ? o.message : undefined) ?? (message ? textOf(message.content ?? message.text ?? '') : undefined);
  if (role !== undefined || text !== undefined) {
    return { items: [{ ...base, kind: 'message', ...(role ? { role } : {}), text: text ?? '' }], bad: false };
  }
  return { items: [{ ...base, kind: 'event', name: type || 'event', text: oneLine(o) }], bad: false };
}

function when(own: number | undefined, times: ChunkTimes | undefined, line: Line): { ts?: number } {
  const ts = own ?? timeAt(times, line.endOffset);
  return ts === undefined ? {} : { ts };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((c) => (typeof c === 'string' ? c : c && typeof c === 'object' && typeof (c as { text?: unknown }).text === 'string' ? (c as { text: string }).text : '')).filter(Boolean).join('\n');
  return oneLine(v);
}
