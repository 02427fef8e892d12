/**
 * The core path end to end with the real tracers, as root: the bundled CLI (dist/ under Node 24) traces
 * real builds with bpftrace and with strace, and both must see the same thing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { TraceStore } from '../../src/store/store.js';
import { BpftraceTracer } from '../../src/tracer/bpftrace.js';
import { StraceTracer } from '../../src/tracer/strace.js';
import { selectTracer } from '../../src/tracer/select.js';
import { runBuild } from '../../src/run/run-build.js';
import { loadPlanFile } from '../../src/plan/file.js';
import { emptyIgnoreRules } from '../../src/config/ignore.js';
import { silentLogger } from '../../src/core/logger.js';
import { TracerError } from '../../src/core/errors.js';
import { REPO, runCli, startCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

const TRACERS = ['bpftrace', 'strace'] as const;

beforeAll(async () => {
  // In CI a missing tracer is a failure, never a skip.
  for (const t of [new BpftraceTracer(), new StraceTracer()]) {
    const a = await t.check();
    if (!a.available) throw new Error(`${t.name} is not usable here (${a.reason}); install it and run as root (see .ci/run)`);
  }
});

function exampleCopy() {
  const ws = makeWorkspace();
  cpSync(path.join(REPO, 'examples/basic'), ws.root, { recursive: true });
  return ws;
}

const brief = (fs: { task: string; type: string; path: string }[]) => fs.map((f) => `${f.task} ${f.type} ${f.path}`).sort();

/** Workspace accesses of a run as comparable strings: task, op, relative path, errno. */
function accessSet(dbPath: string, root: string): string[] {
  const store = TraceStore.openExisting(dbPath, { readonly: true });
  try {
    const run = store.resolveRun('latest');
    const out = new Set<string>();
    for (const a of store.taskAccesses(run.id)) {
      if (!a.path.startsWith(root + '/') || a.taskId === null) continue;
      out.add(`${a.taskId} ${a.op} ${a.errno} ${path.relative(root, path.resolve(a.path))}`);
    }
    return [...out].sort();
  } finally {
    store.close();
  }
}

describe('traced run of the bundled example', () => {
  const runs: Record<string, { root: string; db: string }> = {};
  for (const tracer of TRACERS) {
    it(`finds the planted faults with ${tracer}`, () => {
      const ws = exampleCopy();
      const r = runCli(['run', '--tracer', tracer, '--plan', 'io-trace.plan.json', '--json', 'report.json', '--', 'npm', 'run', 'build'], { cwd: ws.root });
      expect(r.stderr).not.toContain('internal error');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('> app:build');
      const report = JSON.parse(readFileSync(path.join(ws.root, 'report.json'), 'utf8'));
      expect(report.incompleteReasons.join('\n')).toBe('');
      expect(report.status).toBe('issues');
      expect(report.run.tracer).toBe(tracer);
      expect(report.tasksAnalyzed).toBe(2);
      expect(report.tasksWithIssues).toBe(2);
      expect(brief(report.findings)).toEqual([
        'app:build missing_output packages/app/types',
        'app:build unexpected_write packages/app/build-info.json',
        'app:build unused_input packages/app/docs/notes.md',
        'lib:build unexpected_read config/banner.txt',
      ]);
      const read = report.findings.find((f: { type: string }) => f.type === 'unexpected_read');
      expect(read.fix).toMatchObject({ field: 'inputs', add: ['config/banner.txt'], file: 'io-trace.plan.json', line: 9 });
      runs[tracer] = { root: ws.root, db: path.join(ws.root, '.io-trace', 'trace.db') };
    });
  }

  it('bpftrace and strace record the same workspace accesses', () => {
    expect(Object.keys(runs)).toEqual([...TRACERS]);
    const b = accessSet(runs.bpftrace.db, runs.bpftrace.root);
    const s = accessSet(runs.strace.db, runs.strace.root);
    expect(b.length).toBeGreaterThan(10);
    expect(b).toEqual(s);
  });
});

describe('traced run: hard cases', () => {
  const NAMES = ['new\nline.txt', 'tab\there.txt', 'ünïcødé ☃.txt', '::warning::forged.txt', `${'d'.repeat(60)}/${'e'.repeat(60)}/${'f'.repeat(60)}/${'g'.repeat(110)}.txt`];

  function hostileWorkspace() {
    const files: Record<string, string> = {
      'read.mjs': `import { readFileSync } from 'node:fs';\nfor (const n of JSON.parse(readFileSync('names.json', 'utf8'))) readFileSync('src/' + n);\n`,
      'names.json': JSON.stringify(NAMES),
      'io-trace.plan.json': JSON.stringify({ version: 1, tasks: [{ id: 'h:build', target: { project: 'h', target: 'build' }, inputs: ['read.mjs', 'names.json'], outputs: [] }] }),
    };
    for (const n of NAMES) files[`src/${n}`] = n;
    return makeWorkspace(files);
  }

  for (const tracer of TRACERS) {
    it(`keeps hostile file names exact with ${tracer} (newline, tab, unicode, ::warning::, 300 chars)`, () => {
      expect(NAMES[4].length + 4).toBeGreaterThan(300);
      const ws = hostileWorkspace();
      const r = runCli(['run', '--tracer', tracer, '--json', 'r.json', '--', 'node', 'read.mjs'], { cwd: ws.root });
      expect(r.code).toBe(0);
      const report = JSON.parse(readFileSync(path.join(ws.root, 'r.json'), 'utf8'));
      expect(report.incompleteReasons.join('\n')).toBe('');
      expect(report.findings.filter((f: { type: string }) => f.type === 'unexpected_read').map((f: { path: string }) => f.path).sort()).toEqual(NAMES.map((n) => `src/${n}`).sort());
      // No line of io-trace's own output starts with a workflow command.
      expect(r.stderr.split('\n').some((l) => l.startsWith('::'))).toBe(false);
      expect(r.stderr).toContain('"src/new\\nline.txt"');
    });
  }

  it('runs the build as another user while tracing as root', () => {
    const ws = hostileWorkspace();
    chmodSync(ws.root, 0o777);
    const r = runCli(['run', '--tracer', 'bpftrace', '--user', 'nobody', '--out-dir', '.io-trace', '--json', 'r.json', '--', 'sh', '-c', 'id -u; node read.mjs'], { cwd: ws.root });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('65534');
    const report = JSON.parse(readFileSync(path.join(ws.root, 'r.json'), 'utf8'));
    expect(report.findings.filter((f: { type: string }) => f.type === 'unexpected_read')).toHaveLength(NAMES.length);
  });

  for (const tracer of TRACERS) {
    it(`keeps what a build killed by a signal did, with ${tracer}`, () => {
      const ws = makeWorkspace({
        'io-trace.plan.json': JSON.stringify({ version: 1, tasks: [{ id: 'k:build', target: { project: 'k', target: 'build' }, inputs: [], outputs: [] }] }),
        'secret.txt': 'x',
      });
      const r = runCli(['run', '--tracer', tracer, '--json', 'r.json', '--', 'sh', '-c', 'cat secret.txt; kill -KILL $$'], { cwd: ws.root });
      expect(r.code).toBe(137);
      const report = JSON.parse(readFileSync(path.join(ws.root, 'r.json'), 'utf8'));
      expect(report.status).toBe('incomplete');
      expect(report.incompleteReasons).toContain('the build was killed by SIGKILL before it finished');
      expect(brief(report.findings)).toEqual(['k:build unexpected_read secret.txt']);
    });
  }

  it('marks the run incomplete when a process opens files through io_uring, and only then (bpftrace)', () => {
    const ws = makeWorkspace({
      'io-trace.plan.json': JSON.stringify({ version: 1, tasks: [{ id: 'u:build', target: { project: 'u', target: 'build' }, inputs: [], outputs: [] }] }),
      'data.txt': 'x',
    });
    const built = spawnSync('gcc', ['-O1', '-o', path.join(ws.root, 'uring'), path.join(REPO, 'tests/fixtures/io-uring/uring-openat.c')], { encoding: 'utf8' });
    expect(built.stderr).toBe('');
    // A ring that only exists (libuv's epoll_ctl batching in every Node process) hides nothing.
    const harmless = runCli(['run', '--tracer', 'bpftrace', '--json', 'a.json', '--', 'sh', '-c', './uring data.txt setup-only; node -e "1"'], { cwd: ws.root });
    expect(harmless.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(ws.root, 'a.json'), 'utf8')).incompleteReasons).toEqual([]);
    // An OPENAT submitted through the ring is a file access no syscall tracepoint sees.
    const blind = runCli(['run', '--tracer', 'bpftrace', '--json', 'b.json', '--', './uring', 'data.txt'], { cwd: ws.root });
    expect(blind.stdout).toMatch(/openat via io_uring: \d+/);
    const report = JSON.parse(readFileSync(path.join(ws.root, 'b.json'), 'utf8'));
    expect(report.status).toBe('incomplete');
    expect(report.incompleteReasons.join('\n')).toMatch(/submitted io_uring OPENAT operations/);
  });

  it('under strace the build gets ENOSYS from io_uring_setup, so nothing goes around the tracer', () => {
    const ws = makeWorkspace({
      'io-trace.plan.json': JSON.stringify({ version: 1, tasks: [{ id: 'u:build', target: { project: 'u', target: 'build' }, inputs: [], outputs: [] }] }),
      'data.txt': 'x',
    });
    spawnSync('gcc', ['-O1', '-o', path.join(ws.root, 'uring'), path.join(REPO, 'tests/fixtures/io-uring/uring-openat.c')]);
    const r = runCli(['run', '--tracer', 'strace', '--json', 'r.json', '--', 'sh', '-c', './uring data.txt; cat data.txt'], { cwd: ws.root });
    expect(r.stderr).toContain('io_uring_setup: Function not implemented');
    const report = JSON.parse(readFileSync(path.join(ws.root, 'r.json'), 'utf8'));
    expect(report.incompleteReasons).toEqual([]);
    expect(brief(report.findings)).toEqual(['u:build unexpected_read data.txt', 'u:build unexpected_read uring']);
  });
});

describe('tracer selection', () => {
  const missing = () => [new BpftraceTracer({ command: ['/nonexistent/bpftrace'] }), new StraceTracer({ bin: '/nonexistent/strace' })];

  it('auto falls back to untraced with the reasons, and the build still runs', async () => {
    const sel = await selectTracer('auto', missing(), silentLogger);
    expect(sel.tracer.name).toBe('none');
    expect(sel.reason).toMatch(/bpftrace unavailable \(.+\); strace unavailable \(.+\)/);
    const ws = makeWorkspace({ 'io-trace.plan.json': JSON.stringify({ version: 1, tasks: [{ id: 'a:b', target: { project: 'a', target: 'b' }, outputs: [] }] }) });
    const result = await runBuild({
      command: ['sh', '-c', 'exit 5'],
      cwd: ws.root,
      plan: loadPlanFile(path.join(ws.root, 'io-trace.plan.json')),
      outDir: path.join(ws.root, '.io-trace'),
      tracer: 'auto',
      tracers: missing(),
      ignore: emptyIgnoreRules(),
      log: silentLogger,
      echo: null,
      stdin: 'ignore',
    });
    expect(result.buildExitCode).toBe(5);
    expect(result.report.status).toBe('not-traced');
    expect(result.report.run.tracerReason).toContain('the build ran untraced');
  });

  it('an explicitly requested tracer that cannot run is an error naming why', async () => {
    await expect(selectTracer('bpftrace', missing(), silentLogger)).rejects.toThrow(TracerError);
    await expect(selectTracer('strace', missing(), silentLogger)).rejects.toThrow(/--tracer strace cannot run here: /);
  });
});

describe('a run killed half way', () => {
  it('leaves a readable database with what was recorded so far', async () => {
    const ws = makeWorkspace({
      'io-trace.plan.json': JSON.stringify({ version: 1, tasks: [{ id: 'k:build', target: { project: 'k', target: 'build' }, inputs: [], outputs: [] }] }),
      'data.txt': 'x',
    });
    const child = startCli(['run', '--tracer', 'bpftrace', '--', 'sh', '-c', 'cat data.txt; echo started; exec sleep 4'], { cwd: ws.root });
    await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('started') && resolve()));
    await new Promise((r) => setTimeout(r, 2500)); // past one ingest flush (every second)
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const store = TraceStore.openExisting(path.join(ws.root, '.io-trace', 'trace.db'), { readonly: true });
    try {
      const run = store.resolveRun('latest');
      expect(run.status).toBe('running');
      const paths = [...store.taskAccesses(run.id)].filter((a) => a.op === 'read').map((a) => a.path);
      expect(paths).toContain(path.join(ws.root, 'data.txt'));
    } finally {
      store.close();
    }
  });
});
