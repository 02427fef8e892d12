import { oneLine, timeAt, tsOf, type Line } from './lines.js';
import type { ChunkTimes, TranscriptItem } from './types.js';

/**
 * Claude Code `--output-format stream-json` (with `--verbose`): one JSON object per line.
 *   {"type":"system","subtype":"init","session_id":…,"cwd":…,"model":…,"tools":[…]}
 *   {"type":"assistant","message":{"role":"assistant","content":[{"type":"text","text":…},
 *     {"type":"thinking","thinking":…},{"type":"tool_use","id":"toolu_…","name":"Bash","input":{…}}]},
 *     "parent_tool_use_id":null,"session_id":…}
 *   {"type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_…",
 *     "content":"…" | [{"type":"text","text":…}],"is_error":false}]},"session_id":…}
 *   {"type":"result","subtype":"success"|"error_max_turns"|"error_during_execution","is_error":false,
 *     "duration_ms":…,"num_turns":…,"result":"…","total_cost_usd":…,"session_id":…}
 *   {"type":"stream_event",…} (partial deltas with --include-partial-messages: skipped, the whole
 *     message follows as an "assistant" line)
 * The stream carries no per-line time; times come from a `timestamp` field when present (session
 * files under ~/.claude/projects have one) or from the capture's timing index.
 */
export const CLAUDE_LINE_TYPES = new Set(['system', 'assistant', 'user', 'result', 'stream_event']);

export function looksLikeClaude(obj: Record<string, unknown>): boolean {
  const t = obj.type;
  if (typeof t !== 'string' || !CLAUDE_LINE_TYPES.has(t)) return false;
  return 'session_id' in obj || 'sessionId' in obj || (typeof obj.message === 'object' && obj.message !== null) || (t === 'result' && 'subtype' in obj);
}

export interface LineParse {
  items: TranscriptItem[];
  bad: boolean;
}

/** Parse one line; a line that is not a Claude object becomes a text item. */
export function parseClaudeLine(line: Line, times: ChunkTimes | undefined, toolNames: Map<string, string>): LineParse {
  let obj: unknown;
  try {
    obj = JSON.parse(line.text);
  } catch {
    return { items: line.text.trim() ? [{ kind: 'text', line: line.no, text: line.text, ...at(undefined, times, line) }] : [], bad: line.text.trim() !== '' };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return { items: [{ kind: 'event', line: line.no, text: oneLine(obj), ...at(undefined, times, line) }], bad: false };
  }
  const o = obj as Record<string, unknown>;
  const base = { line: line.no, ...at(tsOf(o), times, line) };
  const type = typeof o.type === 'string' ? o.type : '';
  const items: TranscriptItem[] = [];
  switch (type) {
    case 'system': {
      const tools = Array.isArray(o.tools) ? o.tools.length : undefined;
      const parts = [o.subtype, o.model && `model ${o.model}`, tools !== undefined && `${tools} tools`, o.cwd && `cwd ${o.cwd}`].filter(Boolean);
      items.push({ ...base, kind: 'system', name: typeof o.subtype === 'string' ? o.subtype : 'system', text: parts.join(', ') });
      break;
    }
    case 'assistant':
    case 'user': {
      const message = (o.message ?? {}) as { role?: string; content?: unknown };
      const role = message.role ?? type;
      const content = message.content;
      if (typeof content === 'string') {
        items.push({ ...base, kind: 'message', role, text: content });
        break;
      }
      if (!Array.isArray(content)) break;
      for (const block of content as Record<string, unknown>[]) {
        if (!block || typeof block !== 'object') continue;
        switch (block.type) {
          case 'text':
            items.push({ ...base, kind: 'message', role, text: String(block.text ?? '') });
            break;
          case 'thinking':
            items.push({ ...base, kind: 'thinking', role, text: String(block.thinking ?? '') });
            break;
          case 'tool_use':
          case 'server_tool_use': {
            const name = String(block.name ?? 'tool');
            const id = typeof block.id === 'string' ? block.id : undefined;
            if (id) toolNames.set(id, name);
            items.push({ ...base, kind: 'tool_call', role, name, ...(id ? { id } : {}), input: block.input, text: summariseToolInput(name, block.input) });
            break;
          }
          case 'tool_result': {
            const id = typeof block.tool_use_id === 'string' ? block.tool_use_id : undefined;
            const name = id ? toolNames.get(id) : undefined;
            items.push({
              ...base,
              kind: 'tool_result',
              role,
              ...(name ? { name } : {}),
              ...(id ? { id } : {}),
              text: resultText(block.content),
              isError: block.is_error === true,
            });
            break;
          }
          default:
            break;
        }
      }
      break;
    }
    case 'result': {
      const facts = [
        typeof o.num_turns === 'number' && `${o.num_turns} turns`,
        typeof o.duration_ms === 'number' && `${(o.duration_ms / 1000).toFixed(1)} s`,
        typeof o.total_cost_usd === 'number' && `$${o.total_cost_usd.toFixed(4)}`,
      ].filter(Boolean);
      const text = typeof o.result === 'string' ? o.result : '';
      items.push({ ...base, kind: 'result', name: typeof o.subtype === 'string' ? o.subtype : 'result', text: [facts.join(', '), text].filter(Boolean).join(': '), isError: o.is_error === true });
      break;
    }
    case 'stream_event':
      break;
    default:
      items.push({ ...base, kind: 'event', name: type || 'event', text: oneLine(o) });
  }
  return { items, bad: false };
}

function at(own: number | undefined, times: ChunkTimes | undefined, line: Line): { ts?: number } {
  const ts = own ?? timeAt(times, line.endOffset);
  return ts === undefined ? {} : { ts };
}

/** The input field that says what a tool call did, for the common Claude Code tools. */
export function summariseToolInput(name: string, input: unknown): string {
  if (!input || typeof input !== 'object') return oneLine(input ?? '');
  const i = input as Record<string, unknown>;
  const first = ['command', 'file_path', 'notebook_path', 'path', 'pattern', 'url', 'query', 'description', 'prompt'].find((k) => typeof i[k] === 'string');
  if (first) {
    const extra = name === 'Grep' && typeof i.path === 'string' && first === 'pattern' ? ` in ${i.path}` : '';
    return oneLine(String(i[first]) + extra);
  }
  return oneLine(input);
}

function resultText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((c) => (c && typeof c === 'object' && (c as { type?: string }).type === 'text' ? String((c as { text?: unknown }).text ?? '') : ''))
      .filter(Boolean)
      .join('\n');
  }
  return content === undefined || content === null ? '' : oneLine(content);
}
