import { oneLine, timeAt, tsOf, type Line } from './lines.js';
import type { ChunkTimes, TranscriptItem } from './types.js';

/**
 * OpenAI Codex CLI `codex exec --json`: one thread event per line.
 *   {"type":"thread.started","thread_id":"0199a213-…"}
 *   {"type":"turn.started"}
 *   {"type":"item.started","item":{"id":"item_1","type":"command_execution","command":"bash -lc ls",
 *     "aggregated_output":"","exit_code":null,"status":"in_progress"}}
 *   {"type":"item.completed","item":{"id":"item_1","type":"command_execution",…,"exit_code":0,"status":"completed"}}
 *   {"type":"item.completed","item":{"id":"item_2","type":"file_change","changes":[{"path":"src/a.ts","kind":"update"}],"status":"completed"}}
 *   {"type":"item.started","item":{"id":"item_3","type":"mcp_tool_call","server":"github","tool":"search_issues","arguments":{…},"status":"in_progress"}}
 *   {"type":"item.completed","item":{"id":"item_4","type":"agent_message","text":"Done."}}
 *   {"type":"turn.completed","usage":{"input_tokens":24763,"cached_input_tokens":24448,"output_tokens":122}}
 *   {"type":"turn.failed","error":{"message":"…"}}   {"type":"error","message":"…"}
 * Item types: agent_message (older releases: assistant_message), reasoning, command_execution,
 * file_change, mcp_tool_call, web_search, todo_list, error; older releases name the field `item_type`.
 * An item's `item.started` and `item.completed` share its id: the tool call spans between them (an item
 * that only completes, like most file changes, spans from the line before it). No per-line time: times
 * come from the capture's timing index.
 */
const CODEX_EVENT_TYPES = new Set(['thread.started', 'thread.resumed', 'turn.started', 'turn.completed', 'turn.failed', 'item.started', 'item.updated', 'item.completed']);
const TOOL_ITEMS = new Set(['command_execution', 'file_change', 'mcp_tool_call', 'web_search']);

export function looksLikeCodex(obj: Record<string, unknown>): boolean {
  const t = obj.type;
  if (typeof t !== 'string') return false;
  if (CODEX_EVENT_TYPES.has(t)) return t.startsWith('item.') ? typeof obj.item === 'object' && obj.item !== null : true;
  return t === 'error' && typeof obj.message === 'string' && !('session_id' in obj);
}

export function parseCodexLine(line: Line, times: ChunkTimes | undefined): { items: TranscriptItem[]; bad: boolean } {
  if (line.text.trim() === '') return { items: [], bad: false };
  const ts = (own: number | undefined) => {
    const t = own ?? timeAt(times, line.endOffset);
    return t === undefined ? {} : { ts: t };
  };
  let obj: unknown;
  try {
    obj = JSON.parse(line.text);
  } catch {
    return { items: [{ kind: 'text', line: line.no, text: line.text, ...ts(undefined) }], bad: true };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return { items: [{ kind: 'event', line: line.no, text: oneLine(obj), ...ts(undefined) }], bad: false };
  }
  const o = obj as Record<string, unknown>;
  const base = { line: line.no, ...ts(tsOf(o)) };
  const type = typeof o.type === 'string' ? o.type : '';
  switch (type) {
    case 'thread.started':
    case 'thread.resumed':
      return one({ ...base, kind: 'system', name: type, text: typeof o.thread_id === 'string' ? `thread ${o.thread_id}` : type });
    case 'turn.started':
      return one({ ...base, kind: 'event', name: type, text: 'turn started' });
    case 'turn.completed': {
      const u = (o.usage ?? {}) as Record<string, unknown>;
      const facts = ['input_tokens', 'cached_input_tokens', 'output_tokens'].filter((k) => typeof u[k] === 'number').map((k) => `${k.replace(/_/g, ' ')} ${u[k]}`);
      return one({ ...base, kind: 'result', name: type, text: facts.join(', '), isError: false });
    }
    case 'turn.failed':
      return one({ ...base, kind: 'result', name: type, text: errorText(o.error), isError: true });
    case 'error':
      return one({ ...base, kind: 'event', name: 'error', text: typeof o.message === 'string' ? o.message : oneLine(o), isError: true });
    case 'item.started':
    case 'item.updated':
    case 'item.completed':
      return { items: itemEvent(type, o.item, base), bad: false };
    default:
      return one({ ...base, kind: 'event', name: type || 'event', text: oneLine(o) });
  }
}

function one(item: TranscriptItem): { items: TranscriptItem[]; bad: boolean } {
  return { items: [item], bad: false };
}

function itemEvent(event: string, raw: unknown, base: { line: number; ts?: number }): TranscriptItem[] {
  if (!raw || typeof raw !== 'object') return [{ ...base, kind: 'event', name: event, text: oneLine(raw ?? '') }];
  const item = raw as Record<string, unknown>;
  const itype = str(item.type) ?? str(item.item_type) ?? 'item';
  const id = str(item.id);
  const idField = id ? { id } : {};
  if (TOOL_ITEMS.has(itype)) {
    if (event === 'item.updated') return []; // progress of a call already shown
    const name = itype === 'mcp_tool_call' ? `mcp:${str(item.server) ?? '?'}/${str(item.tool) ?? '?'}` : itype;
    if (event === 'item.started') {
      const input = itype === 'command_execution' ? { command: item.command } : itype === 'file_change' ? { changes: item.changes } : itype === 'mcp_tool_call' ? item.arguments : { query: item.query };
      return [{ ...base, kind: 'tool_call', name, ...idField, input, text: callText(itype, item) }];
    }
    const failed = item.status === 'failed' || item.status === 'declined' || (typeof item.exit_code === 'number' && item.exit_code !== 0) || (item.error !== undefined && item.error !== null);
    return [{ ...base, kind: 'tool_result', name, ...idField, input: itype === 'command_execution' ? { command: item.command } : itype === 'file_change' ? { changes: item.changes } : undefined, text: resultText(itype, item), isError: failed }];
  }
  if (event !== 'item.completed') return [];
  switch (itype) {
    case 'agent_message':
    case 'assistant_message':
      return [{ ...base, kind: 'message', role: 'assistant', ...idField, text: str(item.text) ?? '' }];
    case 'reasoning':
      return [{ ...base, kind: 'thinking', role: 'assistant', ...idField, text: str(item.text) ?? '' }];
    case 'error':
      return [{ ...base, kind: 'event', name: 'error', ...idField, text: str(item.message) ?? oneLine(item), isError: true }];
    case 'todo_list': {
      const items = Array.isArray(item.items) ? (item.items as Record<string, unknown>[]) : [];
      return [{ ...base, kind: 'event', name: 'todo_list', ...idField, text: items.map((t) => `${t?.completed ? '[x]' : '[ ]'} ${str(t?.text) ?? ''}`).join('; ') }];
    }
    default:
      return [{ ...base, kind: 'event', name: itype, ...idField, text: oneLine(item) }];
  }
}

function callText(itype: string, item: Record<string, unknown>): string {
  switch (itype) {
    case 'command_execution':
      return oneLine(str(item.command) ?? '');
    case 'file_change':
      return changesText(item.changes);
    case 'mcp_tool_call':
      return oneLine(item.arguments ?? '');
    default:
      return oneLine(str(item.query) ?? '');
  }
}

function resultText(itype: string, item: Record<string, unknown>): string {
  switch (itype) {
    case 'command_execution': {
      const out = str(item.aggregated_output) ?? '';
      return typeof item.exit_code === 'number' ? `exit ${item.exit_code}${out ? `: ${out}` : ''}` : out;
    }
    case 'file_change':
      return changesText(item.changes);
    case 'mcp_tool_call':
      return item.error ? errorText(item.error) : oneLine(item.result ?? str(item.status) ?? '');
    default:
      return oneLine(str(item.query) ?? str(item.status) ?? '');
  }
}

function changesText(changes: unknown): string {
  if (!Array.isArray(changes)) return '';
  return changes.map((c) => (c && typeof c === 'object' ? `${str((c as Record<string, unknown>).kind) ?? 'change'} ${str((c as Record<string, unknown>).path) ?? '?'}` : '')).filter(Boolean).join(', ');
}

function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  return oneLine(e ?? '');
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
