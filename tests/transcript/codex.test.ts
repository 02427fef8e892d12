import { describe, expect, it } from 'vitest';
import { parseTranscript, toolCallSpans } from '../../src/transcript/index.js';
import { parseChunkTimes } from '../../src/transcript/lines.js';

/** `codex exec --json` output in the documented shapes (thread/turn events, item.started/completed). */
const codex = [
  { type: 'thread.started', thread_id: '0199a213-81c0-7800-8aa1-bbab2a035a53' },
  { type: 'turn.started' },
  { type: 'item.completed', item: { id: 'item_0', type: 'reasoning', text: '**Looking at the build**' } },
  { type: 'item.started', item: { id: 'item_1', type: 'command_execution', command: 'bash -lc ls', aggregated_output: '', exit_code: null, status: 'in_progress' } },
  { type: 'item.updated', item: { id: 'item_1', type: 'command_execution', command: 'bash -lc ls', aggregated_output: 'docs\n', exit_code: null, status: 'in_progress' } },
  { type: 'item.completed', item: { id: 'item_1', type: 'command_execution', command: 'bash -lc ls', aggregated_output: 'docs\nsdk\n', exit_code: 0, status: 'completed' } },
  { type: 'item.completed', item: { id: 'item_2', type: 'file_change', changes: [{ path: 'src/a.ts', kind: 'update' }, { path: 'src/b.ts', kind: 'add' }], status: 'completed' } },
  { type: 'item.started', item: { id: 'item_3', type: 'mcp_tool_call', server: 'github', tool: 'search_issues', arguments: { q: 'is:open' }, status: 'in_progress' } },
  { type: 'item.completed', item: { id: 'item_3', type: 'mcp_tool_call', server: 'github', tool: 'search_issues', arguments: { q: 'is:open' }, status: 'failed', error: { message: 'rate limited' } } },
  { type: 'item.started', item: { id: 'item_4', type: 'command_execution', command: 'bash -lc "npm test"', aggregated_output: '', exit_code: null, status: 'in_progress' } },
  { type: 'item.completed', item: { id: 'item_4', type: 'command_execution', command: 'bash -lc "npm test"', aggregated_output: '1 failed', exit_code: 1, status: 'failed' } },
  { type: 'item.completed', item: { id: 'item_5', type: 'todo_list', items: [{ text: 'fix tests', completed: false }] } },
  { type: 'item.completed', item: { id: 'item_6', type: 'agent_message', text: 'Repo contains docs and sdk.' } },
  { type: 'error', message: 'Reconnecting... 1/5' },
  { type: 'turn.completed', usage: { input_tokens: 24763, cached_input_tokens: 24448, output_tokens: 122 } },
].map((o) => JSON.stringify(o)).join('\n') + '\n';

describe('Codex exec --json adapter', () => {
  it('is detected and reads thread/turn events, tool items and messages', () => {
    const t = parseTranscript(codex);
    expect(t.format).toBe('codex-exec-json');
    expect(t.reason).toMatch(/15 of 15 sampled lines are Codex exec --json events/);
    expect(t.badLines).toBe(0);
    expect(t.items.map((i) => `${i.line} ${i.kind} ${i.name ?? i.role ?? ''}`)).toEqual([
      '1 system thread.started',
      '2 event turn.started',
      '3 thinking assistant',
      '4 tool_call command_execution',
      '6 tool_result command_execution',
      '7 tool_result file_change',
      '8 tool_call mcp:github/search_issues',
      '9 tool_result mcp:github/search_issues',
      '10 tool_call command_execution',
      '11 tool_result command_execution',
      '12 event todo_list',
      '13 message assistant',
      '14 event error',
      '15 result turn.completed',
    ]);
    expect(t.items[3]).toMatchObject({ id: 'item_1', text: 'bash -lc ls', input: { command: 'bash -lc ls' } });
    expect(t.items[4]).toMatchObject({ id: 'item_1', isError: false, text: 'exit 0: docs\nsdk\n' });
    expect(t.items[5]).toMatchObject({ id: 'item_2', text: 'update src/a.ts, add src/b.ts' });
    expect(t.items[7]).toMatchObject({ isError: true, text: 'rate limited' });
    expect(t.items[9]).toMatchObject({ isError: true });
    expect(t.items[13]).toMatchObject({ text: 'input tokens 24763, cached input tokens 24448, output tokens 122', isError: false });
  });

  it('older releases name the item type item_type; a hint picks the adapter; a hint that does not fit falls back', () => {
    const old = JSON.stringify({ type: 'item.completed', item: { id: 'itm_1', item_type: 'assistant_message', text: 'hi' } }) + '\n';
    expect(parseTranscript(old).items[0]).toMatchObject({ kind: 'message', role: 'assistant', text: 'hi' });
    expect(parseTranscript(codex, { hint: 'codex' }).reason).toBe('hint codex');
    const claudeLine = JSON.stringify({ type: 'assistant', message: { role: 'assistant', content: [{ type: 'text', text: 'x' }] }, session_id: 's' });
    const r = parseTranscript(claudeLine, { hint: 'codex' });
    expect(r.format).toBe('claude-stream-json');
    expect(r.reason).toMatch(/hint codex, but the file does not look like codex-exec-json/);
  });

  it('never throws on damaged lines', () => {
    const junk = codex + '{"type":"item.started","item":null}\n{"type":"item.completed"\nnot json\n{"type":"item.completed","item":{"type":"command_execution","changes":7}}\n';
    const t = parseTranscript(junk, { hint: 'codex' });
    expect(t.badLines).toBe(2);
    expect(t.items.at(-1)).toMatchObject({ kind: 'tool_result', name: 'command_execution' });
  });

  it('tool calls span from item.started to item.completed; an item that only completes spans from the line before', () => {
    const lines = codex.split('\n');
    let off = 0;
    const times: string[] = [];
    lines.forEach((l, i) => {
      times.push(`${off} ${1000 + i * 100}`);
      off += Buffer.byteLength(l) + 1;
    });
    const t = parseTranscript(codex, { times: parseChunkTimes(times.join('\n')) });
    const spans = toolCallSpans(t);
    expect(spans.map((s) => [s.id, s.name, s.line, s.resultLine, s.startTs, s.endTs, s.isError, s.command ?? null])).toEqual([
      ['item_1', 'command_execution', 4, 6, 1300, 1500, false, 'bash -lc ls'],
      ['item_2', 'file_change', 7, 7, 1500, 1600, false, null],
      ['item_3', 'mcp:github/search_issues', 8, 9, 1700, 1800, true, null],
      ['item_4', 'command_execution', 10, 11, 1900, 2000, true, 'bash -lc "npm test"'],
    ]);
  });
});

describe('Claude Code tool calls as spans', () => {
  it('pairs tool_use with tool_result by id; a call without a result stays open', () => {
    const claude = [
      { type: 'assistant', timestamp: '2026-01-01T00:00:01.000Z', message: { role: 'assistant', content: [{ type: 'tool_use', id: 'a', name: 'Bash', input: { command: 'npm test' } }, { type: 'tool_use', id: 'b', name: 'Read', input: { file_path: '/w/x' } }] }, session_id: 's' },
      { type: 'user', timestamp: '2026-01-01T00:00:02.000Z', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'b', content: 'x' }] }, session_id: 's' },
      { type: 'user', timestamp: '2026-01-01T00:00:05.000Z', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'a', content: 'fail', is_error: true }] }, session_id: 's' },
      { type: 'assistant', timestamp: '2026-01-01T00:00:06.000Z', message: { role: 'assistant', content: [{ type: 'tool_use', id: 'c', name: 'Bash', input: { command: 'sleep 100' } }] }, session_id: 's' },
    ].map((o) => JSON.stringify(o)).join('\n');
    const spans = toolCallSpans(parseTranscript(claude));
    const t = (s: string) => Date.parse(`2026-01-01T00:00:0${s}Z`);
    expect(spans).toEqual([
      expect.objectContaining({ id: 'a', name: 'Bash', command: 'npm test', startTs: t('1.000'), endTs: t('5.000'), isError: true, line: 1, resultLine: 3 }),
      expect.objectContaining({ id: 'b', name: 'Read', startTs: t('1.000'), endTs: t('2.000'), isError: false }),
      expect.objectContaining({ id: 'c', startTs: t('6.000'), isError: false }),
    ]);
    expect(spans[2].endTs).toBeUndefined();
    expect(spans[2].resultLine).toBeUndefined();
  });
});
