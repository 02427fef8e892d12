import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DIST_CLI, node24, runCli, startCli } from '../helpers/cli.js';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { TraceStore } from '../../src/store/store.js';
import { makeWorkspace } from '../helpers/workspace.js';

let ws: ReturnType<typeof makeWorkspace>;
afterEach(() => ws?.cleanup());

const PLAN = JSON.stringify({
  version: 1,
  tasks: [{ id: 'app:build', target: { project: 'app', target: 'build' }, projectRoot: 'app', inputs: ['app/src/**'], outputs: ['app/dist'] }],
});

function workspace() {
  ws = makeWorkspace({ 'io-trace.plan.json': PLAN, 'app/src/a.txt': 'a' });
  return ws;
}

describe('io-trace CLI (dist/ under Node 24)', () => {
  it('prints its version and help', () => {
    const ws = workspace();
    expect(runCli(['--version'], { cwd: ws.root }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runCli(['run', '--help'], { cwd: ws.root });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail-on none|warning|error');
  });

  it('passes the build exit code through, streams and saves its output', () => {
    const ws = workspace();
    const r = runCli(['run', '--tracer', 'none', '--json', 'report.json', '--', 'sh', '-c', 'echo to-out; echo to-err >&2; exit 3'], { cwd: ws.root });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('to-out\n');
    expect(r.stderr).toContain('to-err\n');
    expect(r.stderr).toContain('NOT TRACED');
    const report = JSON.parse(readFileSync(path.join(ws.root, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ schemaVersion: 1, status: 'not-traced', tasksAnalyzed: 0, findings: [], run: { exitCode: 3, tracer: 'none', stdoutPath: 'runs/1/stdout.log' } });
    const dir = path.join(ws.root, '.io-trace');
    expect(readFileSync(path.join(dir, 'runs/1/stdout.log'), 'utf8')).toBe('to-out\n');
    expect(readFileSync(path.join(dir, 'runs/1/stderr.log'), 'utf8')).toBe('to-err\n');
    expect(readFileSync(path.join(dir, 'runs/1/output.log'), 'utf8')).toMatch(/^(to-out\nto-err\n|to-err\nto-out\n)$/);
    // Plain text on stdout is not an agent's transcript: `transcript` says so and points at `log`.
    expect(report.run).toMatchObject({ logPath: 'runs/1/output.log', transcriptPath: null });
    const t = runCli(['transcript'], { cwd: ws.root });
    expect(t.code).toBe(3);
    expect(t.stderr).toContain('run 1 in');
    expect(t.stderr).toContain('has no agent transcript');
    expect(t.stderr).toContain('io-trace log 1');
    expect(runCli(['log'], { cwd: ws.root }).stdout).toMatch(/^(to-out\nto-err\n|to-err\nto-out\n)$/);
    // A --transcript file that never appeared: the run says so, and `transcript` names where it should be.
    const missing = runCli(['run', '--tracer', 'none', '--quiet', '--transcript', 'gone.jsonl', '--', 'true'], { cwd: ws.root });
    expect(missing.stderr).toContain('no such file after the build');
    const t2 = runCli(['transcript'], { cwd: ws.root });
    expect(t2.code).toBe(3);
    expect(t2.stderr).toContain(`the transcript of run 2 is missing: ${path.join(ws.root, 'gone.jsonl')} (it is recorded as ../gone.jsonl, relative to the folder of`);
    // io-trace's own phases are spans in the database: where did the time go.
    const store = TraceStore.openExisting(path.join(dir, 'trace.db'), { readonly: true });
    try {
      const spans = store.loadEvents(1).filter((e) => e.kind === 'span').map((e) => e.name);
      for (const phase of ['setup', 'attach', 'build', 'detach', 'ingest', 'analysis', 'reports']) expect(spans).toContain(phase);
    } finally {
      store.close();
    }
  });

  it('reports a build killed by a signal as 128+N and never as complete', () => {
    const ws = workspace();
    const r = runCli(['run', '--tracer', 'none', '--json', 'r.json', '--', 'sh', '-c', 'kill -KILL $$'], { cwd: ws.root });
    expect(r.code).toBe(137);
    const report = JSON.parse(readFileSync(path.join(ws.root, 'r.json'), 'utf8'));
    expect(report.run.signal).toBe('SIGKILL');
    expect(report.incompleteReasons).toContain('the build was killed by SIGKILL before it finished');
    // Analysing again keeps the trace's own reasons, once each.
    expect(runCli(['analyze', '--json', 'again.json'], { cwd: ws.root }).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(ws.root, 'again.json'), 'utf8')).incompleteReasons).toEqual(report.incompleteReasons);
  });

  it('forwards SIGTERM to the build and still records the run', async () => {
    const ws = workspace();
    const child = startCli(['run', '--tracer', 'none', '--json', 'r.json', '--', 'sh', '-c', 'echo started; exec sleep 30'], { cwd: ws.root });
    await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('started') && resolve()));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(143);
    const report = JSON.parse(readFileSync(path.join(ws.root, 'r.json'), 'utf8'));
    expect(report.run.signal).toBe('SIGTERM');
  });

  it('keeps huge output whole without holding it in memory', () => {
    const ws = workspace();
    const r = runCli(['run', '--tracer', 'none', '--quiet', '--', 'sh', '-c', 'head -c 50000000 /dev/zero | tr "\\0" x'], { cwd: ws.root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(statSync(path.join(ws.root, '.io-trace/runs/1/stdout.log')).size).toBe(50_000_000);
  });

  it('rejects bad input with exit 2 and a message naming it', () => {
    const ws = workspace();
    ws.write('bad.json', '{"version": 1, "tasks": [{"id": "x"}]}');
    const bad = runCli(['run', '--plan', 'bad.json', '--', 'true'], { cwd: ws.root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`plan file ${path.join(ws.root, 'bad.json')} line 1: task "x" needs "target"`);
    expect(runCli(['run', '--tracer', 'dtrace', '--', 'true'], { cwd: ws.root }).stderr).toContain('--tracer "dtrace": use one of auto, bpftrace, strace, none');
    expect(runCli(['run'], { cwd: ws.root }).stderr).toContain('no build command');
    expect(runCli(['frobnicate'], { cwd: ws.root }).code).toBe(2);
    const noPlan = makeWorkspace();
    try {
      expect(runCli(['run', '--', 'true'], { cwd: noPlan.root }).stderr).toContain('no plan found');
    } finally {
      noPlan.cleanup();
    }
  });

  it('analyzes a recorded run again, and names a damaged database', () => {
    const ws = workspace();
    expect(runCli(['run', '--tracer', 'none', '--', 'true'], { cwd: ws.root }).code).toBe(0);
    const again = runCli(['analyze', '--json', 'again.json'], { cwd: ws.root });
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(ws.root, 'again.json'), 'utf8')).run.id).toBe(1);
    ws.write('broken.db', 'garbage'.repeat(1000));
    const broken = runCli(['analyze', '--db', 'broken.db'], { cwd: ws.root });
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain('broken.db is damaged or not an io-trace database');
    expect(runCli(['analyze', '--db', 'nope.db'], { cwd: ws.root }).stderr).toContain('nope.db does not exist');
  });
});

describe('triage on a read-only artifact folder', () => {
  it('reads a database it may not write beside (WAL wants a -shm file), leaving nothing behind', () => {
    const ws = workspace();
    expect(runCli(['run', '--tracer', 'none', '--', 'true'], { cwd: ws.root }).code).toBe(0);
    const dir = path.join(ws.root, '.io-trace');
    spawnSync('chmod', ['-R', 'a-w,a+rX', dir]);
    spawnSync('chmod', ['a+rx', ws.root]);
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('io-trace-db-')).length;
    // As nobody: root ignores file permissions.
    const r = spawnSync('setpriv', ['--reuid', '65534', '--regid', '65534', '--clear-groups', node24(), DIST_CLI, 'list', '--json', '--db', dir], { encoding: 'utf8', cwd: '/' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).runs).toMatchObject([{ id: 1, status: 'not-traced' }]);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('io-trace-db-')).length).toBe(before);
    spawnSync('chmod', ['-R', 'u+w', dir]);
  });
});
