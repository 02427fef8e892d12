/**
 * End to end on the Turborepo fixture (tests/fixtures/turbo-workspace, README lists the planted faults):
 * the real turbo 2.11 runs 8 tasks 4 at a time under the real tracer, as root. Every planted fault is
 * found with its fix, the correctly declared lib#build is clean, each process is charged to the right
 * task (TURBO_HASH) and turbo and npm to none, a second run from cache says so, and an unknown task is
 * a clear error. strace, the fallback, finds the same fault on a smaller run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import type { Report } from '../../src/report/report.js';
import { defaultTracers } from '../../src/tracer/registry.js';
import { installFixture, removeWorkspace } from '../fixtures/install.js';
import { runCli } from '../helpers/cli.js';
import { maxConcurrentTasks, rows, taskReasons, tracedRun, tracerAvailable, type TracedRun } from './helpers.js';

const TASKS = ['build', 'lint', 'size', 'format', 'bundle', 'test', 'docs'];
const COMMAND = ['npx', 'turbo', 'run', ...TASKS, '--force', '--concurrency=4'];

const SIGNATURE: Record<string, string> = {
  'lib#build': 'copy:src/index.js,dist/index.js',
  'lib#lint': 'read:../../lint-rules.json',
  'lib#size': 'wait:dist/index.js',
  'lib#format': 'touch-same:src/util.js',
  'app#build': 'write:build-info.json=built',
  'app#bundle': 'write:bundle/app.js=bundle',
  'app#test': 'read:test/main.test.js',
  'docs#docs': 'write:site/index.html=docs',
};

const bpf = await tracerAvailable('bpftrace');
// In CI a missing tracer fails the suite; skipping is only for a developer machine without root.
if (!bpf.ok && process.env.CI) throw new Error(`bpftrace is required in CI: ${bpf.reason}`);
const strace = await tracerAvailable('strace');
if (!strace.ok && process.env.CI) throw new Error(`strace is required in CI: ${strace.reason}`);
if (!bpf.ok) console.warn(`e2e turbo: bpftrace unavailable (${bpf.reason}); traced tests skipped`);

describe('Turborepo workspace, traced end to end', () => {
  let ws: string;
  let run: TracedRun;
  const one = (task: string, type: string): Finding => {
    const list = run.report.findings.filter((f) => f.task === task && f.type === type);
    expect(list, `${task} ${type}`).toHaveLength(1);
    return list[0];
  };

  beforeAll(async () => {
    ws = installFixture('turbo-workspace');
    if (bpf.ok) run = await tracedRun(ws, COMMAND, 'bpftrace');
  });
  afterAll(() => removeWorkspace(ws));

  it.skipIf(!bpf.ok)('finds exactly the planted faults', () => {
    expect(run.exit.code).toBe(0);
    expect(run.report.tasks.map((t) => `${t.taskId}=${t.status}`).sort()).toEqual(Object.keys(SIGNATURE).sort().map((t) => `${t}=analyzed`));
    expect(rows(run.report.findings)).toEqual([
      'app#build overlapping_output packages/app/dist/meta.json docs#docs',
      'app#build unexpected_write packages/app/build-info.json',
      'app#bundle missing_output packages/app/bundle.stats.json',
      'app#test unused_input $TURBO_ROOT$/test-setup.json',
      'docs#docs unexpected_write packages/app/dist/meta.json',
      'lib#format input_mutation packages/lib/src/util.js',
      'lib#lint unexpected_read lint-rules.json',
      'lib#size undeclared_dependency packages/lib/dist/index.js lib#build',
    ]);
    expect(taskReasons(run.report.incompleteReasons)).toEqual([]);
  });

  it.skipIf(!bpf.ok)('says how to fix each finding, in Turborepo syntax, where it is declared', () => {
    expect(one('lib#lint', 'unexpected_read').fix).toMatchObject({ field: 'inputs', add: ['$TURBO_ROOT$/lint-rules.json'], file: 'turbo.json', line: 10 });
    // lint declares its own inputs list (no "$TURBO_DEFAULT$" in it): nothing to say about the default.
    expect(one('lib#lint', 'unexpected_read').fix?.summary).not.toContain('$TURBO_DEFAULT$');
    expect(one('lib#size', 'undeclared_dependency').fix).toMatchObject({ field: 'dependsOn', add: ['build'], file: 'turbo.json', line: 13 });
    // Only app#build writes it, and the root "build" entry is shared with lib#build: the fix goes to the
    // package's own turbo.json, whose list replaces the root's (so it keeps "dist/**").
    expect(one('app#build', 'unexpected_write').fix).toMatchObject({ field: 'outputs', add: ['build-info.json'], set: ['dist/**', 'build-info.json'], file: 'packages/app/turbo.json' });
    expect(one('app#build', 'overlapping_output').otherTask).toBe('docs#docs');
    expect(one('docs#docs', 'unexpected_write').fix).toMatchObject({ field: 'outputs', add: ['$TURBO_ROOT$/packages/app/dist/meta.json'], file: 'turbo.json', line: 27 });
    expect(one('app#bundle', 'missing_output').fix).toMatchObject({ field: 'outputs', file: 'packages/app/turbo.json', line: 7 });
    // A fix that makes the finding go away: declared as output and taken out of the inputs.
    expect(one('lib#format', 'input_mutation').fix).toMatchObject({ field: 'outputs', add: ['src/util.js'], also: [{ field: 'inputs', add: ['!src/util.js'] }] });
    expect(one('app#test', 'unused_input')).toMatchObject({ severity: 'info', count: 1, samples: ['test-setup.json'] });
    // The declared output matched nothing, but the task's files are in its other output: nothing goes uncached.
    expect(one('app#bundle', 'missing_output').severity).toBe('info');
  });

  it.skipIf(!bpf.ok)('leaves the correctly declared lib#build clean', () => {
    expect(run.report.findings.filter((f) => f.task === 'lib#build')).toEqual([]);
    expect(run.report.tasks.find((t) => t.taskId === 'lib#build')).toMatchObject({ status: 'analyzed', writes: 1 });
  });

  it.skipIf(!bpf.ok)('charges each process to its own task with 4 running at once, and turbo and npm to none', () => {
    expect(maxConcurrentTasks(run.processes)).toBeGreaterThanOrEqual(4);
    const argv = (p: TracedRun['processes'][number]) => (p.argv ?? []).join(' ');
    for (const [task, word] of Object.entries(SIGNATURE)) {
      const procs = run.processes.filter((p) => argv(p).includes(word));
      expect(procs.length, `${task}: its command ran`).toBeGreaterThan(0);
      for (const p of procs) expect(`${p.taskId}/${p.role}`, argv(p)).toBe(`${task}/task`);
    }
    const turbo = run.processes.filter((p) => /(bin\/turbo|\.bin\/turbo)( |$)/.test(argv(p)));
    const npm = run.processes.filter((p) => /npm run (build|lint|size|format|bundle|test|docs)$/.test(argv(p)));
    expect(turbo.length).toBeGreaterThan(0);
    expect(npm).toHaveLength(8);
    for (const p of turbo) expect(`${p.taskId}/${p.role}`, argv(p)).toBe('null/orchestrator');
    for (const p of npm) expect(`${p.taskId}/${p.role}`, argv(p)).toBe('null/package-manager');
  });

  it.skipIf(!bpf.ok)('reports tasks restored from the turbo cache as cached, never clean, and names --force', async () => {
    const again = await tracedRun(ws, ['npx', 'turbo', 'run', 'build', 'lint', '--concurrency=4'], 'bpftrace');
    expect(again.exit.code).toBe(0);
    expect(again.output).toMatch(/cache hit/);
    expect(again.report.tasks.map((t) => `${t.taskId}=${t.status}`).sort()).toEqual(['app#build=cached', 'lib#build=cached', 'lib#lint=cached']);
    expect(again.report.status).toBe('incomplete');
    expect(again.report.findings).toEqual([]);
    const reasons = taskReasons(again.report.incompleteReasons);
    expect(reasons).toHaveLength(3);
    expect(reasons.find((r) => r.startsWith('task lib#lint:'))).toBe(
      'task lib#lint: restored from the turbo cache (turbo printed "cache hit"), so nothing ran and it was not checked: rerun with --force to trace it',
    );
  });

  it.skipIf(!strace.ok)('strace finds the same fault', async () => {
    const small = await tracedRun(ws, ['npx', 'turbo', 'run', 'lint', '--force'], 'strace');
    expect(small.exit.code).toBe(0);
    expect(small.report.run.tracer).toBe('strace');
    expect(rows(small.report.findings)).toEqual(['lib#lint unexpected_read lint-rules.json']);
    expect(taskReasons(small.report.incompleteReasons)).toEqual([]);
  });
});

// The CLI gets its tracers from the registry; until bpftrace is listed there this test is skipped.
const registered = defaultTracers().some((t) => t.name === 'bpftrace');

describe('Turborepo workspace, a task env variable its launcher sets', () => {
  it.skipIf(!bpf.ok)('`npx turbo` sets npm_config_user_agent, which the build task hashes: every task is still attributed', async () => {
    // shadcn's turbo.json lists npm_config_user_agent in the build task's env; npx sets it for turbo, so
    // the build's hashes differ from those of a dry run started without it and no process matched a task.
    const ws = installFixture('turbo-workspace');
    const saved = process.env.npm_config_user_agent;
    delete process.env.npm_config_user_agent; // as in a plain shell (vitest may run under npm)
    try {
      const file = path.join(ws, 'turbo.json');
      const tj = JSON.parse(readFileSync(file, 'utf8'));
      tj.tasks.build.env = ['npm_config_user_agent'];
      writeFileSync(file, JSON.stringify(tj, null, 2));
      const r = await tracedRun(ws, ['npx', 'turbo', 'run', 'build', '--force'], 'bpftrace');
      expect(r.exit.code).toBe(0);
      expect(r.report.tasks.map((t) => `${t.taskId}=${t.status}`).sort()).toEqual(['app#build=analyzed', 'lib#build=analyzed']);
      expect(taskReasons(r.report.incompleteReasons)).toEqual([]);
    } finally {
      if (saved !== undefined) process.env.npm_config_user_agent = saved;
      removeWorkspace(ws);
    }
  });
});

describe('Turborepo workspace, task hashes the plan cannot know', () => {
  it.skipIf(!bpf.ok)('a script that sets a task env variable (`FOO=1 turbo run build`): processes are matched by the hashes turbo printed', async () => {
    const ws = installFixture('turbo-workspace');
    try {
      const file = path.join(ws, 'turbo.json');
      const tj = JSON.parse(readFileSync(file, 'utf8'));
      tj.tasks.build.env = ['IO_TRACE_TEST_FOO'];
      writeFileSync(file, JSON.stringify(tj, null, 2));
      const pkgFile = path.join(ws, 'package.json');
      writeFileSync(pkgFile, JSON.stringify({ ...JSON.parse(readFileSync(pkgFile, 'utf8')), scripts: { build: 'IO_TRACE_TEST_FOO=1 turbo run build --force' } }, null, 2));
      const r = await tracedRun(ws, ['npm', 'run', 'build'], 'bpftrace');
      expect(r.exit.code).toBe(0);
      expect(r.report.tasks.map((t) => `${t.taskId}=${t.status}`).sort()).toEqual(['app#build=analyzed', 'lib#build=analyzed']);
      expect(taskReasons(r.report.incompleteReasons)).toEqual([]);
    } finally {
      removeWorkspace(ws);
    }
  });
});

describe('Turborepo workspace, through the bundled CLI', () => {
  it.skipIf(!bpf.ok || !registered)('io-trace run --tracer bpftrace writes the same finding to the JSON report', () => {
    const ws = installFixture('turbo-workspace');
    try {
      const r = runCli(['run', '--tracer', 'bpftrace', '--quiet', '--json', 'report.json', '--', 'npx', 'turbo', 'run', 'lint', '--force'], { cwd: ws });
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(readFileSync(path.join(ws, 'report.json'), 'utf8')) as Report;
      expect(report.run.tracer).toBe('bpftrace');
      expect(rows(report.findings)).toEqual(['lib#lint unexpected_read lint-rules.json']);
    } finally {
      removeWorkspace(ws);
    }
  });
});

describe('Turborepo workspace, user mistakes', () => {
  it('an unknown task is a clear configuration error', () => {
    const ws = installFixture('turbo-workspace');
    try {
      const r = runCli(['run', '--tracer', 'none', '--', 'npx', 'turbo', 'run', 'biuld', '--force'], { cwd: ws });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Turborepo task "biuld" is not defined in');
      expect(r.stderr).toContain('add it to "tasks" in turbo.json');
    } finally {
      removeWorkspace(ws);
    }
  });
});
