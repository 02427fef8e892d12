/**
 * The core path end to end with the real tracers, as root: the bundled CLI (dist/ under Node 24) traces
 * real builds with bpftrace and with strace, and both must see the same thing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
import { DIST_CLI, node24, REPO, runCli, startCli } from '../helpers/cli.js';
import { smallDisk, type SmallDisk } from '../helpers/tmpfs.js';
import { makeWorkspace } from '../helpers/workspace.js';

const TRACERS = ['bpftrace', 'strace'] as const;

beforeAll(async () => {
  // In CI a missing tracer is a failure, never a skip.
  for (const t of [new BpftraceTracer({ probeOnCheck: true }), new StraceTracer()]) {
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
        'app:build unused_input packages/app/docs/**',
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
      // Files of one folder are one root cause (src/**): every name stays exact in its samples.
      const files = (fs: { type: string; path: string; count?: number; samples?: string[] }[]) =>
        fs.filter((f) => f.type === 'unexpected_read').flatMap((f) => (f.count && f.count > 1 ? f.samples! : [f.path]));
      expect(files(report.findings).sort()).toEqual(NAMES.map((n) => `src/${n}`).sort());
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
    const reads = report.findings.filter((f: { type: string }) => f.type === 'unexpected_read');
    expect(reads.reduce((n: number, f: { count?: number }) => n + (f.count ?? 1), 0)).toBe(NAMES.length);
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

  it('auto: a bpftrace that runs but cannot load the script hands over to strace before the build starts', () => {
    const ws = exampleCopy();
    // A bpftrace that answers --version and the probe, but rejects io-trace's script the way 0.23 rejected
    // the scoping of the old one.
    const real = process.env.IO_TRACE_BPFTRACE ?? 'bpftrace';
    const fake = path.join(ws.root, 'picky-bpftrace');
    writeFileSync(fake, `#!/bin/sh\ncase "$*" in *--version*|*iotrace-ok*) exec ${real} "$@";; esac\necho 'stdin:42:3-10: ERROR: Undefined or undeclared variable: $dn' >&2\nexit 1\n`);
    chmodSync(fake, 0o755);
    const r = runCli(['run', '--tracer', 'auto', '--json', 'r.json', '--', 'npm', 'run', 'build'], { cwd: ws.root, env: { IO_TRACE_BPFTRACE: fake } });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(path.join(ws.root, 'r.json'), 'utf8'));
    expect(report.run.tracer).toBe('strace');
    expect(report.run.tracerReason).toMatch(/bpftrace failed to attach: .*Undefined or undeclared variable: \$dn.*; using strace/);
    expect(report.status).toBe('issues');
    expect(report.incompleteReasons).toEqual([]);
    expect(brief(report.findings)).toContain('lib:build unexpected_read config/banner.txt');
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

/** runCli without blocking the test worker for the whole run (these runs take 10-20 s). */
async function runCliAsync(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  return { code, stdout, stderr };
}

/** Live bpftrace/strace processes following `pid` (their last argument, or `-p PID`). */
function tracersFollowing(pid: number): string[] {
  const found: string[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      continue; // gone meanwhile
    }
    if (argv.length && /(^|\/)(bpftrace|strace)$/.test(argv[0]) && argv.includes(String(pid))) found.push(`${d}: ${argv[0]}`);
  }
  return found;
}

/** Waits up to `ms` for every tracer following `pid` to exit; returns those still there. */
async function tracersGone(pid: number, ms: number): Promise<string[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = tracersFollowing(pid);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** io-trace's own lines about `what`, each a single line (no stack traces, no internal errors). */
function ioTraceLines(stderr: string, what: RegExp): string[] {
  expect(stderr).not.toMatch(/SqliteError|internal error|\n\s+at /);
  return stderr.split('\n').filter((l) => what.test(l));
}

describe('a full or read-only output folder: the build still runs, its exit code comes through', () => {
  const PLAN = JSON.stringify({ version: 1, tasks: [{ id: 'k:build', target: { project: 'k', target: 'build' }, inputs: [], outputs: [] }] });
  const disks: SmallDisk[] = [];
  afterAll(() => {
    for (const d of disks) d.unmount();
  });
  /** A workspace whose .io-trace is a small tmpfs of its own. */
  function workspaceOnSmallDisk(sizeKb: number, files: Record<string, string> = {}) {
    const ws = makeWorkspace({ 'io-trace.plan.json': PLAN, 'data.txt': 'x', ...files });
    const disk = smallDisk(sizeKb, path.join(ws.root, '.io-trace'));
    disks.push(disk);
    return { ws, disk };
  }

  it('full before the run: the build runs untraced, shows its output, exits 5, says why in one line', () => {
    const { ws, disk } = workspaceOnSmallDisk(64);
    disk.fill();
    const r = runCli(['run', '--tracer', 'bpftrace', '--json', 'r.json', '--', 'sh', '-c', 'cat data.txt; echo out; echo err >&2; exit 5'], { cwd: ws.root });
    expect(r.code).toBe(5);
    expect(r.stdout).toBe('xout\n');
    expect(r.stderr).toContain('err\n');
    expect(ioTraceLines(r.stderr, /cannot write/)).toEqual([
      'io-trace warning: cannot write the trace database .io-trace/trace.db: disk full; the build runs untraced',
      '  tracer: cannot write the trace database .io-trace/trace.db: disk full; the build ran untraced',
    ]);
    expect(r.stderr).toContain('NOT TRACED (build exit 5');
    expect(r.stderr).not.toContain('database: ');
    // Nothing was saved, so there is no run number to look up.
    expect(r.stderr).toContain('io-trace: run (not saved): NOT TRACED');
    expect(r.stderr).not.toMatch(/io-trace: run \d/);
    const report = JSON.parse(readFileSync(path.join(ws.root, 'r.json'), 'utf8'));
    expect(report).toMatchObject({ status: 'not-traced', findings: [], run: { tracer: 'none', exitCode: 5 } });
    expect(report.run.tracerReason).toBe('cannot write the trace database .io-trace/trace.db: disk full; the build ran untraced');

    // --quiet relies on saved logs: output that cannot be saved is shown after all; an unwritable --json is one line.
    const q = runCli(['run', '--quiet', '--tracer', 'strace', '--json', '.io-trace/r.json', '--', 'sh', '-c', 'echo out; exit 5'], { cwd: ws.root });
    expect(q.code).toBe(5);
    expect(q.stdout).toBe('out\n');
    expect(ioTraceLines(q.stderr, /JSON report/)).toEqual(['io-trace error: cannot write the JSON report .io-trace/r.json: disk full']);
    // The last line, so the action (which quotes io-trace's last line when it finds no report) says why.
    expect(q.stderr.trimEnd().split('\n').at(-1)).toBe('io-trace error: cannot write the JSON report .io-trace/r.json: disk full');
  });

  it('read-only (EROFS) or not writable (EACCES): the same, with the reason', () => {
    const { ws, disk } = workspaceOnSmallDisk(256);
    disk.readonly(true);
    const r = runCli(['run', '--tracer', 'bpftrace', '--json', 'r.json', '--', 'sh', '-c', 'cat data.txt; exit 4'], { cwd: ws.root });
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('x');
    expect(ioTraceLines(r.stderr, /cannot write/)[0]).toBe('io-trace warning: cannot write the trace database .io-trace/trace.db: read-only file system; the build runs untraced');
    expect(JSON.parse(readFileSync(path.join(ws.root, 'r.json'), 'utf8'))).toMatchObject({ status: 'not-traced', run: { exitCode: 4 } });

    // Root writes anywhere, so EACCES needs io-trace itself to run as another user (untraced: no root).
    disk.readonly(false);
    chmodSync(ws.root, 0o755);
    const u = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', node24(), DIST_CLI, 'run', '--tracer', 'none', '--', 'sh', '-c', 'cat data.txt; exit 6'], {
      cwd: ws.root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(u.status).toBe(6);
    expect(u.stdout).toBe('x');
    expect(ioTraceLines(u.stderr, /cannot write/)[0]).toBe('io-trace warning: cannot write the trace database .io-trace/trace.db: permission denied; the build runs untraced');
  });

  for (const tracer of TRACERS) {
    it(`fills during the build (${tracer}): build exit 5 kept, tracer stopped, run incomplete, what was committed stays readable`, async () => {
      // The build waits until its first read is committed, fills the disk, does more, and gives the
      // ingest timer (1 s) time to hit the full disk before it exits.
      const { ws, disk } = workspaceOnSmallDisk(2048, {
        'wait-db.mjs': `import { DatabaseSync } from 'node:sqlite';
const deadline = Date.now() + 60_000;
for (;;) {
  try {
    const db = new DatabaseSync('.io-trace/trace.db', { readOnly: true });
    const n = db.prepare("SELECT count(*) AS n FROM accesses WHERE path LIKE '%/data.txt'").get().n;
    db.close();
    if (n > 0) break;
  } catch {}
  if (Date.now() > deadline) { console.error('no flush within 60 s'); process.exit(9); }
  await new Promise((r) => setTimeout(r, 100));
}
`,
        'build.sh': `cat data.txt
echo before
"$NODE24" wait-db.mjs || exit 9
dd if=/dev/zero of=.io-trace/fill bs=64k 2>/dev/null || echo disk filled >&2
for i in $(seq 1 200); do echo "$i" > "many-$i.txt"; cat "many-$i.txt"; done > /dev/null
sleep 2.5
echo after
exit 5
`,
      });
      const r = await runCliAsync(['run', '--tracer', tracer, '--json', 'r.json', '--', 'sh', 'build.sh'], { cwd: ws.root, env: { NODE24: node24() } });
      expect(r.stderr).toContain('disk filled');
      expect(disk.free()).toBe(0);
      expect(r.code).toBe(5);
      expect(r.stdout).toBe('xbefore\nafter\n');
      const lines = ioTraceLines(r.stderr, /cannot write the trace database/);
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(l).toContain('cannot write the trace database .io-trace/trace.db: disk full');
      const report = JSON.parse(readFileSync(path.join(ws.root, 'r.json'), 'utf8'));
      expect(report.status).toBe('incomplete');
      expect(report.run).toMatchObject({ tracer, exitCode: 5 });
      expect(report.incompleteReasons).toContain('cannot write the trace database .io-trace/trace.db: disk full');

      const store = TraceStore.openExisting(path.join(ws.root, '.io-trace', 'trace.db'), { readonly: true });
      try {
        const run = store.getRun(report.run.id)!;
        expect(run.command).toEqual(['sh', 'build.sh']);
        const reads = [...store.taskAccesses(run.id)].filter((a) => a.op === 'read' && a.taskId === 'k:build').map((a) => a.path);
        expect(reads).toContain(path.join(ws.root, 'data.txt'));
        const root = store.loadProcesses(run.id).find((p) => p.parentKey === null);
        expect(root).toBeDefined();
        // bpftrace may still be detaching its probes in the background (SIGINT sent, a watchdog
        // kills it if it lingers): gone within seconds, never left following the build.
        expect(await tracersGone(root!.pid, 6_000)).toEqual([]);
      } finally {
        store.close();
      }
    });
  }
});
