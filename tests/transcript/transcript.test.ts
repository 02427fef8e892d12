import { describe, expect, it } from 'vitest';
import { checkHint, detectFormat, parseTranscript } from '../../src/transcript/index.js';
import { parseChunkTimes, splitLines, timeAt } from '../../src/transcript/lines.js';

const claude = [
  { type: 'system', subtype: 'init', cwd: '/w', session_id: 'abc', tools: ['Bash', 'Read', 'Edit'], model: 'claude-sonnet-4', permissionMode: 'default' },
  { type: 'assistant', message: { id: 'msg_1', role: 'assistant', model: 'claude-sonnet-4', content: [{ type: 'thinking', thinking: 'Let me look.' }, { type: 'text', text: 'I will read the config.' }] }, parent_tool_use_id: null, session_id: 'abc' },
  { type: 'assistant', message: { id: 'msg_2', role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01', name: 'Read', input: { file_path: '/w/app/config.json' } }] }, parent_tool_use_id: null, session_id: 'abc' },
  { type: 'user', message: { role: 'user', content: [{ tool_use_id: 'toolu_01', type: 'tool_result', content: [{ type: 'text', text: '{"a":1}' }] }] }, parent_tool_use_id: null, session_id: 'abc' },
  { type: 'stream_event', event: { type: 'content_block_delta' }, session_id: 'abc' },
  { type: 'assistant', message: { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_02', name: 'Bash', input: { command: 'npx nx build app', description: 'Build' } }] }, session_id: 'abc' },
  { type: 'user', message: { role: 'user', content: [{ tool_use_id: 'toolu_02', type: 'tool_result', content: 'exit 1', is_error: true }] }, session_id: 'abc' },
  { type: 'result', subtype: 'error_max_turns', is_error: true, duration_ms: 12345, num_turns: 4, result: '', total_cost_usd: 0.0421, session_id: 'abc' },
].map((o) => JSON.stringify(o)).join('\n') + '\n';

describe('transcript adapters', () => {
  it('reads Claude Code stream-json: messages, tool calls with inputs, results linked by id, the session result', () => {
    const t = parseTranscript(claude);
    expect(t.format).toBe('claude-stream-json');
    expect(t.reason).toMatch(/^detected: 8 of 8 sampled lines are Claude Code stream-json/);
    expect(t.badLines).toBe(0);
    expect(t.items.map((i) => [i.kind, i.line])).toEqual([
      ['system', 1], ['thinking', 2], ['message', 2], ['tool_call', 3], ['tool_result', 4], ['tool_call', 6], ['tool_result', 7], ['result', 8],
    ]);
    expect(t.items[0]).toMatchObject({ name: 'init', text: 'init, model claude-sonnet-4, 3 tools, cwd /w' });
    expect(t.items[3]).toMatchObject({ kind: 'tool_call', name: 'Read', id: 'toolu_01', text: '/w/app/config.json', input: { file_path: '/w/app/config.json' } });
    expect(t.items[4]).toMatchObject({ kind: 'tool_result', name: 'Read', id: 'toolu_01', text: '{"a":1}', isError: false });
    expect(t.items[5]).toMatchObject({ name: 'Bash', text: 'npx nx build app' });
    expect(t.items[6]).toMatchObject({ name: 'Bash', isError: true, text: 'exit 1' });
    expect(t.items[7]).toMatchObject({ kind: 'result', name: 'error_max_turns', isError: true, text: '4 turns, 12.3 s, $0.0421' });
    expect(t.items.every((i) => i.ts === undefined)).toBe(true);
  });

  it('times lines from their own timestamp field or from the capture timing index', () => {
    const withTs = JSON.stringify({ type: 'assistant', timestamp: '2026-02-08T10:37:45.283Z', message: { role: 'assistant', content: [{ type: 'text', text: 'hi' }] }, session_id: 's' });
    expect(parseTranscript(withTs).items[0].ts).toBe(Date.parse('2026-02-08T10:37:45.283Z'));
    const lines = claude.split('\n');
    const off = Buffer.byteLength(lines.slice(0, 3).join('\n') + '\n'); // line 4 starts here
    const times = parseChunkTimes(`0 1000\n${off} 2000\n garbage\n`);
    const t = parseTranscript(claude, { times });
    expect(t.items.find((i) => i.line === 3)!.ts).toBe(1000);
    expect(t.items.find((i) => i.line === 4)!.ts).toBe(2000);
    expect(timeAt(times, 0)).toBe(1000);
    expect(timeAt(undefined, 5)).toBeUndefined();
  });

  it('reads other JSONL generically and never throws on a bad line', () => {
    const jsonl = [
      '{"ts": 1700000000, "role": "user", "content": "build it"}',
      '{"type": "tool_call", "name": "shell", "arguments": {"cmd": "make"}, "id": "c1", "time": "2026-01-01T00:00:00Z"}',
      'this is not json {',
      '{"type": "tool_result", "tool": "shell", "output": "ok", "id": "c1"}',
      '[1, 2, 3]',
      '{"level": "info", "msg": "x"}',
      '{"unterminated": "',
      '\u0000\u001b[31m binary junk \uffff',
      '',
    ].join('\n');
    const t = parseTranscript(jsonl);
    expect(t.format).toBe('jsonl');
    expect(t.badLines).toBe(3);
    expect(t.items.map((i) => i.kind)).toEqual(['message', 'tool_call', 'text', 'tool_result', 'event', 'event', 'text', 'text']);
    expect(t.items[0]).toMatchObject({ role: 'user', text: 'build it', ts: 1_700_000_000_000 });
    expect(t.items[1]).toMatchObject({ name: 'shell', id: 'c1', input: { cmd: 'make' }, ts: Date.parse('2026-01-01T00:00:00Z') });
    expect(t.items[3]).toMatchObject({ kind: 'tool_result', name: 'shell', text: 'ok' });
    expect(t.items[2]).toMatchObject({ kind: 'text', text: 'this is not json {', line: 3 });
  });

  it('reads plain text line by line, with \\r\\n endings', () => {
    const t = parseTranscript('> build\r\nerror TS2304\n\nDone\n');
    expect(t.format).toBe('text');
    expect(t.items.map((i) => [i.line, i.text])).toEqual([[1, '> build'], [2, 'error TS2304'], [4, 'Done']]);
  });

  it('follows a hint, and falls back when the file does not look like it', () => {
    expect(parseTranscript(claude, { hint: 'claude' })).toMatchObject({ format: 'claude-stream-json', reason: 'hint claude' });
    expect(parseTranscript(claude, { hint: 'jsonl' }).format).toBe('jsonl');
    expect(parseTranscript(claude, { hint: 'text' }).format).toBe('text');
    const generic = parseTranscript('{"role":"user","content":"x"}\n', { hint: 'claude' });
    expect(generic.format).toBe('jsonl');
    expect(generic.reason).toMatch(/hint claude, but the file does not look like claude-stream-json .*: read as jsonl/);
    expect(parseTranscript('plain\nlog\n', { hint: 'claude-code' }).format).toBe('text');
    expect(parseTranscript('plain\nlog\n', { hint: 'jsonl' }).format).toBe('text');
    expect(() => checkHint('gpt')).toThrow(/--agent "gpt": use one of auto, claude/);
    expect(parseTranscript('')).toMatchObject({ format: 'text', items: [] });
  });

  it('detects from a sample and splits lines on bytes (multi-byte UTF-8 offsets)', () => {
    const buf = Buffer.from('ü\n{"a":1}\nlast');
    const lines = [...splitLines(buf)];
    expect(lines.map((l) => [l.no, l.text, l.endOffset])).toEqual([[1, 'ü', 2], [2, '{"a":1}', 10], [3, 'last', 15]]);
    expect(detectFormat(lines).format).toBe('text');
  });
});
