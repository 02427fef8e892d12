import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { AccessRecord, ProcessRecord } from '../../src/store/store.js';
import { TraceStore } from '../../src/store/store.js';
import { parseTranscript } from '../../src/transcript/index.js';
import { attributeToolCalls, START_SLACK_MS } from '../../src/triage/tool-calls.js';
import { makeWorkspace } from '../helpers/workspace.js';

let ws: ReturnType<typeof makeWorkspace>;
afterEach(() => ws?.cleanup());

const T = 1_800_000_000_000;
const at = (s: number) => new Date(T + s * 1000).toISOString();
const use = (s: number, id: string, name: string, input: unknown) =>
  JSON.stringify({ type: 'assistant', timestamp: at(s), message: { role: 'assistant', content: [{ type: 'tool_use', id, name, input }] }, session_id: 's' });
const result = (s: number, id: string) => JSON.stringify({ type: 'user', timestamp: at(s), message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: '' }] }, session_id: 's' });

/**
 * An agent (pid 10) under a wrapper (pid 5): an MCP server started up front (pid 11), two Bash calls
 * running at once (shells 20 and 30, 20 with a child 21 that outlives its call), an in-process Read
 * during them, and accesses outside any call.
 */
function recorded() {
  ws = makeWorkspace();
  const store = TraceStore.create(path.join(ws.root, 'trace.db'));
  const runId = store.createRun({ ioTraceVersion: 't', command: ['agent'], cwd: '/w', workspaceRoot: '/w', tracer: 'bpftrace', startedAt: T, endedAt: T + 20_000 });
  const p = (key: number, pid: number, parentKey: number | null, startS: number, argv: string[]): ProcessRecord => ({
    key, pid, parentKey, ppid: null, taskId: 'agent', role: 'task', exe: argv[0], argv, cwd: '/w', startedAt: T + startS * 1000, endedAt: null,
  });
  store.saveProcesses(runId, [
    p(1, 5, null, 0, ['npx', 'agent']),
    p(2, 10, 1, 0.1, ['node', 'agent.js']),
    p(3, 11, 2, 0.5, ['node', 'mcp-server.js']),
    // Call A's line arrives at 2.0 s; its shell started 0.1 s before (io-trace read the pipe late).
    p(4, 20, 2, 2.0 - 0.1, ['/bin/bash', '-c', 'npm test']),
    p(5, 21, 4, 9.0, ['node', 'jest.js']),
    p(6, 30, 2, 2.2, ['/bin/bash', '-c', 'npm run lint']),
  ]);
  const a = (procKey: number, rel: string, op: AccessRecord['op'], s: number): AccessRecord => ({ procKey, path: `/w/${rel}`, op, errno: 0, count: 1, firstTs: T + s * 1000, lastTs: T + s * 1000 });
  store.writeAccesses(runId, [
    a(2, 'agent.json', 'read', 0.2), // agent, before any call
    a(3, 'mcp.json', 'read', 0.6), // a process started outside any call, at start-up
    a(4, 'package.json', 'read', 2.1),
    a(5, 'src/a.test.js', 'read', 9.5), // after call A ended: still A's (its process)
    a(6, '.eslintrc', 'read', 2.3),
    a(2, 'src/x.ts', 'read', 2.5), // in-process, during A, B and C: C names it
    a(2, 'notes.md', 'read', 2.6), // in-process, during A, B and C: the call asked for last (C)
    a(2, 'late.txt', 'create', 15), // after every call
    a(2, 'session.json', 'read', 1.95), // the agent itself, just before call A's line: no slack for in-process reads
    a(3, 'mcp-cache.json', 'create', 5.0), // the MCP server while only A is in flight: an agent-side process, so A's
  ], []);
  const transcript = parseTranscript(
    [
      use(2.0, 'A', 'Bash', { command: 'npm test' }),
      use(2.0, 'B', 'Bash', { command: 'npm run lint' }),
      use(2.05, 'C', 'Read', { file_path: '/w/src/x.ts' }),
      result(2.9, 'C'),
      result(4.0, 'B'),
      result(8.0, 'A'),
    ].join('\n'),
  );
  const run = store.getRun(runId)!;
  return { store, run, transcript };
}

describe('tool-call attribution', () => {
  it('ties processes, their descendants and in-process accesses to the call in flight; the rest is outside', () => {
    const { store, run, transcript } = recorded();
    try {
      expect(START_SLACK_MS).toBeGreaterThanOrEqual(100);
      const r = attributeToolCalls(store, run, transcript);
      const files = (id: string) => r.calls.find((c) => c.id === id)!.files.map((f) => `${f.op} ${f.display}`).sort();
      const pids = (id: string) => r.calls.find((c) => c.id === id)!.processes.map((p) => p.pid);
      // Concurrent Bash calls: each shell by the command it runs, whatever the order of start.
      expect(pids('A')).toEqual([20, 21]);
      expect(pids('B')).toEqual([30]);
      expect(pids('C')).toEqual([]);
      expect(files('A')).toEqual(['create mcp-cache.json', 'read package.json', 'read src/a.test.js']);
      expect(files('B')).toEqual(['read .eslintrc']);
      expect(files('C')).toEqual(['read notes.md', 'read src/x.ts']);
      expect(r.outside.map((f) => `${f.op} ${f.display}`).sort()).toEqual(['create late.txt', 'read agent.json', 'read mcp.json', 'read session.json']);
      expect(r.agentProcesses.map((p) => p.pid)).toEqual([5, 10, 11]);
      expect(r.untimed).toBe(0);
    } finally {
      store.close();
    }
  });

  it('a transcript without times ties nothing and says how many calls had none', () => {
    const { store, run } = recorded();
    try {
      const untimed = parseTranscript([use(1, 'A', 'Bash', { command: 'x' })].join('\n').replace(/"timestamp":"[^"]+",/, ''));
      const r = attributeToolCalls(store, run, untimed);
      expect(r.untimed).toBe(1);
      expect(r.calls[0].files).toEqual([]);
      expect(r.outside.length).toBe(10);
    } finally {
      store.close();
    }
  });
});
