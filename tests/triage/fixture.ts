import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AccessRecord, ProcessRecord } from '../../src/store/store.js';
import { TraceStore } from '../../src/store/store.js';

/** File names that try to break out of a terminal line, a workflow command, HTML, or a JSON string. */
export const HOSTILE = {
  newline: 'src/evil\n::warning::forged.ts',
  tab: 'src/tab\there.ts',
  html: 'src/<img src=x onerror="window.__pwned=1">.ts',
  unicode: 'src/ünï\u2028cödé 🚀.ts',
  ansi: 'src/\u001b[31mred\u001b[0m.ts',
};

export const T0 = 1_763_700_000_000;

export interface FixtureRun {
  runId: number;
  dbFile: string;
}

/**
 * A realistic recorded run written through the real TraceStore: two tasks (one with a hostile id),
 * processes, accesses (some with hostile names), findings with fixes, nested spans with a failure,
 * and logs (stdout, stderr, a Claude Code stream-json transcript) beside the database.
 */
export function writeFixtureRun(dbFile: string, options: { root?: string; offset?: number; command?: string[] } = {}): FixtureRun {
  const root = options.root ?? '/w';
  const t0 = T0 + (options.offset ?? 0);
  const store = TraceStore.create(dbFile);
  try {
    const runId = store.createRun({
      ioTraceVersion: 'test',
      command: options.command ?? ['npm', 'run', 'build'],
      cwd: root,
      workspaceRoot: root,
      planSource: 'file',
      tracer: 'bpftrace',
      tracerVersion: '0.20.2',
      startedAt: t0,
      host: { kernel: '6.18.0', os: 'Linux 6.18.0', arch: 'x64', node: 'v24.0.0', github: { repository: 'o/r', runId: '42', job: 'build', sha: 'abcdef1234567890', pr: 7, runnerOs: 'Linux' } },
    });
    store.saveTasks(runId, [
      { id: 'app:build', project: 'app', target: 'build', projectRoot: 'app', inputs: ['app/src/**'], outputs: ['app/dist'], dependsOn: ['lib:build'] },
      { id: 'lib:build', project: 'lib', target: 'build', projectRoot: 'lib', inputs: ['lib/src/**'], outputs: ['lib/dist'], dependsOn: [] },
    ]);
    const procs: ProcessRecord[] = [
      { key: 1, pid: 100, parentKey: null, ppid: 1, taskId: null, role: 'orchestrator', exe: '/usr/bin/npm', argv: ['npm', 'run', 'build'], cwd: root, startedAt: t0 + 1, endedAt: t0 + 900 },
      { key: 2, pid: 101, parentKey: 1, ppid: 100, taskId: 'lib:build', role: 'task', exe: '/usr/bin/tsc', argv: ['tsc', '-p', 'lib'], cwd: root, startedAt: t0 + 10, endedAt: t0 + 300 },
      { key: 3, pid: 102, parentKey: 1, ppid: 100, taskId: 'app:build', role: 'task', exe: '/usr/bin/node', argv: ['node', 'build.js'], cwd: root, startedAt: t0 + 400, endedAt: t0 + 800 },
      { key: 4, pid: 103, parentKey: 3, ppid: 102, taskId: 'app:build', role: 'task', exe: '/bin/cp', argv: ['cp', 'a', 'b'], cwd: root, startedAt: t0 + 500, endedAt: t0 + 510 },
    ];
    store.saveProcesses(runId, procs);
    const a = (procKey: number, rel: string, op: AccessRecord['op'], ts: number, errno = 0, count = 1): AccessRecord => ({ procKey, path: `${root}/${rel}`, op, errno, count, firstTs: t0 + ts, lastTs: t0 + ts + 1 });
    store.writeAccesses(runId, [
      a(2, 'lib/src/index.ts', 'read', 20, 0, 3),
      a(2, 'lib/dist/index.js', 'create', 250),
      a(2, 'lib/missing.json', 'stat', 30, 2),
      a(3, 'app/src/main.ts', 'read', 410),
      a(3, 'lib/dist/index.js', 'read', 420),
      a(3, 'config.json', 'read', 430),
      a(4, 'app/dist/main.js', 'create', 505),
      a(3, HOSTILE.newline, 'read', 440),
      a(3, HOSTILE.tab, 'read', 441),
      a(3, HOSTILE.html, 'read', 442),
      a(3, HOSTILE.unicode, 'create', 443),
      a(3, HOSTILE.ansi, 'read', 444),
    ], []);
    store.replaceFindings(runId, [
      { task: 'app:build', type: 'unexpected_read', path: 'config.json', severity: 'error', message: 'app:build read config.json, not in its inputs', fix: { summary: 'add "config.json" to inputs of app:build', field: 'inputs', add: ['config.json'], file: 'io-trace.plan.json', line: 3 } },
      { task: 'app:build', type: 'unexpected_read', path: HOSTILE.html, severity: 'error', message: 'read a hostile file' },
      { task: 'app:build', type: 'unexpected_read', path: HOSTILE.newline, severity: 'error', message: 'read a hostile file' },
      { task: 'lib:build', type: 'missing_output', path: 'lib/types', severity: 'warning', message: 'declared output matched nothing' },
      { task: 'app:build', type: 'unused_input', path: 'app/src/**', severity: 'info', message: '3 inputs never opened', count: 3, samples: ['app/src/a.ts'] },
    ]);
    const setup = store.addEvent(runId, { kind: 'span', name: 'setup', startTs: t0 - 5, durationMs: 4, status: 'ok' });
    store.addEvent(runId, { kind: 'span', name: 'select-tracer', parentId: setup, startTs: t0 - 4, durationMs: 2, status: 'ok' });
    const build = store.addEvent(runId, { kind: 'span', name: 'build', startTs: t0 + 1, durationMs: 899, status: 'ok' });
    store.addEvent(runId, { kind: 'span', name: 'task', parentId: build, startTs: t0 + 10, durationMs: 290, status: 'ok', attributes: { task: 'lib:build', processes: 1 } });
    store.addEvent(runId, { kind: 'span', name: 'upload', startTs: t0 + 950, durationMs: 30, status: 'error', error: 'artifact upload failed: 503' });
    store.addEvent(runId, { kind: 'metric', name: 'events', startTs: t0 + 900, value: 1234 });
    store.addEvent(runId, { kind: 'notice', name: 'lost', startTs: t0 + 600, attributes: { message: 'lost 3 events' } });
    store.updateTaskStatus(runId, [
      { taskId: 'lib:build', status: 'analyzed', processCount: 1, startedAt: t0 + 10, endedAt: t0 + 300 },
      { taskId: 'app:build', status: 'analyzed', processCount: 2, startedAt: t0 + 400, endedAt: t0 + 800 },
    ]);
    const dir = path.dirname(dbFile);
    const logDir = path.join(dir, 'runs', String(runId));
    mkdirSync(logDir, { recursive: true });
    const transcript = [
      JSON.stringify({ type: 'system', subtype: 'init', session_id: 's1', model: 'claude-x', cwd: root, tools: ['Bash', 'Read'] }),
      JSON.stringify({ type: 'assistant', message: { role: 'assistant', content: [{ type: 'text', text: 'Building now.' }, { type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command: 'npm run build' } }] }, session_id: 's1' }),
      JSON.stringify({ type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'error TS2304', is_error: true }] }, session_id: 's1' }),
      JSON.stringify({ type: 'result', subtype: 'success', is_error: false, num_turns: 2, duration_ms: 900, total_cost_usd: 0.01, result: 'done', session_id: 's1' }),
    ].join('\n') + '\n';
    writeFileSync(path.join(logDir, 'transcript.log'), transcript);
    // Arrival times of the transcript's chunks (what OutputCapture writes): line 2 at +415 ms, line 3 at +820 ms.
    const l1 = Buffer.byteLength(transcript.split('\n')[0]) + 1;
    const l2 = Buffer.byteLength(transcript.split('\n')[1]) + 1;
    writeFileSync(path.join(logDir, 'transcript.log.times'), `0 ${t0 + 5}\n${l1} ${t0 + 415}\n${l1 + l2} ${t0 + 820}\n`);
    writeFileSync(path.join(logDir, 'stdout.log'), 'built\n');
    writeFileSync(path.join(logDir, 'stderr.log'), Buffer.from([0x65, 0x72, 0x72, 0x0a, 0xff, 0x00, 0x1b, 0x5b, 0x0a]));
    store.updateRun(runId, {
      status: 'issues',
      endedAt: t0 + 1000,
      exitCode: 0,
      eventCount: 5000,
      incompleteReasons: [],
      stdoutPath: path.relative(dir, path.join(logDir, 'stdout.log')),
      stderrPath: path.relative(dir, path.join(logDir, 'stderr.log')),
      transcriptPath: path.relative(dir, path.join(logDir, 'transcript.log')),
    });
    return { runId, dbFile };
  } finally {
    store.close();
  }
}
