import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { collectHostFacts, githubFacts } from '../../src/run/host-facts.js';
import { TraceStore } from '../../src/store/store.js';
import { listRunSummaries, parseOps, runFiles, runSpans } from '../../src/triage/queries.js';
import { runTimeline } from '../../src/triage/timeline.js';
import { safe } from '../../src/triage/format.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { writeFixtureRun } from './fixture.js';

let ws: ReturnType<typeof makeWorkspace>;
afterEach(() => ws?.cleanup());

describe('triage queries', () => {
  it('reads each run exactly when two runs wrote their accesses interleaved (rowid range scan)', () => {
    ws = makeWorkspace();
    const store = TraceStore.create(path.join(ws.root, 'trace.db'));
    const mk = () => store.createRun({ ioTraceVersion: 't', command: ['x'], cwd: '/w', workspaceRoot: '/w', tracer: 'bpftrace', startedAt: 0 });
    const a = mk();
    const b = mk();
    for (const id of [a, b]) {
      store.saveTasks(id, [{ id: 't', project: 't', target: 'b', projectRoot: 't', inputs: [], outputs: [], dependsOn: [] }]);
      store.saveProcesses(id, [{ key: 1, pid: 1, parentKey: null, ppid: null, taskId: 't', role: 'task', exe: null, argv: null, cwd: null, startedAt: 0, endedAt: 1 }]);
    }
    for (let i = 0; i < 50; i++) {
      store.writeAccesses(i % 2 ? a : b, [{ procKey: 1, path: `/w/${i % 2 ? 'a' : 'b'}/${i}`, op: 'read', errno: 0, count: 1, firstTs: 100 - i, lastTs: 100 - i }], []);
    }
    expect(store.accessScope(a).sql).toBe('id BETWEEN ? AND ? AND +run_id = ?');
    const files = runFiles(store, store.getRun(a)!);
    expect(files).toHaveLength(25);
    expect(files.every((f) => f.path.startsWith('/w/a/'))).toBe(true);
    const timeline = [...runTimeline(store, store.getRun(b)!)].filter((e) => e.kind === 'access');
    expect(timeline).toHaveLength(25);
    expect(timeline.map((e) => e.ts)).toEqual([...timeline.map((e) => e.ts)].sort((x, y) => x - y));
    expect(store.accessScope(99)).toEqual({ sql: 'run_id = ?', params: [99] });
    store.close();
  });

  it('summarises runs and builds the span tree with derived task spans', () => {
    ws = makeWorkspace();
    const db = path.join(ws.root, 'trace.db');
    writeFixtureRun(db);
    const store = TraceStore.openExisting(db, { readonly: true });
    expect(listRunSummaries(store)[0]).toMatchObject({ id: 1, spans: 5, failedSpans: 1, findings: { total: 5 } });
    const spans = runSpans(store, 1).map((s) => [s.depth, s.name, s.attributes.task ?? null, s.derived]);
    expect(spans).toEqual([
      [0, 'setup', null, false],
      [1, 'select-tracer', null, false],
      [0, 'build', null, false],
      [1, 'task', 'lib:build', false],
      [1, 'task', 'app:build', true],
      [0, 'upload', null, false],
    ]);
    store.close();
  });

  it('parses --op names and groups', () => {
    expect([...parseOps(['read,stat'])!]).toEqual(['read', 'stat']);
    expect([...parseOps(['reads'])!].sort()).toEqual(['exec', 'read']);
    expect(parseOps(['writes'])!.has('rename_to')).toBe(true);
    expect(parseOps(undefined)).toBeUndefined();
    expect(() => parseOps(['nope'])).toThrow(/--op "nope"/);
  });

  it('escapes what could steer a terminal, including C1 controls and line separators', () => {
    expect(safe('plain/ü.ts')).toBe('plain/ü.ts');
    expect(safe('a\nb')).toBe('"a\\nb"');
    expect(safe('x\u009b31my')).toBe('"x\\u009b31my"');
    expect(safe('x\u2028y\u007f')).toBe('"x\\u2028y\\u007f"');
  });
});

describe('host facts', () => {
  it('records kernel and OS, and in GitHub Actions the run, job, commit, PR and runner', () => {
    ws = makeWorkspace({ 'event.json': JSON.stringify({ pull_request: { number: 12, head: { sha: 'feedface' } } }) });
    const env = {
      GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '99', GITHUB_RUN_ATTEMPT: '2', GITHUB_JOB: 'build', GITHUB_WORKFLOW: 'CI',
      GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/12/merge', GITHUB_SHA: 'merge123', RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64',
      GITHUB_SERVER_URL: 'https://github.com', GITHUB_EVENT_PATH: path.join(ws.root, 'event.json'),
    };
    const facts = collectHostFacts(env);
    expect(facts.kernel).toMatch(/\d/);
    expect(facts.github).toEqual({
      repository: 'o/r', runId: '99', runAttempt: '2', workflow: 'CI', job: 'build', eventName: 'pull_request', ref: 'refs/pull/12/merge',
      sha: 'merge123', headSha: 'feedface', pr: 12, runnerOs: 'Linux', runnerArch: 'X64', url: 'https://github.com/o/r/actions/runs/99/attempts/2',
    });
    expect(collectHostFacts({}).github).toBeUndefined();
    expect(githubFacts({ GITHUB_REF: 'refs/pull/5/merge', GITHUB_EVENT_PATH: '/nonexistent' }).pr).toBe(5);
  });
});
